/**
 * A fake Google Business Profile that speaks the real REST protocol on 127.0.0.1, for the Google
 * connector and the sync engine to be tested against with the real `googleapis` client:
 *
 *   const fake = await startFakeGoogle();
 *   const account = fake.seedAccount();
 *   const loc = fake.seedLocation(account.name!, { title: 'Shibuya', storeCode: 'S1' });
 *   const auth = new OAuth2Client(fake.oauthClientOptions());
 *   auth.setCredentials({ refresh_token: fake.issueRefreshToken() });
 *   const info = google.mybusinessbusinessinformation({ version: 'v1', auth, rootUrl: `${fake.url}/` });
 *   ...
 *   expect(fake.quotaViolations).toEqual([]);
 *   await fake.close();
 *
 * See test/fakes/README.md for the full surface.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOAuth } from './auth.ts';
import type { AuthOptions } from './auth.ts';
import { businessInfoRoutes } from './businessInfo.ts';
import { FakeClock } from './clock.ts';
import type { TimeSource } from './clock.ts';
import { GoogleError, faultError } from './errors.ts';
import type { FaultInjector, RecordedFault } from './faults.ts';
import { QuotaTracker, UNLIMITED_QUOTAS } from './quota.ts';
import type { QuotaConfig, QuotaViolation } from './quota.ts';
import { Recorder } from './recorder.ts';
import type { CallFilter, RecordedCall } from './recorder.ts';
import { reviewRoutes } from './reviews.ts';
import { SERVICES, apiOf } from './routing.ts';
import type { ApiRequest, ApiResponse, Route } from './routing.ts';
import { GbpState } from './state.ts';
import type { Account, Location, Review, ReviewInput, StarRating } from './state.ts';

export interface FakeGoogleOptions {
  /** Quota limits (defaults: Google's documented ones), or 'unlimited' for benchmarks. */
  quotas?: Partial<QuotaConfig> | 'unlimited';
  auth?: AuthOptions;
  /** Base time source of the fake clock (default `Date.now`); `advance()` adds on top of it. */
  now?: TimeSource;
  /** Decides per request whether to inject a failure (see faults.ts). */
  faults?: FaultInjector;
  /** Shown as the quota consumer in 429 answers. */
  projectNumber?: string;
}

export interface FakeGoogle {
  /** `http://127.0.0.1:<port>`: pass `${url}/` as `rootUrl` to googleapis services. */
  readonly url: string;
  /** `${url}/token`, for `OAuth2Client({ endpoints: { oauth2TokenUrl } })`. */
  readonly tokenUrl: string;
  readonly state: GbpState;
  readonly oauth: FakeOAuth;
  readonly clock: FakeClock;
  readonly quota: QuotaTracker;
  /** Every request, in arrival order. */
  readonly calls: readonly RecordedCall[];
  /** Requests refused because a real quota was used up (never injected faults). */
  readonly quotaViolations: readonly QuotaViolation[];
  /** Injected faults that were answered. */
  readonly faults: readonly RecordedFault[];
  /** Unexpected exceptions inside the fake (answered 500); should stay empty. */
  readonly serverErrors: readonly Error[];

  findCalls(filter?: CallFilter): RecordedCall[];
  clearCalls(): void;
  setFaults(injector: FaultInjector | undefined): void;
  now(): number;
  advance(ms: number): void;
  setClock(source: number | TimeSource): void;

  seedAccount(input?: Account & { id?: string }): Account;
  seedLocation(account: string, input?: Location & { id?: string }): Location;
  seedReview(locationName: string, input: ReviewInput): Review;
  /** The customer edits their review (updateTime = the fake clock's now): see GbpState.editReview. */
  editReview(locationName: string, reviewId: string, patch: { starRating?: StarRating; comment?: string }): Review;
  /** The customer deletes their review: it disappears from list, get and batchGetReviews. */
  deleteReview(locationName: string, reviewId: string): void;
  /** Google changes the listing on its side: see GbpState.googleEdit. Returns the pending diffMask paths. */
  googleEdit(locationName: string, patch: Location, diffMask?: readonly string[]): string[];

  /** Options for `new OAuth2Client(...)` (google-auth-library) pointing at this fake. */
  oauthClientOptions(clientIndex?: number): { clientId: string; clientSecret: string; endpoints: { oauth2TokenUrl: string } };
  issueRefreshToken(clientId?: string): string;
  revokeRefreshToken(refreshToken: string): void;
  issueAccessToken(ttlSeconds?: number): string;

  close(): Promise<void>;
}

const ROUTES: Route[] = [...businessInfoRoutes, ...reviewRoutes];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, r: ApiResponse): void {
  const text = JSON.stringify(r.body, null, 2);
  res.writeHead(r.status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...r.headers,
  });
  res.end(text);
}

