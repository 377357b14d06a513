/**
 * A fake of the Foursquare Places API (places-api.foursquare.com) on 127.0.0.1, port 0: the real
 * paths, `Authorization: Bearer <key>` with Service Account and plain Places keys, the required
 * `X-Places-Api-Version` header, JSON `{ message }` errors, a per-key rate limit answering 429,
 * suggestions that wait for review (or are accepted at once), tips, and fault injection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultQueue, startShell } from '../shell.ts';
import { applyParams, CREATE_PARAMS, EDIT_PARAMS, newId, ParamError, pickFields, REMOVE_REASONS, validateParams } from './places.ts';
import type { Json, Place, Suggestion } from './places.ts';

export interface FakeFoursquareOptions {
  requestsPerMinute?: number;
  /** Edits and removals accepted at once (a trusted source); new places always wait for review. */
  autoAcceptEdits?: boolean;
  now?: () => number;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  body?: Json;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface Tip {
  id: string;
  created_at: string;
  text: string;
  lang?: string;
}

export interface FakeFoursquare {
  url: string;
  places: Map<string, Place>;
  suggestions: Map<string, Suggestion>;
  calls: RecordedCall[];
  serverErrors: string[];
  issueKey(kind?: 'service' | 'places'): string;
  revokeKey(key: string): void;
  seedPlace(place: Place): string;
  seedTip(placeId: string, tip: Omit<Tip, 'id'> & { id?: string }): Tip;
  accept(suggestionId: string): string | null;
  reject(suggestionId: string): void;
  /** Foursquare judged the new place a duplicate: the suggestion names the existing place. */
  merge(suggestionId: string, placeId: string): void;
  failNext(times: number, fault: Fault, match?: (method: string, path: string) => boolean): void;
  close(): Promise<void>;
}

const VERSION = /^\d{4}-\d{2}-\d{2}$/;

