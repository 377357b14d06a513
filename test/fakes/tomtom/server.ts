/**
 * A fake TomTom on loopback (see README.md): the POI ingestion API of a data source (upload,
 * processing report after a delay, feature references) and the Search API's Place by Id, with
 * the API key as the `key` query parameter, TomTom's error bodies, a rate limit, fault
 * injection and inspectable state.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startShell, takeListed, type ListedFault } from '../shell.ts';
import { featureIssues, type Issue } from './features.ts';

export interface FakeTomTomOptions {
  apiKey?: string;
  /** Fake-clock milliseconds between receiving a feed and its report. */
  processingDelayMs?: number;
  /** Requests per fake-clock minute before 429. */
  requestsPerMinute?: number;
  now?: number;
}

export interface FakeTomTomFeed {
  feedId: string;
  sourceId: string;
  fileName: string;
  sha256: string;
  receivedAt: number;
  text: string;
  status: 'QUEUED' | 'DONE' | 'FAILED';
  errorText: string | null;
  features: { id: string; outcome: 'ACCEPTED' | 'REJECTED'; entityId?: string; issues: Issue[] }[];
}

export interface FakePoi {
  entityId: string;
  sourceId: string;
  recordId: string;
  status: 'LIVE' | 'REMOVED';
  feature: Record<string, unknown>;
}

export type Fault = ListedFault;

