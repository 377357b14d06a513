/**
 * A fake HERE on loopback (see README.md): the OAuth 2.0 token endpoint with HERE's OAuth 1.0a
 * signature check, the POI supplier feed service (upload, processing report after a delay,
 * place references), and Geocoding & Search `lookup`, with HERE's error bodies, a rate limit,
 * fault injection and inspectable state.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startShell, takeListed, type ListedFault } from '../shell.ts';
import { parseCsv } from './csv.ts';
import { HEADER, rowErrors, type Row, type RowError } from './rows.ts';

export interface FakeHereOptions {
  app?: { accessKeyId: string; accessKeySecret: string };
  /** Fake-clock milliseconds between receiving a feed and its report. */
  processingDelayMs?: number;
  /** Requests per fake-clock minute before 429. */
  requestsPerMinute?: number;
  now?: number;
}

export interface FakeFeed {
  feedId: string;
  projectHrn: string;
  fileName: string;
  sha256: string;
  receivedAt: number;
  csv: string;
  state: 'RECEIVED' | 'COMPLETED' | 'FAILED';
  cause: string | null;
  results: { line: number; supplierPlaceId: string; status: 'ACCEPTED' | 'REJECTED'; placeId?: string; errors: RowError[] }[];
}

export interface FakePlace {
  placeId: string;
  projectHrn: string;
  supplierPlaceId: string;
  status: 'LIVE' | 'REMOVED';
  row: Row;
}

export type Fault = ListedFault;

