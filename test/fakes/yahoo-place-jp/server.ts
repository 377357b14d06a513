/**
 * A fake of Yahoo! JAPAN for the Yahoo!プレイス connector on 127.0.0.1, port 0, serving both APIs:
 * - YOLP Local Search, `GET /search/local/V1/localSearch?appid=…&output=json&uid=…` (documented):
 *   YDF JSON (ResultInfo, Feature[].Property.Uid/Tel1/Genre/Address), and XML
 *   `<Error><Message>` errors as YOLP answers them (403 for an unknown Client ID).
 * - the partner API (inferred contract): `/v1/account`, `/v1/places` (GET with cursor, POST with
 *   Idempotency-Key), `/v1/places/{placeId}` (GET, PATCH), Bearer partner tokens, JSON
 *   `{ error: { code, message, field } }`, 409 on a duplicate store code, 429 with Retry-After.
 * Places wait IN_REVIEW until `publish()`, as Yahoo! reviews changes before showing them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultQueue, startShell } from '../shell.ts';
import { applyFields, FieldError, newId, publicFeatureOf, validateFields } from './state.ts';
import type { Json, Obj, Place, PublicFeature } from './state.ts';

export interface FakeYahooOptions {
  requestsPerMinute?: number;
  now?: () => number;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  body?: Json | string;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Json | null;
  status: number;
}

export interface FakeYahoo {
  url: string;
  appId: string;
  places: Map<string, Place>;
  /** What YOLP shows, by Uid: set on publish, changed by yahooEdit. */
  publicFeatures: Map<string, PublicFeature>;
  calls: RecordedCall[];
  serverErrors: string[];
  issueToken(businessId?: string, businessName?: string): string;
  revokeToken(token: string): void;
  publish(placeId: string): string;
  rejectReview(placeId: string, reason: string): void;
  yahooEdit(uid: string, change: Partial<Pick<PublicFeature, 'Name' | 'Tel1'>>): void;
  failNext(times: number, fault: Fault, match?: (method: string, path: string) => boolean): void;
  close(): Promise<void>;
}