export async function startFakeFoursquare(options: FakeFoursquareOptions = {}): Promise<FakeFoursquare> {
  const now = options.now ?? Date.now;
  const keys = new Map<string, 'service' | 'places'>();
  const places = new Map<string, Place>();
  const suggestions = new Map<string, Suggestion>();
  const tips = new Map<string, Tip[]>();
  const calls: RecordedCall[] = [];
  const serverErrors: string[] = [];
  const usage = new Map<string, number[]>();
  const faults = new FaultQueue<[method: string, path: string]>();
  const limit = options.requestsPerMinute ?? 100;
  const autoAccept = options.autoAcceptEdits ?? true;

  const categoryName = (id: string) => `Category ${id.slice(-6)}`;
  const iso = () => new Date(now()).toISOString();

  function suggest(type: Suggestion['suggested_edit_type'], placeId: string | null, params: Record<string, string>): Suggestion {
    const s: Suggestion = { id: newId(), fsq_place_id: placeId, suggested_edit_type: type, created_at: iso(), status: 'pending', params };
    suggestions.set(s.id, s);
    if (type !== 'new_place' && autoAccept) accept(s.id);
    return s;
  }

  function accept(id: string): string | null {
    const s = suggestions.get(id);
    if (!s) throw new Error(`no suggestion ${id}`);
    s.status = 'accepted';
    if (s.suggested_edit_type === 'new_place') {
      const placeId = newId();
      const place: Place = { fsq_place_id: placeId, date_created: iso().slice(0, 10) };
      applyParams(place, s.params, categoryName);
      places.set(placeId, place);
      s.created_fsq_place_id = placeId;
      return placeId;
    }
    const place = places.get(s.fsq_place_id ?? '');
    if (!place) return null;
    if (s.suggested_edit_type === 'remove') {
      if (s.params.reason === 'not_closed') delete place.date_closed;
      else place.date_closed = iso().slice(0, 10);
    } else applyParams(place, s.params, categoryName);
    return s.fsq_place_id;
  }

  const view = (s: Suggestion): Json => {
    const { params: _params, ...rest } = s;
    return rest as unknown as Json;
  };

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
    return status;
  }

  function sameAddress(place: Place, params: Record<string, string>): boolean {
    const loc = (place.location ?? {}) as Record<string, Json>;
    return place.name === params.name && (loc.address ?? '') === (params.address ?? '') && (loc.postcode ?? '') === (params.postcode ?? '');
  }

  function route(req: IncomingMessage, res: ServerResponse, url: URL): number {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const kind = auth ? keys.get(auth) : undefined;
    if (!kind) return send(res, 401, { message: 'Invalid request token.' });
    if (!VERSION.test(String(req.headers['x-places-api-version'] ?? ''))) return send(res, 400, { message: 'Missing or invalid X-Places-Api-Version header' });
    const window = (usage.get(auth as string) ?? []).filter((t) => t > now() - 60_000);
    if (window.length >= limit) {
      const retry = Math.max(1, Math.ceil(((window[0] as number) + 60_000 - now()) / 1000));
      return send(res, 429, { message: 'Rate limit exceeded' }, { 'retry-after': String(retry) });
    }
    usage.set(auth as string, [...window, now()]);

    const suggest_ = path.startsWith('/places/suggest') || /\/suggest\/(edit|remove|flag)$/.test(path);
    if (suggest_ && kind !== 'service') return send(res, 403, { message: 'A Service Account API key is required for this endpoint.' });
    const dry = query.dry_run === 'true';
    const { dry_run: _dry, ...params } = query;

    if (method === 'GET' && path === '/places/suggest/status') {
      const ids = (query.suggested_edit_ids ?? '').split(',').filter((x) => x !== '');
      const list = [...suggestions.values()].filter((s) => ids.length === 0 || ids.includes(s.id)).slice(0, Number(query.limit ?? 10));
      return send(res, 200, { suggested_edits: list.map(view) });
    }
    if (method === 'POST' && path === '/places/suggest/place') {
      validateParams(query, CREATE_PARAMS);
      if (!params.name) throw new ParamError('name is required');
      const match = [...places.values()].find((p) => sameAddress(p, params));
      if (match) return send(res, 200, { matched_fsq_place: { fsq_place_id: match.fsq_place_id as string, name: match.name as string }, errors: [] });
      if (dry) return send(res, 200, { new_place_suggestion: { id: 'dry-run', created_at: iso(), status: 'pending' }, errors: [] });
      const s = suggest('new_place', null, params);
      return send(res, 200, { new_place_suggestion: { id: s.id, created_at: s.created_at, status: s.status }, errors: [] });
    }
    const m = /^\/places\/([0-9a-f]{24})(\/tips|\/suggest\/edit|\/suggest\/remove)?$/.exec(path);
    const place = m ? places.get(m[1] as string) : undefined;
    if (!m || !place) return send(res, 404, { message: m ? 'Place not found' : 'Not Found' });
    const placeId = m[1] as string;
    if (method === 'GET' && !m[2]) return send(res, 200, pickFields(place, query.fields ?? null));
    if (method === 'GET' && m[2] === '/tips') {
      const list = [...(tips.get(placeId) ?? [])].sort((a, b) => (query.sort === 'NEWEST' ? b.created_at.localeCompare(a.created_at) : 0));
      return send(res, 200, list.slice(0, Math.min(50, Number(query.limit ?? 10))) as unknown as Json);
    }
    if (method === 'POST' && m[2] === '/suggest/edit') {
      validateParams(query, EDIT_PARAMS);
      if (Object.keys(params).length === 0) throw new ParamError('At least one field to edit is required');
      if (dry) return send(res, 200, { suggested_edits: [], errors: [] });
      return send(res, 200, { suggested_edits: [view(suggest('edit', placeId, params))], errors: [] });
    }
    if (method === 'POST' && m[2] === '/suggest/remove') {
      if (!REMOVE_REASONS.has(query.reason ?? '')) throw new ParamError('reason must be one of closed, doesnt_exist, inappropriate, not_closed, private');
      if (dry) return send(res, 200, { suggested_edits: [], errors: [] });
      return send(res, 200, { suggested_edits: [view(suggest('remove', placeId, { reason: query.reason as string }))], errors: [] });
    }
    return send(res, 405, { message: 'Method Not Allowed' });
  }

  const { url, close } = await startShell({
    serverErrors,
    open: ({ method, url: u }) => ({ method, path: u.pathname, query: Object.fromEntries(u.searchParams) }),
    fault: ({ method, url: u }) => faults.take(method, u.pathname),
    route: ({ req, res, url: u }) => route(req, res, u),
    refuse: ({ res }, e) => (e instanceof ParamError ? send(res, 400, { message: e.message }) : undefined),
    record: (call, status) => calls.push({ ...call, status }),
    send: ({ res }, status, body, headers) => send(res, status, body, headers),
    faultBody: () => ({ message: 'Internal Server Error' }),
    crashBody: { message: 'fake failure' },
  });

  return {
    url,
    places,
    suggestions,
    calls,
    serverErrors,
    issueKey(kind = 'service') {
      const key = `fsq3${newId()}`;
      keys.set(key, kind);
      return key;
    },
    revokeKey: (key) => void keys.delete(key),
    seedPlace(place) {
      const id = typeof place.fsq_place_id === 'string' ? place.fsq_place_id : newId();
      places.set(id, { ...place, fsq_place_id: id });
      return id;
    },
    seedTip(placeId, tip) {
      const full: Tip = { ...tip, id: tip.id ?? newId() };
      tips.set(placeId, [...(tips.get(placeId) ?? []), full]);
      return full;
    },
    accept,
    reject(id) {
      const s = suggestions.get(id);
      if (!s) throw new Error(`no suggestion ${id}`);
      s.status = 'rejected';
    },
    merge(id, placeId) {
      const s = suggestions.get(id);
      if (!s) throw new Error(`no suggestion ${id}`);
      if (!places.has(placeId)) throw new Error(`no place ${placeId}`);
      s.status = 'accepted';
      s.matched_fsq_place_id = placeId;
    },
    failNext: (times, fault, match) => faults.add(times, fault, match),
    close,
  };
}
