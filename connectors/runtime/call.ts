import { setTimeout as sleep } from 'node:timers/promises';
import type { CircuitBreaker } from './breaker.ts';
import type { CallKind, CallOptions, Connector, PlatformCall } from './connector.ts';
import { PlatformError, type PlatformErrorKind } from './errors.ts';
import type { ConnectorManifest } from './manifest.ts';
import type { RateLimiter, RateLimits } from './rateLimiter.ts';

export type Quotas = ConnectorManifest['quotas'];

export interface CallObservation {
  platform: string;
  kind: CallKind;
  seconds: number;
  error?: PlatformErrorKind;
}

export interface CallContext {
  connector: Pick<Connector, 'manifest' | 'classifyError'>;
  /** The manifest's quotas with any raise this deployment was granted merged over them. */
  quotas: Quotas;
  limiter: RateLimiter;
  breaker: CircuitBreaker;
  timeoutMs: number;
  /** A quota wait up to this long is slept through; longer ones reschedule the job. */
  maxWaitMs?: number;
  /** Used when a platform answers 429 without Retry-After. */
  defaultPenaltyMs?: number;
  observe?: (observation: CallObservation) => void;
}

/** Thrown while a platform's circuit is open: the job is deferred, not counted as an attempt. */
export class CircuitOpenError extends PlatformError {
  constructor(platform: string, retryAfterMs: number) {
    super('TRANSIENT', `${platform} is failing repeatedly; calls are paused for ${Math.ceil(retryAfterMs / 1000)} s.`, { retryAfterMs });
  }
}

const DEFAULT_WAIT_MS = 2_000;

/**
 * How long to wait before calling the platform again when it said "not now" (a quota or an
 * open circuit): such a wait is deferred work, not a failed attempt. Null for any other error.
 */
export function waitBeforeRetry(error: PlatformError): number | null {
  if (error.kind !== 'RATE_LIMITED' && !(error instanceof CircuitOpenError)) return null;
  return error.details.retryAfterMs ?? DEFAULT_WAIT_MS;
}

interface Budget {
  key: string;
  limits: RateLimits;
}

/**
 * The budgets a call draws on. Platform-wide keys are per connector, not per connection:
 * platforms such as Google meter the API project (our OAuth client), shared by every customer.
 */
function budgetsFor(platform: string, quotas: Quotas, options: CallOptions): Budget[] {
  const budgets: Budget[] = [];
  const writes = options.kind !== 'read';
  if (writes && options.listingKey && quotas.perListing) {
    budgets.push({ key: `${platform}:listing:${options.listingKey}`, limits: { perMinute: quotas.perListing.editsPerMinute, perDay: quotas.perListing.editsPerDay } });
  }
  if (writes && (quotas.editsPerMinute || quotas.editsPerDay)) {
    budgets.push({ key: `${platform}:edits`, limits: { perMinute: quotas.editsPerMinute, perDay: quotas.editsPerDay } });
  }
  if (quotas.requestsPerMinute || quotas.requestsPerDay) {
    budgets.push({ key: platform, limits: { perMinute: quotas.requestsPerMinute, perDay: quotas.requestsPerDay } });
  }
  return budgets.filter((b) => b.limits.perMinute || b.limits.perDay);
}

export function makePlatformCall(ctx: CallContext): PlatformCall {
  const platform = ctx.connector.manifest.id;
  const maxWaitMs = ctx.maxWaitMs ?? 1_000;
  const defaultPenaltyMs = ctx.defaultPenaltyMs ?? 2_000;

  async function reserve(budget: Budget): Promise<void> {
    for (;;) {
      const r = await ctx.limiter.reserve(budget.key, budget.limits).catch((err: unknown) => {
        // The quota log lives in Redis. While Redis is away no call may go out (it could break the
        // platform's quota), and nothing is wrong with the listing: a transient failure, retried.
        throw new PlatformError('TRANSIENT', `Tenpo could not reach its quota store (Redis); the update to ${ctx.connector.manifest.name} will be retried.`, {
          rule: 'tenpo.quota_store_unavailable',
          platformMessage: err instanceof Error ? err.message : String(err),
        });
      });
      if (r.ok) return;
      if (r.retryAfterMs > maxWaitMs) {
        throw new PlatformError('RATE_LIMITED', `${ctx.connector.manifest.name} quota reached; next slot in ${Math.ceil(r.retryAfterMs / 1000)} s.`, {
          retryAfterMs: r.retryAfterMs,
        });
      }
      await sleep(r.retryAfterMs);
    }
  }

  return async function call<T>(options: CallOptions, fn: Parameters<PlatformCall>[1]): Promise<T> {
    // Quota first: a breaker trial admitted and then stuck waiting for quota would hold the
    // breaker half open. A slot taken while the circuit is open is wasted, which errs safe.
    for (const budget of budgetsFor(platform, ctx.quotas, options)) await reserve(budget);
    const wait = ctx.breaker.admit();
    if (wait > 0) throw new CircuitOpenError(ctx.connector.manifest.name, wait);
    const started = performance.now();
    try {
      const result = (await fn({ signal: AbortSignal.timeout(ctx.timeoutMs), timeoutMs: ctx.timeoutMs })) as T;
      ctx.breaker.success();
      ctx.observe?.({ platform, kind: options.kind, seconds: (performance.now() - started) / 1000 });
      return result;
    } catch (raw) {
      const error = raw instanceof PlatformError ? raw : ctx.connector.classifyError(raw);
      if (error.kind === 'TRANSIENT') ctx.breaker.failure();
      else ctx.breaker.success(); // the platform answered; it is up, whatever it said
      // The platform says we went over: hold every worker back, not just this job.
      // Best effort: with Redis away, the platform's answer is still the error to act on.
      if (error.kind === 'RATE_LIMITED') await ctx.limiter.penalize(platform, error.details.retryAfterMs ?? defaultPenaltyMs).catch(() => {});
      ctx.observe?.({ platform, kind: options.kind, seconds: (performance.now() - started) / 1000, error: error.kind });
      throw error;
    }
  };
}
