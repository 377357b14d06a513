/**
 * A fake Yelp on loopback speaking Yelp's protocols (see README.md): the OAuth token endpoint,
 * Data Ingestion jobs (HTTP Basic), business details and reviews (API key), the business owner
 * profile and Respond to Reviews (owner token), with Yelp's error bodies, its reply rules (5,000
 * characters, no emoji, 20 replies per location per day), quotas and fault injection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startShell, takeListed, type Exchange, type ListedFault } from '../shell.ts';
import { processJob } from './jobs.ts';
import { criteriaProblems, details, emptyBusiness, newId, pacificText, type FakeBusiness, type FakeJob, type FakeReview, type Json } from './state.ts';

export type { FakeBusiness, FakeJob, FakeReview } from './state.ts';

export interface FakeYelpOptions {
  client?: { id: string; secret: string };
  partner?: { user: string; password: string };
  apiKey?: string;
  /** Process each job as soon as it is created (the default leaves it queued until processJobs). */
  processImmediately?: boolean;
  /** How many reviews the API plan shows per business (Yelp's base plan: 3); all when absent. */
  reviewsShown?: number;
  /** API-key calls allowed per day before ACCESS_LIMIT_REACHED. */
  dailyLimit?: number;
  now?: number;
}

export type Fault = ListedFault<Json>;

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: 'basic' | 'bearer' | 'none';
  status: number;
}

const MAX_REPLIES_PER_DAY = 20;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const DAY_MS = 86_400_000;