type Json = Record<string, unknown>;
const percent = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function startFakeHere(options: FakeHereOptions = {}) {
  const app = options.app ?? { accessKeyId: 'tenpo-here-key-id', accessKeySecret: 'tenpo-here-secret/+=' };
  const delay = options.processingDelayMs ?? 60_000;
  let clock = options.now ?? Date.UTC(2030, 0, 15, 3);
  const projects = new Map<string, { name: string; members: Set<string> }>();
  const tokens = new Map<string, { projectHrn: string; expiresAt: number }>();
  const nonces = new Set<string>();
  const feeds = new Map<string, FakeFeed>();
  const places = new Map<string, FakePlace>();
  const faults: Fault[] = [];
  const calls: { method: string; path: string; status: number; auth: string }[] = [];
  const serverErrors: string[] = [];
  const windowHits: number[] = [];
  let url = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
    return status;
  };
  // Platform and search services' error body.
  const problem = (res: ServerResponse, status: number, title: string, cause: string, code = `E6${status}00`, headers: Record<string, string> = {}) =>
    send(res, status, { status, title, code, cause, action: '', correlationId: randomUUID() }, headers);
  // The token endpoint's error body.
  const tokenError = (res: ServerResponse, status: number, errorCode: number, error: string, message: string) =>
    send(res, status, { errorId: `ERROR-${randomUUID()}`, httpStatus: status, errorCode, message, error, error_description: `errorCode: '${errorCode}'. ${message}` });

  function token(req: IncomingMessage, res: ServerResponse, form: Record<string, string>): number {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('OAuth ')) return tokenError(res, 401, 401201, 'invalid_request', 'Missing OAuth authorization header.');
    const params = Object.fromEntries([...header.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, decodeURIComponent(m[2] as string)]));
    if (params.oauth_signature_method !== 'HMAC-SHA256' || params.oauth_version !== '1.0') return tokenError(res, 401, 401202, 'invalid_request', 'Unsupported signature method or version.');
    if (params.oauth_consumer_key !== app.accessKeyId) return tokenError(res, 401, 401300, 'invalid_client', 'Signature mismatch. Authorization signature or client credential is wrong.');
    const ts = Number(params.oauth_timestamp);
    if (!Number.isFinite(ts) || Math.abs(ts * 1000 - Date.now()) > 600_000) return tokenError(res, 401, 401204, 'invalid_request', 'Time stamp is outside the valid period.');
    const nonce = params.oauth_nonce ?? '';
    if (nonce === '' || nonces.has(nonce)) return tokenError(res, 401, 401203, 'invalid_request', 'Invalid nonce; it was used before.');
    const signed = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'oauth_signature'));
    const pairs = Object.entries({ ...form, ...signed })
      .map(([k, v]) => [percent(k), percent(v)] as const)
      .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const base = `POST&${percent(`${url}/oauth2/token`)}&${percent(pairs)}`;
    const expected = createHmac('sha256', `${percent(app.accessKeySecret)}&`).update(base).digest('base64');
    if (expected !== params.oauth_signature) return tokenError(res, 401, 401300, 'invalid_client', 'Signature mismatch. Authorization signature or client credential is wrong.');
    nonces.add(nonce);
    if (form.grant_type !== 'client_credentials') return tokenError(res, 400, 400002, 'unsupported_grant_type', 'Only client_credentials is supported.');
    const project = form.scope ? projects.get(form.scope) : undefined;
    if (!form.scope || !project?.members.has(app.accessKeyId)) return tokenError(res, 400, 400150, 'invalid_scope', 'The client is not authorized for the requested scope.');
    const accessToken = `h1.${randomUUID()}`;
    tokens.set(accessToken, { projectHrn: form.scope, expiresAt: clock + 86_399_000 });
    return send(res, 200, { access_token: accessToken, token_type: 'bearer', expires_in: 86399, scope: form.scope });
  }

  /** Processes every feed whose delay has passed: rows become places; a full snapshot removes the rest. */
  function process(): void {
    for (const feed of feeds.values()) {
      if (feed.state !== 'RECEIVED' || clock < feed.receivedAt + delay) continue;
      const parsed = parseCsv(feed.csv);
      const [header, ...lines] = parsed.rows;
      if (parsed.error || !header || header.join(',') !== HEADER.join(',')) {
        feed.state = 'FAILED';
        feed.cause = parsed.error ?? `The header does not match the feed layout (expected ${HEADER.join(',')}).`;
        continue;
      }
      const seen = new Set<string>();
      lines.forEach((cells, i) => {
        const row = Object.fromEntries(HEADER.map((h, j) => [h, cells[j] ?? ''])) as Row;
        const errors = cells.length === HEADER.length ? rowErrors(row) : [{ column: '', code: 'WRONG_CELL_COUNT', message: `${cells.length} cells, expected ${HEADER.length}` }];
        if (seen.has(row.supplier_place_id)) errors.push({ column: 'supplier_place_id', code: 'DUPLICATE_ID', message: 'supplier_place_id appears twice in the file' });
        seen.add(row.supplier_place_id);
        const key = `${feed.projectHrn}|${row.supplier_place_id}`;
        if (errors.length > 0) {
          feed.results.push({ line: i + 2, supplierPlaceId: row.supplier_place_id, status: 'REJECTED', errors });
          return;
        }
        const place = places.get(key) ?? { placeId: `here:pds:place:392xn76b-${randomUUID().slice(0, 8)}`, projectHrn: feed.projectHrn, supplierPlaceId: row.supplier_place_id, status: 'LIVE' as const, row };
        place.row = row;
        place.status = row.operating_status === 'permanently_closed' ? 'REMOVED' : 'LIVE';
        places.set(key, place);
        feed.results.push({ line: i + 2, supplierPlaceId: row.supplier_place_id, status: 'ACCEPTED', placeId: place.placeId, errors: [] });
      });
      for (const place of places.values()) if (place.projectHrn === feed.projectHrn && !seen.has(place.supplierPlaceId)) place.status = 'REMOVED';
      feed.state = 'COMPLETED';
    }
  }

  function lookupBody(place: FakePlace): Json {
    const r = place.row;
    const phones = r.phones === '' ? [] : r.phones.split('|');
    const categories = r.category_ids.split('|').map((id, i) => ({ id, ...(i === 0 ? { primary: true } : {}) }));
    return {
      title: r.name,
      id: place.placeId,
      resultType: 'place',
      address: { label: `${r.name}, ${r.postal_code} ${r.state}${r.city}${r.district}${r.street}`, countryCode: r.country_code, state: r.state, city: r.city, district: r.district, street: r.street, postalCode: r.postal_code },
      ...(r.latitude !== '' ? { position: { lat: Number(r.latitude), lng: Number(r.longitude) } } : {}),
      categories,
      ...(phones.length > 0 || r.www !== '' ? { contacts: [{ ...(phones.length > 0 ? { phone: phones.map((value) => ({ value })) } : {}), ...(r.www !== '' ? { www: [{ value: r.www }] } : {}) }] } : {}),
      ...(r.opening_hours !== '' ? { openingHours: [{ categories: [{ id: categories[0]?.id }], text: [], isOpen: false, structured: JSON.parse(r.opening_hours) }] } : {}),
    };
  }

  function bearer(req: IncomingMessage): { projectHrn: string } | null {
    const t = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const found = t ? tokens.get(t) : undefined;
    return found && found.expiresAt > clock ? found : null;
  }

  async function route(req: IncomingMessage, res: ServerResponse, u: URL, raw: Buffer): Promise<number> {
    const path = u.pathname;
    if (req.method === 'POST' && path === '/oauth2/token') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return tokenError(res, 400, 400001, 'invalid_request', 'Expected a form body.');
      return token(req, res, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
    }
    const auth = bearer(req);
    if (!auth) return problem(res, 401, 'Unauthorized', 'Token is missing, invalid or expired.', 'E600401');
    process();

    if (req.method === 'GET' && path === '/v1/project') return send(res, 200, { projectHrn: auth.projectHrn, name: projects.get(auth.projectHrn)?.name ?? '' });
    if (req.method === 'POST' && path === '/v1/feeds') {
      const fileName = u.searchParams.get('fileName') ?? '';
      if (!/^[\w.-]{1,200}\.csv$/.test(fileName)) return problem(res, 400, 'Bad Request', 'fileName must be a .csv file name of letters, digits, "-", "_" and "."', 'E600400');
      if (req.headers['content-type'] !== 'text/csv; charset=utf-8') return problem(res, 415, 'Unsupported Media Type', 'Feeds are text/csv; charset=utf-8.', 'E600415');
      let csv: string;
      try {
        csv = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
      } catch {
        return problem(res, 400, 'Bad Request', 'The file is not valid UTF-8.', 'E600400');
      }
      const sha256 = createHash('sha256').update(raw).digest('hex');
      const existing = [...feeds.values()].find((f) => f.projectHrn === auth.projectHrn && f.fileName === fileName);
      if (existing && existing.sha256 !== sha256) return problem(res, 409, 'Conflict', `A different file named ${fileName} was already received.`, 'E600409');
      if (existing) return send(res, 200, { feedId: existing.feedId, fileName, status: existing.state });
      const feed: FakeFeed = { feedId: randomUUID(), projectHrn: auth.projectHrn, fileName, sha256, receivedAt: clock, csv, state: 'RECEIVED', cause: null, results: [] };
      feeds.set(feed.feedId, feed);
      return send(res, 202, { feedId: feed.feedId, fileName, status: 'RECEIVED' });
    }
    const feedPath = /^\/v1\/feeds\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && feedPath) {
      const feed = feeds.get(decodeURIComponent(feedPath[1] as string));
      if (!feed || feed.projectHrn !== auth.projectHrn) return problem(res, 404, 'Not Found', 'No such feed in this project.', 'E600404');
      const accepted = feed.results.filter((r) => r.status === 'ACCEPTED').length;
      return send(res, 200, {
        feedId: feed.feedId,
        fileName: feed.fileName,
        status: feed.state,
        ...(feed.cause ? { cause: feed.cause } : {}),
        ...(feed.state === 'COMPLETED' ? { summary: { rows: feed.results.length, accepted, rejected: feed.results.length - accepted }, results: feed.results } : {}),
      });
    }
    const placePath = /^\/v1\/places\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && placePath) {
      const id = decodeURIComponent(placePath[1] as string);
      const place = places.get(`${auth.projectHrn}|${id}`);
      if (place) return send(res, 200, { supplierPlaceId: id, status: place.status, ...(place.status === 'LIVE' ? { placeId: place.placeId } : {}) });
      const pending = [...feeds.values()].some((f) => f.projectHrn === auth.projectHrn && f.state === 'RECEIVED' && parseCsv(f.csv).rows.slice(1).some((cells) => cells[0] === id));
      return pending ? send(res, 200, { supplierPlaceId: id, status: 'PENDING' }) : problem(res, 404, 'Not Found', `No place with supplier place id ${id}.`, 'E600404');
    }
    if (req.method === 'GET' && path === '/v1/lookup') {
      const id = u.searchParams.get('id') ?? '';
      if (id === '') return problem(res, 400, 'Illegal input for parameter \'id\'', 'Required parameter \'id\' is missing', 'E605001');
      const place = [...places.values()].find((p) => p.placeId === id && p.status === 'LIVE');
      return place ? send(res, 200, lookupBody(place)) : problem(res, 404, 'Not found', `Place ${id} not found.`, 'E605404');
    }
    return problem(res, 404, 'Not Found', `No route for ${req.method} ${path}`, 'E600404');
  }

  /** The rate limit, on the fake clock and not for tokens: a 429 when the last minute used it up. */
  function limited(res: ServerResponse, path: string): number | undefined {
    if (options.requestsPerMinute === undefined || path === '/oauth2/token') return undefined;
    while (windowHits.length > 0 && (windowHits[0] as number) <= clock - 60_000) windowHits.shift();
    if (windowHits.length >= options.requestsPerMinute) return problem(res, 429, 'Too Many Requests', 'Rate limit exceeded.', 'E600429', { 'retry-after': '30' });
    windowHits.push(clock);
    return undefined;
  }

  const shell = await startShell({
    serverErrors,
    open: ({ method, url: u, req }) => ({ method, path: u.pathname, auth: (req.headers.authorization ?? '').split(' ')[0] ?? '' }),
    fault: ({ method, url: u }) => takeListed(faults, `${method} ${u.pathname}`),
    route: ({ req, res, url: u, body }) => limited(res, u.pathname) ?? route(req, res, u, body),
    record: (call, status) => calls.push({ ...call, status }),
    send: ({ res }, status, body, headers) => send(res, status, body, headers),
    faultBody: (status) => ({ status, title: 'Injected fault', code: 'E600500', cause: 'Injected fault', correlationId: randomUUID() }),
  });
  url = shell.url;

  return {
    url,
    tokenUrl: `${url}/oauth2/token`,
    app,
    feeds,
    places,
    calls,
    faults,
    serverErrors,
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    /** A chain's HERE project; `invite` makes Tenpo's app a member (the default). */
    seedProject(name = 'Tenpo Demo Chain', invite = true): string {
      const hrn = `hrn:here:authorization::org${projects.size + 1}:project/tenpo-demo-${projects.size + 1}`;
      projects.set(hrn, { name, members: new Set(invite ? [app.accessKeyId] : []) });
      return hrn;
    },
    /** The chain removes Tenpo's app from its project: token requests with that scope fail. */
    removeApp(projectHrn: string) {
      projects.get(projectHrn)?.members.delete(app.accessKeyId);
      for (const [t, v] of tokens) if (v.projectHrn === projectHrn) tokens.delete(t);
    },
    /** Every issued token stops working (as after a key rotation). */
    revokeTokens() {
      tokens.clear();
    },
    /** HERE changes what it shows for a store (data from another source won). */
    editPlace(projectHrn: string, supplierPlaceId: string, patch: Partial<Row>) {
      const place = places.get(`${projectHrn}|${supplierPlaceId}`);
      if (!place) throw new Error(`no place ${supplierPlaceId}`);
      place.row = { ...place.row, ...patch };
    },
    close: shell.close,
  };
}

export type FakeHere = Awaited<ReturnType<typeof startFakeHere>>;