type J = Record<string, unknown>;
const obj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function startFakeTomTom(options: FakeTomTomOptions = {}) {
  const apiKey = options.apiKey ?? 'tenpo-tomtom-key';
  const delay = options.processingDelayMs ?? 60_000;
  let clock = options.now ?? Date.UTC(2030, 0, 15, 3);
  const sources = new Map<string, { name: string; allowed: boolean }>();
  const feeds = new Map<string, FakeTomTomFeed>();
  const pois = new Map<string, FakePoi>();
  const faults: Fault[] = [];
  const calls: { method: string; path: string; status: number; query: Record<string, string> }[] = [];
  const serverErrors: string[] = [];
  const windowHits: number[] = [];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
    return status;
  };
  const error = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { errorText: message, detailedError: { code, message }, httpStatusCode: status }, headers);

  function process(): void {
    for (const feed of feeds.values()) {
      if (feed.status !== 'QUEUED' || clock < feed.receivedAt + delay) continue;
      let doc: unknown;
      try {
        doc = JSON.parse(feed.text);
      } catch {
        doc = null;
      }
      if (!obj(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
        feed.status = 'FAILED';
        feed.errorText = 'The file is not a GeoJSON FeatureCollection.';
        continue;
      }
      const seen = new Set<string>();
      for (const f of doc.features) {
        const id = obj(f) && typeof f.id === 'string' ? f.id : '';
        const issues = featureIssues(f);
        if (seen.has(id)) issues.push({ property: 'id', code: 'DUPLICATE_ID', message: 'id appears twice in the file' });
        seen.add(id);
        if (issues.length > 0) {
          feed.features.push({ id, outcome: 'REJECTED', issues });
          continue;
        }
        const key = `${feed.sourceId}|${id}`;
        const poi = pois.get(key) ?? { entityId: String(528009000000000 + pois.size + 1), sourceId: feed.sourceId, recordId: id, status: 'LIVE' as const, feature: f as J };
        poi.feature = f as J;
        poi.status = ((f as J).properties as J).operating_status === 'permanently_closed' ? 'REMOVED' : 'LIVE';
        pois.set(key, poi);
        feed.features.push({ id, outcome: 'ACCEPTED', entityId: poi.entityId, issues: [] });
      }
      for (const poi of pois.values()) if (poi.sourceId === feed.sourceId && !seen.has(poi.recordId)) poi.status = 'REMOVED';
      feed.status = 'DONE';
    }
  }

  function placeById(poi: FakePoi): J {
    const p = poi.feature.properties as J;
    const names = p.names as J;
    const address = (Array.isArray(p.addresses) ? p.addresses[0] : {}) as J;
    const [lon, lat] = (poi.feature.geometry as { coordinates: number[] }).coordinates;
    const phone = Array.isArray(p.phones) ? (p.phones[0] as string | undefined) : undefined;
    const url = Array.isArray(p.websites) ? (p.websites[0] as string | undefined) : undefined;
    return {
      type: 'POI',
      id: poi.entityId,
      score: 1,
      info: `search:ta:${poi.entityId}`,
      poi: {
        name: names.primary,
        // TomTom prints numbers for reading and URLs without their scheme.
        ...(phone ? { phone: `${phone.slice(0, 3)} ${phone.slice(3)}` } : {}),
        ...(url ? { url: url.replace(/^https?:\/\//, '') } : {}),
        categorySet: [{ id: 7315 }],
        categories: [String((p.categories as J).primary)],
      },
      address: { freeformAddress: String(address.freeform ?? ''), municipality: address.locality, postalCode: address.postcode, countryCode: address.country },
      position: { lat, lon },
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse, u: URL, raw: Buffer): Promise<number> {
    if (u.searchParams.get('key') !== apiKey) return send(res, 403, { detailedError: { code: 'Forbidden', message: 'You are not allowed to access this endpoint' } });
    process();
    const path = u.pathname;
    if (req.method === 'GET' && path === '/search/2/place.json') {
      const poi = [...pois.values()].find((p) => p.entityId === u.searchParams.get('entityId') && p.status === 'LIVE');
      const results = poi ? [placeById(poi)] : [];
      return send(res, 200, { summary: { query: '', queryType: 'NON_NEAR', queryTime: 3, numResults: results.length, offset: 0, totalResults: results.length, fuzzyLevel: 0 }, results });
    }
    const m = /^\/places\/ingest\/1\/sources\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) return error(res, 404, 'NOT_FOUND', `No route for ${req.method} ${path}`);
    const sourceId = decodeURIComponent(m[1] as string);
    const source = sources.get(sourceId);
    if (!source) return error(res, 404, 'NOT_FOUND', `Source ${sourceId} not found`);
    if (!source.allowed) return error(res, 403, 'SOURCE_ACCESS_REVOKED', `This key may no longer deliver data for source ${sourceId}`);
    const rest = m[2] ?? '';
    if (req.method === 'GET' && rest === '') return send(res, 200, { sourceId, name: source.name });
    if (req.method === 'POST' && rest === '/feeds') {
      const fileName = u.searchParams.get('fileName') ?? '';
      if (!/^[\w.-]{1,200}\.geojson$/.test(fileName)) return error(res, 400, 'BAD_REQUEST', 'fileName must be a .geojson file name');
      if (req.headers['content-type'] !== 'application/geo+json') return error(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Feeds are application/geo+json');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
      } catch {
        return error(res, 400, 'BAD_REQUEST', 'The file is not valid UTF-8');
      }
      const sha256 = createHash('sha256').update(raw).digest('hex');
      const existing = [...feeds.values()].find((f) => f.sourceId === sourceId && f.fileName === fileName);
      if (existing && existing.sha256 !== sha256) return error(res, 409, 'CONFLICT', `A different file named ${fileName} was already received`);
      if (existing) return send(res, 200, { feedId: existing.feedId, status: existing.status });
      const feed: FakeTomTomFeed = { feedId: randomUUID(), sourceId, fileName, sha256, receivedAt: clock, text, status: 'QUEUED', errorText: null, features: [] };
      feeds.set(feed.feedId, feed);
      return send(res, 202, { feedId: feed.feedId, status: 'QUEUED' });
    }
    const feedPath = /^\/feeds\/([^/]+)$/.exec(rest);
    if (req.method === 'GET' && feedPath) {
      const feed = feeds.get(decodeURIComponent(feedPath[1] as string));
      if (!feed || feed.sourceId !== sourceId) return error(res, 404, 'NOT_FOUND', 'Feed not found');
      return send(res, 200, { feedId: feed.feedId, fileName: feed.fileName, status: feed.status, ...(feed.errorText ? { errorText: feed.errorText } : {}), ...(feed.status === 'DONE' ? { features: feed.features } : {}) });
    }
    const featurePath = /^\/features\/([^/]+)$/.exec(rest);
    if (req.method === 'GET' && featurePath) {
      const id = decodeURIComponent(featurePath[1] as string);
      const poi = pois.get(`${sourceId}|${id}`);
      if (poi) return send(res, 200, { id, status: poi.status, ...(poi.status === 'LIVE' ? { entityId: poi.entityId } : {}) });
      const queued = [...feeds.values()].some((f) => {
        if (f.sourceId !== sourceId || f.status !== 'QUEUED') return false;
        try {
          const doc = JSON.parse(f.text) as { features?: { id?: unknown }[] };
          return (doc.features ?? []).some((x) => x.id === id);
        } catch {
          return false;
        }
      });
      return queued ? send(res, 200, { id, status: 'PENDING' }) : error(res, 404, 'NOT_FOUND', `Feature ${id} not found`);
    }
    return error(res, 404, 'NOT_FOUND', `No route for ${req.method} ${path}`);
  }

  /** The rate limit, on the fake clock: a 429 when the last minute used it up. */
  function limited(res: ServerResponse): number | undefined {
    if (options.requestsPerMinute === undefined) return undefined;
    while (windowHits.length > 0 && (windowHits[0] as number) <= clock - 60_000) windowHits.shift();
    if (windowHits.length >= options.requestsPerMinute) return error(res, 429, 'TOO_MANY_REQUESTS', 'Too Many Requests', { 'retry-after': '2' });
    windowHits.push(clock);
    return undefined;
  }

  const { url, close } = await startShell({
    serverErrors,
    open: ({ method, url: u }) => ({ method, path: u.pathname, query: Object.fromEntries([...u.searchParams].map(([k, v]) => [k, k === 'key' ? '[key]' : v])) }),
    fault: ({ method, url: u }) => takeListed(faults, `${method} ${u.pathname}`),
    route: ({ req, res, url: u, body }) => limited(res) ?? route(req, res, u, body),
    record: (call, status) => calls.push({ ...call, status }),
    send: ({ res }, status, body, headers) => send(res, status, body, headers),
    faultBody: (status) => ({ errorText: 'Injected fault', detailedError: { code: 'INTERNAL_SERVER_ERROR', message: 'Injected fault' }, httpStatusCode: status }),
  });

  return {
    url,
    apiKey,
    feeds,
    pois,
    calls,
    faults,
    serverErrors,
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    /** A chain's data source that Tenpo's key may deliver for. */
    seedSource(name = 'Tenpo Demo Chain'): string {
      const id = `tenpo-demo-${sources.size + 1}`;
      sources.set(id, { name, allowed: true });
      return id;
    },
    /** TomTom withdraws Tenpo's right to deliver for the source (agreement ended). */
    revokeSource(sourceId: string) {
      const s = sources.get(sourceId);
      if (s) s.allowed = false;
    },
    /** TomTom shows other data for a store (another source won). */
    editPoi(sourceId: string, recordId: string, properties: Record<string, unknown>) {
      const poi = pois.get(`${sourceId}|${recordId}`);
      if (!poi) throw new Error(`no POI ${recordId}`);
      poi.feature = { ...poi.feature, properties: { ...(poi.feature.properties as J), ...properties } };
    },
    close,
  };
}

export type FakeTomTom = Awaited<ReturnType<typeof startFakeTomTom>>;
