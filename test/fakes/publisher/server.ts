/**
 * A partner that implements Tenpo's publisher protocol (connectors/runtime/publisher/README.md):
 * a real HTTP server on loopback, with keys, listings, review holds, feeds with processing
 * reports, validation like a strict partner and fault injection.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { parse } from 'csv-parse/sync';
import { startShell, takeListed, type Exchange } from '../shell.ts';

type Json = Record<string, unknown>;

export interface FakeListing {
  id: string;
  /** The account (key) that owns it: each partner account sees only its own listings. */
  account: string;
  storeCode: string;
  state: 'LIVE' | 'IN_REVIEW';
  listing: Json;
  pendingEdits: Json;
}

export interface FakeFeed {
  id: string;
  fileName: string;
  contentType: string;
  rows: Record<string, string>[];
  /** The raw bytes as received, to check encoding and the byte order mark. */
  body: Buffer;
  state: 'PROCESSING' | 'DONE' | 'FAILED';
  accepted: string[];
  rejected: { storeCode: string; code: string; detail: string }[];
}

export interface FakePublisherOptions {
  /** Hold every write for review (IN_REVIEW) until `approve`. */
  review?: boolean;
  /** Store codes whose feed rows are rejected, with the partner's reason. */
  rejectStoreCodes?: Record<string, string>;
  /** Answer the next requests matching `match` with this status (and Retry-After for 429). */
  faults?: { match: RegExp; status: number; times: number; retryAfter?: string }[];
}

export interface FakePublisher {
  url: string;
  keys: Map<string, { id: string; name: string }>;
  listings: Map<string, FakeListing>;
  feeds: Map<string, FakeFeed>;
  requests: { method: string; path: string; body: unknown }[];
  /** Problems in what Tenpo sent that a real partner would refuse; tests assert it stays empty. */
  serverErrors: string[];
  approve(id: string): void;
  /** Runs the partner's feed processing: every PROCESSING feed gets its report. */
  processFeeds(): void;
  close(): Promise<void>;
}

function write(res: ServerResponse, status: number, type: string, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(JSON.stringify(body));
  return status;
}
const problemBody = (status: number, detail: string, errors?: Json[]) => ({ type: 'about:blank', title: `HTTP ${status}`, status, detail, ...(errors ? { errors } : {}) });
const problem = (res: ServerResponse, status: number, detail: string, errors?: Json[]) => write(res, status, 'application/problem+json', problemBody(status, detail, errors));
const ok = (res: ServerResponse, status: number, body: unknown) => write(res, status, 'application/json', body);

/** What a strict partner checks in a listing: the keys it knows and a name. */
function listingErrors(listing: Json): Json[] {
  const known = new Set(['name', 'localizedNames', 'status', 'address', 'coordinates', 'phone', 'additionalPhones', 'website', 'socialProfiles', 'categories', 'description', 'labels', 'hours', 'specialHours', 'attributes', 'photos']);
  const errors: Json[] = Object.keys(listing).filter((k) => !known.has(k)).map((k) => ({ field: k, code: 'unknown_field', detail: `unknown field "${k}"` }));
  if (typeof listing.name !== 'string' || listing.name === '') errors.push({ field: 'name', code: 'required', detail: 'name is required' });
  return errors;
}