export async function startFakeYelp(options: FakeYelpOptions = {}) {
  const client = options.client ?? { id: 'tenpo-client', secret: 's'.repeat(64) };
  const partner = options.partner ?? { user: 'tenpo', password: 'partner-secret' };
  const apiKey = options.apiKey ?? 'tenpo-api-key';
  let clock = options.now ?? Date.UTC(2030, 0, 15, 12);
  const businesses = new Map<string, FakeBusiness>();
  const jobs = new Map<string, FakeJob>();
  const reviews = new Map<string, FakeReview>();
  const owners = new Map<string, { id: string; first_name: string; last_name: string; hasPhoto: boolean }>();
  const refreshTokens = new Map<string, string>();
  const accessTokens = new Map<string, { ownerId: string; expiresAt: number }>();
  const repliesByDay = new Map<string, number>();
  const faults: Fault[] = [];
  const calls: RecordedCall[] = [];
  const serverErrors: string[] = [];
  let apiCallsToday = 0;

  const yelpError = (res: ServerResponse, status: number, id: string, description: string, extra: Json = {}, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { id, description, http_code: status, ...extra } }));
    return status;
  };
  const placesError = (res: ServerResponse, status: number, code: string, description: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code, description } }));
    return status;
  };
  const ok = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    return status;
  };

  function ownerOf(req: IncomingMessage): string | null {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const t = token ? accessTokens.get(token) : undefined;
    return t && t.expiresAt > clock ? t.ownerId : null;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): Promise<number> {
    const path = url.pathname;
    const basic = `Basic ${Buffer.from(`${partner.user}:${partner.password}`).toString('base64')}`;

    if (req.method === 'POST' && path === '/oauth2/token') {
      const form = body as Record<string, string>;
      if (form.client_id !== client.id || form.client_secret !== client.secret) return yelpError(res, 401, 'INVALID_CLIENT', 'Client authentication failed.');
      if (form.grant_type !== 'refresh_token') return yelpError(res, 400, 'UNSUPPORTED_GRANT_TYPE', 'The authorization grant type is not supported.');
      const ownerId = refreshTokens.get(form.refresh_token ?? '');
      if (!ownerId) return yelpError(res, 400, 'INVALID_GRANT', 'The provided authorization grant is invalid, expired or revoked.');
      const token = newId() + newId();
      accessTokens.set(token, { ownerId, expiresAt: clock + 7 * DAY_MS });
      return ok(res, { access_token: token, token_type: 'Bearer', expires_in: 7 * 86_400, expiration_timestamp: new Date(clock + 7 * DAY_MS).toISOString() });
    }

    if (path.startsWith('/v1/ingest/')) {
      if (req.headers.authorization !== basic) return yelpError(res, 401, 'UNAUTHORIZED', 'Invalid partner credentials.');
      if (req.method === 'POST' && path === '/v1/ingest/create') {
        const list = (body as Json | null)?.businesses;
        if (!Array.isArray(list) || list.length === 0) return yelpError(res, 400, 'INVALID_REQUEST', 'businesses must be a non-empty list.');
        const problems = list.flatMap((b, i) => criteriaProblems((b as Json).matching_criteria).map((p) => `businesses[${i}].${p}`));
        if (problems.length > 0) return yelpError(res, 400, 'INVALID_REQUEST', problems.join('; '), { field: problems[0]?.split(':')[0]?.split(' ')[0] });
        const job: FakeJob = { id: newId(), createdAt: clock, processed: false, businesses: list as Json[], results: [] };
        jobs.set(job.id, job);
        if (options.processImmediately) processJob(job, businesses, serverErrors);
        return ok(res, { job_id: job.id });
      }
      const m = /^\/v1\/ingest\/status\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && m) {
        const job = jobs.get(decodeURIComponent(m[1] as string));
        if (!job) return yelpError(res, 404, 'JOB_NOT_FOUND', 'No ingestion job with this id.');
        const detailed = url.searchParams.get('detail_level') === '2';
        const results = job.processed
          ? job.results.map((r) => (detailed ? r : { ...r, status: r.status === 'APPLIED' ? 'COMPLETED' : r.status }))
          : job.businesses.map((b) => ({ status: 'PROCESSING', yelp_business_id: ((b.matching_criteria as Json).yelp_business_id as string | undefined) ?? null, partner_business_id: b.partner_business_id ?? null, update_results: {} }));
        return ok(res, { status: job.processed ? (detailed ? 'APPLIED' : 'COMPLETED') : 'PROCESSING', created_at: new Date(job.createdAt).toISOString(), completed_at: job.processed ? new Date(clock).toISOString() : null, business_results: results });
      }
    }

    if (path.startsWith('/v3/')) {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return placesError(res, 401, 'TOKEN_INVALID', 'Invalid access token or authorization header.');
      apiCallsToday += 1;
      if (options.dailyLimit !== undefined && apiCallsToday > options.dailyLimit) return placesError(res, 429, 'ACCESS_LIMIT_REACHED', 'You have reached the daily limit of requests.');
      const m = /^\/v3\/businesses\/([^/]+)(\/reviews)?$/.exec(path);
      const b = m ? businesses.get(decodeURIComponent(m[1] as string)) : undefined;
      if (!m) return placesError(res, 404, 'NOT_FOUND', 'Resource could not be found.');
      if (!b) return placesError(res, 404, 'BUSINESS_NOT_FOUND', 'The requested business could not be found.');
      if (!m[2]) return ok(res, details(b));
      const limit = Number(url.searchParams.get('limit') ?? '20');
      const offset = Number(url.searchParams.get('offset') ?? '0');
      if (!Number.isInteger(limit) || limit < 0 || limit > 50) return placesError(res, 400, 'VALIDATION_ERROR', 'limit must be between 0 and 50');
      const all = [...reviews.values()].filter((r) => r.businessId === b.id).sort((x, y) => y.time_created.localeCompare(x.time_created));
      const visible = options.reviewsShown === undefined ? all : all.slice(0, options.reviewsShown);
      const shown = visible.slice(offset, offset + limit).map((r) => ({ id: r.id, url: `https://www.yelp.com/biz/${b.id}?hrid=${r.id}`, text: r.text, rating: r.rating, time_created: r.time_created, user: r.user }));
      return ok(res, { reviews: shown, total: all.length, possible_languages: ['en'] });
    }

    if (req.method === 'GET' && path === '/v1/business_owner/me/profile') {
      const ownerId = ownerOf(req);
      if (!ownerId) return yelpError(res, 401, 'INVALID_TOKEN', 'The access token provided is expired, revoked, malformed, or invalid for other reasons.');
      const o = owners.get(ownerId) as { id: string; first_name: string; last_name: string };
      return ok(res, { id: o.id, first_name: o.first_name, last_name: o.last_name, email: 'owner@example.com', position: 'OWNER', photo_url: null });
    }

    const r2r = /^\/reviews\/v1\/([^/]+)$/.exec(path);
    if (req.method === 'POST' && r2r) {
      const ownerId = ownerOf(req);
      if (!ownerId) return yelpError(res, 401, 'INVALID_TOKEN', 'The access token provided is expired, revoked, malformed, or invalid for other reasons.');
      const b0 = body as Json | null;
      if (!b0 || typeof b0.response_text !== 'string' || b0.response_type === undefined) return yelpError(res, 400, 'INVALID_REQUEST', 'Missing a required parameter.');
      if (b0.response_type !== 'public_comment') return yelpError(res, 400, 'R2R_INVALID_RESPONSE_TYPE', 'Invalid response type.');
      const review = reviews.get(decodeURIComponent(r2r[1] as string));
      if (!review) return yelpError(res, 400, 'R2R_REVIEW_DOES_NOT_EXIST', 'Review does not exist.');
      const business = businesses.get(review.businessId) as FakeBusiness;
      if (business.ownerId !== ownerId) return yelpError(res, 400, 'R2R_BUSINESS_NOT_CLAIMED', 'Cannot determine the status of your business.');
      if (!(owners.get(ownerId)?.hasPhoto ?? false)) return yelpError(res, 400, 'R2R_PROBLEM_WITH_USER_PHOTO', 'Photo is missing, unacceptable, or pending.');
      const text = b0.response_text;
      if (text.trim() === '' || [...text].length > 5000 || EMOJI.test(text)) return yelpError(res, 400, 'R2R_INVALID_RESPONSE_TEXT', 'Invalid response text.');
      const day = `${business.id}:${ownerId}:${Math.floor(clock / DAY_MS)}`;
      const count = repliesByDay.get(day) ?? 0;
      if (count >= MAX_REPLIES_PER_DAY) return yelpError(res, 400, 'R2R_COMMENT_QUOTA_EXCEEDED', 'You have made too many comments recently.');
      repliesByDay.set(day, count + 1);
      review.ownerComment = { text, at: clock };
      return ok(res, {});
    }
    return yelpError(res, 404, 'NOT_FOUND', `No route for ${req.method} ${path}`);
  }

  /** A JSON or form body as the client sent it; anything else is a bug in what Tenpo sends. */
  function bodyOf({ req, url, body: raw }: Exchange): unknown {
    if (raw.length === 0) return null;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('application/json')) {
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch {
        serverErrors.push(`${req.method} ${url.pathname}: malformed JSON`);
        return null;
      }
    }
    if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    serverErrors.push(`${req.method} ${url.pathname}: unexpected content-type ${type}`);
    return null;
  }

  const { url, close } = await startShell({
    serverErrors,
    open: (ex): Omit<RecordedCall, 'status'> => {
      const authorization = ex.req.headers.authorization ?? '';
      const auth = authorization.startsWith('Basic ') ? 'basic' : authorization.startsWith('Bearer ') ? 'bearer' : 'none';
      return { method: ex.method, path: ex.url.pathname, query: Object.fromEntries(ex.url.searchParams), body: bodyOf(ex), auth };
    },
    fault: ({ method, url: u }) => takeListed(faults, `${method} ${u.pathname}`),
    route: ({ req, res, url: u }, call) => route(req, res, u, call.body),
    record: (call, status) => calls.push({ ...call, status }),
    send: ({ res }, status, body, headers) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    },
    faultBody: (status) => ({ error: { id: 'INTERNAL_ERROR', description: 'Injected fault', http_code: status } }),
  });

  return {
    url,
    client,
    partner,
    apiKey,
    businesses,
    jobs,
    reviews,
    calls,
    faults,
    serverErrors,
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    /** A business owner with a refresh token for Tenpo; claims the given businesses. */
    seedOwner(o: { firstName?: string; lastName?: string; hasPhoto?: boolean } = {}): { ownerId: string; refreshToken: string } {
      const ownerId = newId();
      owners.set(ownerId, { id: ownerId, first_name: o.firstName ?? 'Aiko', last_name: o.lastName ?? 'Sato', hasPhoto: o.hasPhoto ?? true });
      const refreshToken = newId() + newId();
      refreshTokens.set(refreshToken, ownerId);
      return { ownerId, refreshToken };
    },
    revokeRefreshToken(token: string) {
      refreshTokens.delete(token);
    },
    /** Expires every access token now (as after 7 days), so the next owner request answers 401. */
    expireAccessTokens() {
      for (const t of accessTokens.values()) t.expiresAt = clock;
    },
    seedBusiness(b: Partial<FakeBusiness> & { name: string }): FakeBusiness {
      const business = { ...emptyBusiness(newId(), null), ...b };
      businesses.set(business.id, business);
      return business;
    },
    seedReview(businessId: string, r: { rating: number; text: string; at: number; userName?: string }): FakeReview {
      const review: FakeReview = {
        id: newId(),
        businessId,
        rating: r.rating,
        text: r.text,
        time_created: pacificText(r.at),
        user: { id: newId(), name: r.userName ?? 'Ken T.', image_url: null, profile_url: 'https://www.yelp.com/user_details?userid=x' },
        ownerComment: null,
      };
      reviews.set(review.id, review);
      return review;
    },
    /** Yelp works through every queued job. */
    processJobs() {
      for (const job of jobs.values()) if (!job.processed) processJob(job, businesses, serverErrors);
    },
    close,
  };
}

export type FakeYelp = Awaited<ReturnType<typeof startFakeYelp>>;