export async function startFakeYahoo(options: FakeYahooOptions = {}): Promise<FakeYahoo> {
  const now = options.now ?? Date.now;
  const appId = `dj00${newId(8)}`;
  const tokens = new Map<string, { businessId: string; businessName: string }>();
  const places = new Map<string, Place>();
  const publicFeatures = new Map<string, PublicFeature>();
  const idempotency = new Map<string, string>();
  const calls: RecordedCall[] = [];
  const serverErrors: string[] = [];
  const faults = new FaultQueue<[method: string, path: string]>();
  let usage: number[] = [];
  const limit = options.requestsPerMinute ?? 600;

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
    return status;
  }
  const partnerError = (res: ServerResponse, status: number, code: string, message: string, field?: string, headers?: Record<string, string>) =>
    json(res, status, { error: { code, message, ...(field ? { field } : {}) } }, headers);

  function yolp(res: ServerResponse, url: URL): number {
    if (url.searchParams.get('appid') !== appId) {
      res.writeHead(403, { 'content-type': 'application/xml; charset=utf-8' });
      res.end('<?xml version="1.0" encoding="utf-8"?>\n<Error>\n<Message>Your Request was Forbidden</Message>\n</Error>');
      return 403;
    }
    const uid = url.searchParams.get('uid');
    const features = [...publicFeatures.values()].filter((f) => uid === null || f.Uid === uid);
    const feature = features.map((f) => ({
      Id: f.Uid.slice(0, 10),
      Gid: '',
      Name: f.Name,
      Geometry: { Type: 'point', Coordinates: '139.7365,35.6727' },
      Category: [],
      Description: '',
      Style: [],
      Property: { Uid: f.Uid, CassetteId: 'a6e27b84663abc4336dc275c6fb7f978', Country: { Code: 'JP', Name: '日本' }, Address: f.Address, Tel1: f.Tel1, Genre: f.Genre, Station: [] },
    }));
    return json(res, 200, { ResultInfo: { Count: feature.length, Total: feature.length, Start: 1, Status: 200, Description: '', Copyright: '', Latency: 0.01 }, Feature: feature as unknown as Json });
  }

  async function partner(req: IncomingMessage, res: ServerResponse, url: URL, body: Obj | null): Promise<number> {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const account = token ? tokens.get(token) : undefined;
    if (!account) return partnerError(res, 401, 'UNAUTHORIZED', 'The access token is invalid or expired.');
    usage = usage.filter((t) => t > now() - 60_000);
    if (usage.length >= limit) {
      const retry = Math.max(1, Math.ceil(((usage[0] as number) + 60_000 - now()) / 1000));
      return partnerError(res, 429, 'RATE_LIMITED', 'Too many requests.', undefined, { 'retry-after': String(retry) });
    }
    usage.push(now());
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (method === 'GET' && path === '/v1/account') return json(res, 200, { businessId: account.businessId, businessName: account.businessName });
    if (path === '/v1/places' && method === 'GET') {
      const all = [...places.values()].sort((a, b) => a.placeId.localeCompare(b.placeId));
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const size = Math.min(100, Number(url.searchParams.get('limit') ?? 100));
      const page = all.slice(start, start + size);
      return json(res, 200, { places: page, ...(start + size < all.length ? { nextCursor: String(start + size) } : {}) });
    }
    if (path === '/v1/places' && method === 'POST') {
      if (!body) return partnerError(res, 400, 'BAD_REQUEST', 'A JSON body is required.');
      const key = String(req.headers['idempotency-key'] ?? '');
      const earlier = key ? idempotency.get(key) : undefined;
      if (earlier) return json(res, 201, places.get(earlier) as Place);
      validateFields(body, true);
      if (typeof body.storeCode !== 'string' || body.storeCode === '') throw new FieldError('storeCode', 'storeCode is required');
      if ([...places.values()].some((p) => p.storeCode === body.storeCode)) return partnerError(res, 409, 'DUPLICATE_STORE_CODE', 'A place with this storeCode already exists.', 'storeCode');
      const place: Place = { placeId: `yp_${newId(8)}`, storeCode: body.storeCode, uid: null, reviewStatus: 'IN_REVIEW' };
      applyFields(place, body);
      places.set(place.placeId, place);
      if (key) idempotency.set(key, place.placeId);
      return json(res, 201, place);
    }
    const m = /^\/v1\/places\/([^/]+)$/.exec(path);
    const place = m ? places.get(decodeURIComponent(m[1] as string)) : undefined;
    if (!m || !place) return partnerError(res, 404, 'NOT_FOUND', m ? 'No such place.' : 'Not found.');
    if (method === 'GET') return json(res, 200, place);
    if (method === 'PATCH') {
      if (!body) return partnerError(res, 400, 'BAD_REQUEST', 'A JSON body is required.');
      validateFields(body, false);
      applyFields(place, body);
      // A change goes back to review; the public page keeps the last published values meanwhile.
      place.reviewStatus = 'IN_REVIEW';
      return json(res, 200, place);
    }
    return partnerError(res, 405, 'METHOD_NOT_ALLOWED', 'Method not allowed.');
  }

  const { url, close } = await startShell({
    serverErrors,
    open: ({ method, url: u, req }): Omit<RecordedCall, 'status'> => ({
      method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: { 'idempotency-key': String(req.headers['idempotency-key'] ?? ''), 'content-type': String(req.headers['content-type'] ?? '') },
      // The partner API's JSON once it reads it: a fault or YOLP leaves it null.
      body: null,
    }),
    fault: ({ method, url: u }) => faults.take(method, u.pathname),
    route: ({ req, res, url: u, body: raw }, call) => {
      if (u.pathname === '/search/local/V1/localSearch') return yolp(res, u);
      let body: Obj | null = null;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8')) as Obj;
        } catch {
          return partnerError(res, 400, 'BAD_REQUEST', 'The body is not JSON.');
        }
      }
      call.body = body;
      return partner(req, res, u, body);
    },
    refuse: ({ res }, e) => (e instanceof FieldError ? partnerError(res, 400, 'INVALID_FIELD', e.message, e.field) : undefined),
    record: (call, status) => calls.push({ ...call, status }),
    send: ({ res }, status, body, headers) => {
      if (typeof body !== 'string') json(res, status, body, headers);
      else {
        res.writeHead(status, { 'content-type': 'application/xml', ...headers });
        res.end(body);
      }
    },
    faultBody: () => ({ error: { code: 'INTERNAL', message: 'Internal error' } }),
    crashBody: { error: { code: 'INTERNAL', message: 'fake failure' } },
  });

  return {
    url,
    appId,
    places,
    publicFeatures,
    calls,
    serverErrors,
    issueToken(businessId = `biz_${newId(4)}`, businessName = 'てんぽ株式会社') {
      const token = `ypt_${newId(16)}`;
      tokens.set(token, { businessId, businessName });
      return token;
    },
    revokeToken: (token) => void tokens.delete(token),
    publish(placeId) {
      const place = places.get(placeId);
      if (!place) throw new Error(`no place ${placeId}`);
      place.uid = place.uid ?? newId(20);
      place.reviewStatus = 'PUBLISHED';
      publicFeatures.set(place.uid, publicFeatureOf(place));
      return place.uid;
    },
    rejectReview(placeId, reason) {
      const place = places.get(placeId);
      if (!place) throw new Error(`no place ${placeId}`);
      place.reviewStatus = 'REJECTED';
      place.rejectionReason = reason;
    },
    yahooEdit(uid, change) {
      const f = publicFeatures.get(uid);
      if (!f) throw new Error(`no public feature ${uid}`);
      Object.assign(f, change);
    },
    failNext: (times, fault, match) => faults.add(times, fault, match),
    close,
  };
}