export async function startFakePublisher(options: FakePublisherOptions = {}): Promise<FakePublisher> {
  const keys = new Map<string, { id: string; name: string }>();
  const listings = new Map<string, FakeListing>();
  const feeds = new Map<string, FakeFeed>();
  const idempotency = new Map<string, string>();
  const byStoreCode = new Map<string, string>();
  const requests: FakePublisher['requests'] = [];
  const serverErrors: string[] = [];
  const faults = [...(options.faults ?? [])];

  function route({ req, res, url, body: raw }: Exchange, { body }: FakePublisher['requests'][number]): number {
    const path = url.pathname;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const account = token ? keys.get(token) : undefined;
    if (!account) return problem(res, 401, 'unknown or revoked key');

    if (req.method === 'GET' && path === '/v1/account') return ok(res, 200, account);
    if (req.method === 'GET' && path === '/v1/listings') {
      const all = [...listings.values()].filter((l) => l.account === account.id);
      const start = Number(url.searchParams.get('cursor') || 0);
      const page = all.slice(start, start + 2);
      return ok(res, 200, { items: page.map((l) => ({ id: l.id, storeCode: l.storeCode, name: l.listing.name, url: `https://partner.example/l/${l.id}` })), nextCursor: start + 2 < all.length ? String(start + 2) : null });
    }
    let m = /^\/v1\/listings\/by-store-code\/([^/]+)$/.exec(path);
    if (req.method === 'PUT' && m) {
      if (req.headers['content-type'] !== 'application/json') serverErrors.push(`PUT sent ${req.headers['content-type']}`);
      const listing = ((body as Json | null)?.listing ?? null) as Json | null;
      if (!listing) return problem(res, 400, 'body must be { listing }');
      const errors = listingErrors(listing);
      if (errors.length > 0) return problem(res, 422, 'invalid listing', errors);
      const storeCode = decodeURIComponent(m[1]!);
      const key = req.headers['idempotency-key'];
      const codeKey = `${account.id}\u0000${storeCode}`;
      const existingId = (typeof key === 'string' && idempotency.get(`${account.id}\u0000${key}`)) || byStoreCode.get(codeKey);
      const id = existingId ?? randomUUID();
      if (typeof key === 'string') idempotency.set(`${account.id}\u0000${key}`, id);
      byStoreCode.set(codeKey, id);
      const entry: FakeListing = { id, account: account.id, storeCode, state: options.review ? 'IN_REVIEW' : 'LIVE', listing, pendingEdits: {} };
      listings.set(id, entry);
      return ok(res, existingId ? 200 : 201, { id, state: entry.state, url: `https://partner.example/l/${id}` });
    }
    m = /^\/v1\/listings\/([^/]+)$/.exec(path);
    if (m && (req.method === 'PATCH' || req.method === 'GET')) {
      const entry = listings.get(decodeURIComponent(m[1]!));
      if (!entry || entry.account !== account.id) return problem(res, 404, 'no such listing');
      if (req.method === 'GET') return ok(res, 200, { id: entry.id, state: entry.state, url: `https://partner.example/l/${entry.id}`, listing: entry.listing, pendingEdits: entry.pendingEdits });
      if (req.headers['content-type'] !== 'application/merge-patch+json') serverErrors.push(`PATCH sent ${req.headers['content-type']}`);
      const next: Json = { ...entry.listing };
      for (const [k, v] of Object.entries((body ?? {}) as Json)) {
        if (v === null) delete next[k];
        else next[k] = v;
      }
      const errors = listingErrors(next);
      if (errors.length > 0) return problem(res, 422, 'invalid listing', errors);
      entry.listing = next;
      if (options.review) entry.state = 'IN_REVIEW';
      return ok(res, 200, { id: entry.id, state: entry.state, url: `https://partner.example/l/${entry.id}` });
    }
    m = /^\/v1\/feeds\/([^/]+)$/.exec(path);
    if (m && req.method === 'PUT') {
      const text = raw.toString('utf8').replace(/^\uFEFF/, '');
      const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      if (!rows.every((r) => typeof r.store_code === 'string' && r.store_code !== '')) return problem(res, 422, 'every row needs a store_code');
      const id = randomUUID();
      feeds.set(id, { id, fileName: decodeURIComponent(m[1]!), contentType: String(req.headers['content-type']), rows, body: raw, state: 'PROCESSING', accepted: [], rejected: [] });
      return ok(res, 202, { submissionId: id });
    }
    if (m && req.method === 'GET') {
      const feed = feeds.get(decodeURIComponent(m[1]!));
      if (!feed) return problem(res, 404, 'no such feed');
      return ok(res, 200, { state: feed.state, accepted: feed.accepted, rejected: feed.rejected });
    }
    return problem(res, 404, `no route ${req.method} ${path}`);
  }

  const { url, close } = await startShell({
    serverErrors,
    // A body that is not the JSON it says it is crashes the request: Tenpo sent it wrong.
    open: ({ method, url: u, req, body }) => ({ method, path: u.pathname, body: (req.headers['content-type'] ?? '').includes('json') && body.length > 0 ? (JSON.parse(body.toString('utf8')) as unknown) : null }),
    fault: ({ method, url: u }) => takeListed(faults, `${method} ${u.pathname}`),
    route,
    record: (request) => requests.push(request),
    send: ({ res }, status, body, headers) => write(res, status, 'application/problem+json', body, headers),
    faultBody: (status) => problemBody(status, 'injected fault'),
    crashBody: problemBody(500, 'fake crashed'),
  });
  return {
    url,
    keys,
    listings,
    feeds,
    requests,
    serverErrors,
    approve(id) {
      const l = listings.get(id);
      if (l) l.state = 'LIVE';
    },
    processFeeds() {
      for (const feed of feeds.values()) {
        if (feed.state !== 'PROCESSING') continue;
        for (const row of feed.rows) {
          const storeCode = row.store_code!;
          const reason = options.rejectStoreCodes?.[storeCode] ?? (row.phone ? null : 'a phone number is required');
          if (reason) feed.rejected.push({ storeCode, code: 'rejected', detail: reason });
          else feed.accepted.push(storeCode);
        }
        feed.state = 'DONE';
      }
    },
    close,
  };
}
