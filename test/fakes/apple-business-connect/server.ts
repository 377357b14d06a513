/**
 * A fake of the Apple Business API (business.apple.com/api/v1) on 127.0.0.1, port 0: the Service
 * Account token endpoint, bearer tokens that expire, organisations a token may or may not reach
 * (sharing), locations with etags (If-Match required on PUT, 412 on a stale etag), inline
 * validation answered as Apple's error array, resource states SUBMITTED → PUBLISHED / REJECTED,
 * a per-minute request quota answering 429 with Retry-After, fault injection and hooks.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FaultQueue, startShell } from '../shell.ts';
import { validateDetails, type Json, type JsonObject } from './validate.ts';

export interface StoredLocation {
  orgId: string;
  id: string;
  etag: string;
  state: 'SUBMITTED' | 'PROCESSING' | 'PUBLISHED' | 'REJECTED';
  createdDate: string;
  updatedDate: string;
  locationDetails: JsonObject;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  ifMatch: string | null;
  body: Json | undefined;
  status: number;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  body?: Json;
}

export interface FakeAppleOptions {
  clientId?: string;
  clientSecret?: string;
  requestsPerMinute?: number;
  tokenTtlSeconds?: number;
  /** Writes are published at once instead of staying SUBMITTED until publish(). */
  autoPublish?: boolean;
  now?: () => number;
}