function errorResponse(e: GoogleError): ApiResponse {
  return { status: e.httpStatus, body: e.toBody(), headers: e.headers };
}

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const clock = new FakeClock(options.now);
  const state = new GbpState(clock);
  const oauth = new FakeOAuth(clock, options.auth);
  const consumer = `projects/${options.projectNumber ?? '123456789012'}`;
  const quota = new QuotaTracker(options.quotas === 'unlimited' ? UNLIMITED_QUOTAS : (options.quotas ?? {}), consumer);
  const recorder = new Recorder();
  const faults: RecordedFault[] = [];
  const serverErrors: Error[] = [];
  const clients = options.auth?.clients;
  let injector = options.faults;
  const hanging = new Set<ServerResponse>();

  /** Auth, quota, routing and the handler: always an answer, never a throw. */
  function process(req: ApiRequest, api: ReturnType<typeof apiOf>, authorization: string | undefined, rawBody: string, bodyError: boolean): ApiResponse {
    if (api === 'oauth') {
      if (req.method !== 'POST') return errorResponse(new GoogleError(405, 'Method Not Allowed', [], {}, 'UNIMPLEMENTED'));
      const r = oauth.handleTokenRequest(new URLSearchParams(rawBody), authorization);
      return { status: r.status, body: r.body };
    }
    try {
      if (api === 'unknown') throw new GoogleError(404, `The requested URL ${req.path} was not found on this server.`);
      const service = SERVICES[api];
      oauth.authenticate(authorization, service);
      quota.takeRequest(service, { seq: req.seq, method: req.method, path: req.path, now: req.now });
      if (bodyError) {
        const d = 'Invalid JSON payload received. Unexpected token.';
        throw new GoogleError(400, d, [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: d }] }]);
      }
      for (const route of ROUTES) {
        if (route.method !== req.method) continue;
        const m = route.pattern.exec(req.path);
        if (m) return route.handler({ req, state, quota, clock }, m.slice(1));
      }
      throw new GoogleError(404, `Method not found: ${req.method} ${req.path}`);
    } catch (e) {
      if (e instanceof GoogleError) return errorResponse(e);
      serverErrors.push(e as Error);
      return errorResponse(new GoogleError(500, 'Internal error encountered.'));
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    const query = Object.fromEntries(url.searchParams);
    const rawBody = await readBody(req);
    const api = apiOf(path);
    let body: unknown;
    let bodyError = false;
    if (api === 'oauth') body = Object.fromEntries(new URLSearchParams(rawBody));
    else if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyError = true;
        body = rawBody;
      }
    }
    const now = clock.now();
    const call = recorder.start({ at: now, method, path, query, body, api });
    const apiReq: ApiRequest = { seq: call.seq, method, path, query, body, now };
    const fault = injector?.({ seq: call.seq, method, path, query, body, api, now }) ?? undefined;
    const authorization = req.headers.authorization;

    let response: ApiResponse | undefined;
    if (!fault || fault.afterProcessing) response = process(apiReq, api, authorization, rawBody, bodyError);

    if (fault) {
      faults.push({ seq: call.seq, at: now, method, path, fault });
      call.outcome = fault.kind === 'status' ? 'fault' : fault.kind;
      if (fault.kind === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      call.status = fault.status;
      send(res, errorResponse(faultError(fault.status, fault.retryAfterSeconds)));
      return;
    }

    const r = response as ApiResponse;
    call.status = r.status;
    call.outcome = r.status < 400 ? 'ok' : r.status === 429 ? 'quota' : 'error';
    send(res, r);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      serverErrors.push(e as Error);
      if (!res.headersSent) send(res, errorResponse(new GoogleError(500, 'Internal error encountered.')));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    tokenUrl: `${url}/token`,
    state,
    oauth,
    clock,
    quota,
    calls: recorder.calls,
    quotaViolations: quota.violations,
    faults,
    serverErrors,
    findCalls: (filter) => recorder.find(filter),
    clearCalls: () => recorder.clear(),
    setFaults: (next) => {
      injector = next;
    },
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    setClock: (source) => clock.set(source),
    seedAccount: (input) => state.addAccount(input),
    seedLocation: (account, input) => state.addLocation(account, input),
    seedReview: (locationName, input) => state.addReview(locationName, input),
    editReview: (locationName, reviewId, patch) => state.editReview(locationName, reviewId, patch),
    deleteReview: (locationName, reviewId) => state.deleteReview(locationName, reviewId),
    googleEdit: (locationName, patch, diffMask) => state.googleEdit(locationName, patch, diffMask),
    oauthClientOptions: (clientIndex = 0) => {
      const c = clients?.[clientIndex] ?? { clientId: 'test-client-id', clientSecret: 'test-client-secret' };
      return { clientId: c.clientId, clientSecret: c.clientSecret, endpoints: { oauth2TokenUrl: `${url}/token` } };
    },
    issueRefreshToken: (clientId) => oauth.issueRefreshToken(clientId),
    revokeRefreshToken: (rt) => oauth.revokeRefreshToken(rt),
    issueAccessToken: (ttl) => oauth.issueAccessToken(ttl),
    close: async () => {
      for (const res of hanging) res.destroy();
      hanging.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export { failRandomly, failTimes, on } from './faults.ts';
export type { Fault, FaultInjector, FaultRequest, RecordedFault } from './faults.ts';
export type { QuotaConfig, QuotaViolation } from './quota.ts';
export type { RecordedCall, CallFilter } from './recorder.ts';
export type { Account, Location, Review, ReviewInput, StarRating } from './state.ts';
export { DEFAULT_QUOTAS, UNLIMITED_QUOTAS } from './quota.ts';
export { LIMITS } from './rules.ts';
export { REPLY_MAX_BYTES } from './reviews.ts';
