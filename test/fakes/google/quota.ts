/**
 * Google Business Profile quotas (developers.google.com/my-business/content/limits):
 * - 300 requests per minute per project for each API (Business Information, Account Management,
 *   and the v4 My Business API the reviews live in);
 * - 10 edits per minute per Business Profile (location), "cannot be increased";
 * - 10,000 Update Location requests and 300 Create Location requests per day.
 *
 * Windows are trailing (sliding): a limit of N per minute means at most N in any 60 s span of the
 * fake clock, which is at least as strict as Google's per-minute buckets. Only requests that were
 * let through count; a request refused with 429 does not use quota. Every refusal is recorded, so a
 * test can assert that a well-behaved client caused none.
 */
import { GoogleError, quotaExceeded } from './errors.ts';

export interface QuotaConfig {
  /** Per project and per API (or shared by all APIs when `scope` is 'project'). Default 300. */
  requestsPerMinute: number;
  scope: 'service' | 'project';
  /** Successful `locations.patch` per location in any 60 s. Default 10. */
  editsPerMinutePerLocation: number;
  /** Successful `locations.patch` per project in any 24 h. Default 10,000. */
  updatesPerDay: number;
  /** Successful `accounts.locations.create` per project in any 24 h. Default 300. */
  createsPerDay: number;
}

export const DEFAULT_QUOTAS: QuotaConfig = {
  requestsPerMinute: 300,
  scope: 'service',
  editsPerMinutePerLocation: 10,
  updatesPerDay: 10_000,
  createsPerDay: 300,
};

/** Quotas high enough never to bite (benchmarks). */
export const UNLIMITED_QUOTAS: QuotaConfig = {
  requestsPerMinute: Number.POSITIVE_INFINITY,
  scope: 'project',
  editsPerMinutePerLocation: Number.POSITIVE_INFINITY,
  updatesPerDay: Number.POSITIVE_INFINITY,
  createsPerDay: Number.POSITIVE_INFINITY,
};

export type QuotaKind = 'requestsPerMinute' | 'editsPerMinutePerLocation' | 'updatesPerDay' | 'createsPerDay';

export interface QuotaViolation {
  /** Fake-clock time (epoch ms) of the refused request. */
  at: number;
  /** `seq` of the refused request in `fake.calls`. */
  seq: number;
  kind: QuotaKind;
  limit: number;
  /** What the quota is counted per: the API service, 'project', or the location name. */
  key: string;
  method: string;
  path: string;
}

export interface QuotaContext {
  seq: number;
  method: string;
  path: string;
  now: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BIZINFO = 'mybusinessbusinessinformation.googleapis.com';

class Window {
  private readonly times: number[] = [];
  constructor(private readonly spanMs: number) {}

  count(now: number): number {
    const from = now - this.spanMs;
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] as number) <= from) drop++;
    if (drop > 0) this.times.splice(0, drop);
    return this.times.length;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

export class QuotaTracker {
  readonly violations: QuotaViolation[] = [];
  private config: QuotaConfig;
  private readonly windows = new Map<string, Window>();

  constructor(
    config: Partial<QuotaConfig>,
    private readonly consumer: string,
  ) {
    this.config = { ...DEFAULT_QUOTAS, ...config };
  }

  get limits(): QuotaConfig {
    return { ...this.config };
  }

  /** Changes limits from now on; counts already made are kept. */
  configure(config: Partial<QuotaConfig>): void {
    this.config = { ...this.config, ...config };
  }

  /** Forgets all counted usage (not the recorded violations). */
  resetUsage(): void {
    this.windows.clear();
  }

  private window(key: string, spanMs: number): Window {
    let w = this.windows.get(key);
    if (!w) {
      w = new Window(spanMs);
      this.windows.set(key, w);
    }
    return w;
  }

  /** Every authenticated API request: counts it, or throws 429 when the minute is used up. */
  takeRequest(service: string, ctx: QuotaContext): void {
    const key = this.config.scope === 'project' ? 'project' : service;
    const w = this.window(`rpm:${key}`, MINUTE);
    const limit = this.config.requestsPerMinute;
    if (limit === Number.POSITIVE_INFINITY) return;
    if (w.count(ctx.now) >= limit) {
      throw this.refuse('requestsPerMinute', limit, key, ctx, {
        service,
        quotaMetric: `${service}/default_requests`,
        quotaLimit: 'DefaultRequestsPerMinutePerProject',
        metricText: 'Requests',
        limitText: 'Requests per minute',
      });
    }
    w.add(ctx.now);
  }

  /** Before applying a patch to `location`: throws 429 when its edit or the daily update quota is used up. */
  checkEdit(location: string, ctx: QuotaContext): void {
    const perLocation = this.config.editsPerMinutePerLocation;
    if (this.window(`edit:${location}`, MINUTE).count(ctx.now) >= perLocation) {
      throw this.refuse('editsPerMinutePerLocation', perLocation, location, ctx, {
        service: BIZINFO,
        quotaMetric: `${BIZINFO}/location_edits`,
        quotaLimit: 'EditsPerMinutePerLocation',
        metricText: 'Location edits',
        limitText: 'Edits per minute per Business Profile',
      });
    }
    const daily = this.config.updatesPerDay;
    if (this.window('updates', DAY).count(ctx.now) >= daily) {
      throw this.refuse('updatesPerDay', daily, 'project', ctx, {
        service: BIZINFO,
        quotaMetric: `${BIZINFO}/update_location_requests`,
        quotaLimit: 'UpdateLocationRequestsPerDayPerProject',
        metricText: 'Update Location requests',
        limitText: 'Update Location requests per day',
      });
    }
  }

  /** After a patch was applied. */
  recordEdit(location: string, now: number): void {
    if (this.config.editsPerMinutePerLocation !== Number.POSITIVE_INFINITY) this.window(`edit:${location}`, MINUTE).add(now);
    if (this.config.updatesPerDay !== Number.POSITIVE_INFINITY) this.window('updates', DAY).add(now);
  }

  checkCreate(ctx: QuotaContext): void {
    const daily = this.config.createsPerDay;
    if (this.window('creates', DAY).count(ctx.now) >= daily) {
      throw this.refuse('createsPerDay', daily, 'project', ctx, {
        service: BIZINFO,
        quotaMetric: `${BIZINFO}/create_location_requests`,
        quotaLimit: 'CreateLocationRequestsPerDayPerProject',
        metricText: 'Create Location requests',
        limitText: 'Create Location requests per day',
      });
    }
  }

  recordCreate(now: number): void {
    if (this.config.createsPerDay !== Number.POSITIVE_INFINITY) this.window('creates', DAY).add(now);
  }

  private refuse(
    kind: QuotaKind,
    limit: number,
    key: string,
    ctx: QuotaContext,
    text: { service: string; quotaMetric: string; quotaLimit: string; metricText: string; limitText: string },
  ): GoogleError {
    this.violations.push({ at: ctx.now, seq: ctx.seq, kind, limit, key, method: ctx.method, path: ctx.path });
    return quotaExceeded({ ...text, limitValue: limit, consumer: this.consumer });
  }
}