export interface FakeApple {
  url: string;
  clientId: string;
  clientSecret: string;
  locations: Map<string, StoredLocation>;
  calls: RecordedCall[];
  serverErrors: string[];
  /** The organisation shares its locations with the Service Account. */
  share(orgId: string): void;
  unshare(orgId: string): void;
  seedLocation(orgId: string, details: JsonObject, state?: StoredLocation['state']): StoredLocation;
  publish(id: string): void;
  reject(id: string): void;
  /** Someone (the portal, an Apple override) changes the location: new etag. */
  editOnApple(id: string, patch: JsonObject): void;
  expireTokens(): void;
  tokensIssued(): number;
  failNext(times: number, fault: Fault, match?: (method: string, path: string) => boolean): void;
  /** Runs `action` just before the next request matching `match` is handled. */
  beforeNext(match: (method: string, path: string) => boolean, action: () => void): void;
  close(): Promise<void>;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function startFakeApple(options: FakeAppleOptions = {}): Promise<FakeApple> {
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? 'tenpo-service-account';
  const clientSecret = options.clientSecret ?? 'tenpo-secret';
  const ttl = options.tokenTtlSeconds ?? 3600;
  const tokens = new Map<string, number>();
  const shared = new Set<string>();
  const locations = new Map<string, StoredLocation>();
  const calls: RecordedCall[] = [];
  const serverErrors: string[] = [];
  const faults = new FaultQueue<[method: string, path: string]>();
  const hooks: { match: (m: string, p: string) => boolean; action: () => void }[] = [];
  const recent: number[] = [];
  let issued = 0;
  let nextId = 9467895078742650000n;

  const iso = () => new Date(now()).toISOString();
  const newEtag = () => randomUUID();

  function view(l: StoredLocation): JsonObject {
    const placeCardUrl = l.state === 'PUBLISHED' ? `https://maps.apple.com/place?auid=${l.id}` : null;
    return { orgId: l.orgId, id: l.id, createdDate: l.createdDate, updatedDate: l.updatedDate, state: l.state, etag: l.etag, ...(placeCardUrl ? { placeCardUrl } : {}), locationDetails: l.locationDetails, validationReports: [] };
  }

  function seedLocation(orgId: string, details: JsonObject, state: StoredLocation['state'] = 'PUBLISHED'): StoredLocation {
    nextId += 1n;
    const l: StoredLocation = { orgId, id: String(nextId), etag: newEtag(), state, createdDate: iso(), updatedDate: iso(), locationDetails: structuredClone(details) };
    locations.set(l.id, l);
    return l;
  }

  const error = (code: string, message: string, details?: JsonObject): Json => [{ code, message, ...(details ? { details } : {}) }];

  function handle(method: string, path: string, query: URLSearchParams, auth: string | undefined, ifMatch: string | null, body: Json | undefined): { status: number; body: Json | null; headers?: Record<string, string> } {
    if (method === 'POST' && path === '/api/v1/oauth2/token') {
      if (!isObject(body) || body.grant_type !== 'client_credentials' || body.scope !== 'business') return { status: 400, body: error('InvalidRequest', 'grant_type must be client_credentials and scope business') };
      if (body.client_id !== clientId || body.client_secret !== clientSecret) return { status: 401, body: error('Unauthorized', 'Invalid client credentials') };
      const token = randomUUID();
      tokens.set(token, now() + ttl * 1000);
      issued++;
      return { status: 200, body: { access_token: token, expires_in: ttl, token_type: 'Bearer' } };
    }
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : '';
    const expiry = tokens.get(token);
    if (expiry === undefined || expiry <= now()) return { status: 401, body: error('Unauthorized', 'Expired Token', { header: 'Authorization' }) };

    const m = /^\/api\/v1\/orgs\/(\d+)\/locations(?:\/(by-partner-locationId\/)?([^/]+))?$/.exec(path);
    if (!m) return { status: 404, body: error('NotFound', `No route ${method} ${path}`) };
    const [, orgId, byPartner, rawId] = m as unknown as [string, string, string | undefined, string | undefined];
    if (!shared.has(orgId)) return { status: 403, body: error('Forbidden', 'The organization has not shared access with this partner') };
    const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
    const ofOrg = [...locations.values()].filter((l) => l.orgId === orgId);

    if (id === undefined && method === 'GET') {
      const limit = Math.min(Number(query.get('limit') ?? 20) || 20, 100);
      const start = Number(query.get('after') ?? 0) || 0;
      const page = ofOrg.slice(start, start + limit);
      const more = start + limit < ofOrg.length;
      return { status: 200, body: { data: page.map(view), pagination: { cursors: { after: more ? String(start + limit) : null }, next: more ? `/api/v1/orgs/${orgId}/locations?after=${start + limit}` : null }, total: ofOrg.length } };
    }
    if (id === undefined && method === 'POST') {
      const details = isObject(body) && isObject(body.locationDetails) ? body.locationDetails : null;
      if (!details) return { status: 400, body: error('VALIDATION__LocationDetailsRequired', 'locationDetails is required') };
      const violations = validateDetails(details);
      if (violations.length > 0) return { status: 400, body: violations as unknown as Json };
      if (ofOrg.some((l) => l.locationDetails.partnersLocationId === details.partnersLocationId)) {
        return { status: 409, body: error('VALIDATION__PartnersLocationIdNotUnique', 'partnersLocationId is already used by another location') };
      }
      const l = seedLocation(orgId, details, options.autoPublish ? 'PUBLISHED' : 'SUBMITTED');
      return { status: 201, body: view(l), headers: { etag: `"${l.etag}"` } };
    }
    const found = byPartner ? ofOrg.find((l) => l.locationDetails.partnersLocationId === id) : ofOrg.find((l) => l.id === id);
    if (!found) return { status: 404, body: error('NotFound', 'Location not found') };
    if (method === 'GET') return { status: 200, body: view(found), headers: { etag: `"${found.etag}"` } };
    if (method === 'PUT' && !byPartner) {
      if (ifMatch === null) return { status: 428, body: error('PreconditionRequired', 'If-Match header is required') };
      if (ifMatch.replace(/^"|"$/g, '') !== found.etag) return { status: 412, body: error('PreconditionFailed', 'The etag does not match the current version of the resource') };
      const details = isObject(body) && isObject(body.locationDetails) ? body.locationDetails : null;
      if (!details || !isObject(body) || body.id !== found.id) return { status: 400, body: error('VALIDATION__IdMismatch', 'id must match the location') };
      if (details.partnersLocationId !== found.locationDetails.partnersLocationId) return { status: 400, body: error('VALIDATION__PartnersLocationIdNotMatched', 'partnersLocationId cannot change') };
      const violations = validateDetails(details);
      if (violations.length > 0) return { status: 400, body: violations as unknown as Json };
      if (JSON.stringify(details) === JSON.stringify(found.locationDetails)) return { status: 400, body: error('RESOURCE_HAS_NO_NEW_CHANGES', 'The resource has no new changes') };
      found.locationDetails = structuredClone(details);
      found.etag = newEtag();
      found.state = options.autoPublish ? 'PUBLISHED' : 'SUBMITTED';
      found.updatedDate = iso();
      return { status: 200, body: view(found), headers: { etag: `"${found.etag}"` } };
    }
    return { status: 405, body: error('MethodNotAllowed', `${method} is not allowed here`) };
  }

  function jsonOf(raw: Buffer): Json | undefined | 'malformed' {
    if (raw.length === 0) return undefined;
    try {
      return JSON.parse(raw.toString('utf8')) as Json;
    } catch {
      return 'malformed';
    }
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
    res.writeHead(status, { 'content-type': 'application/json', 'apple-request-id': randomUUID(), ...headers });
    res.end(body === null ? '' : JSON.stringify(body));
    return status;
  }

  /** The per-minute quota, answered before anything else Apple checks. */
  function limited(res: ServerResponse): number | undefined {
    const t = now();
    while (recent.length > 0 && (recent[0] as number) <= t - 60_000) recent.shift();
    if (options.requestsPerMinute !== undefined && recent.length >= options.requestsPerMinute) {
      const wait = Math.max(1, Math.ceil(((recent[0] as number) + 60_000 - t) / 1000));
      return send(res, 429, error('TooManyRequests', 'Rate limit exceeded'), { 'retry-after': String(wait) });
    }
    recent.push(t);
    return undefined;
  }

  const { url, close } = await startShell({
    serverErrors,
    open: ({ method, url: u, req, body }) => {
      // beforeNext: the test's action runs before anything else, injected faults included.
      const hook = hooks.findIndex((h) => h.match(method, u.pathname));
      if (hook >= 0) hooks.splice(hook, 1)[0]?.action();
      const ifMatch = typeof req.headers['if-match'] === 'string' ? req.headers['if-match'] : null;
      return { method, path: u.pathname, query: Object.fromEntries(u.searchParams), ifMatch, body: jsonOf(body) };
    },
    fault: ({ method, url: u }) => faults.take(method, u.pathname),
    route: ({ res, req, url: u }, call) => {
      const refused = limited(res);
      if (refused !== undefined) return refused;
      if (call.body === 'malformed') return send(res, 400, error('InvalidRequest', 'Malformed JSON'));
      const out = handle(call.method, u.pathname, u.searchParams, req.headers.authorization, call.ifMatch, call.body);
      return send(res, out.status, out.body, out.headers);
    },
    record: (call, status) => calls.push({ ...call, body: call.body === 'malformed' ? undefined : call.body, status }),
    send: ({ res }, status, body, headers) => send(res, status, body, headers),
    faultBody: (status) => error('Injected', `HTTP ${status}`),
    crashBody: error('InternalError', 'fake failure'),
  });

  const must = (id: string) => {
    const l = locations.get(id);
    if (!l) throw new Error(`no location ${id}`);
    return l;
  };

  return {
    url,
    clientId,
    clientSecret,
    locations,
    calls,
    serverErrors,
    share: (orgId) => void shared.add(orgId),
    unshare: (orgId) => void shared.delete(orgId),
    seedLocation,
    publish: (id) => void (must(id).state = 'PUBLISHED'),
    reject: (id) => void (must(id).state = 'REJECTED'),
    editOnApple(id, patch) {
      const l = must(id);
      l.locationDetails = { ...l.locationDetails, ...structuredClone(patch) };
      l.etag = newEtag();
      l.updatedDate = iso();
    },
    expireTokens: () => tokens.clear(),
    tokensIssued: () => issued,
    failNext: (times, fault, match) => faults.add(times, fault, match),
    beforeNext: (match, action) => void hooks.push({ match, action }),
    close,
  };
}
