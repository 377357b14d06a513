/**
 * A fake of the Graph API (graph.facebook.com) on 127.0.0.1, port 0, for the Facebook and
 * Instagram connectors: versioned paths (`/v25.0/...`), Page access tokens in the Authorization
 * header or `access_token`, optional `appsecret_proof`, the `fields` parameter, cursor paging,
 * Graph error bodies `{ error: { message, type, code, error_subcode, fbtrace_id } }`, a per-Page
 * call budget answered with code 80001 and X-Business-Use-Case-Usage, recommendations only below
 * v22.0 (code 12 from v22.0 on), fault injection, and `serverErrors` for bugs in the fake itself.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { FaultQueue, startShell, type Exchange } from '../shell.ts';
import type { Json } from './fields.ts';
import { GraphError, decode } from './graph.ts';
import { createRouter } from './routes.ts';
import { GraphState, graphTime } from './state.ts';
import type { FakeComment, FakeIgUser, FakePage, FakeRating } from './state.ts';

export interface FakeFacebookOptions {
  /** When set, every request must carry a matching appsecret_proof. */
  appSecret?: string;
  /** Calls per Page and minute before code 80001 (default 200). */
  pageCallsPerMinute?: number;
  now?: () => number;
}

export interface Fault {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

export interface RecordedCall {
  method: string;
  version: string;
  path: string;
  params: Record<string, Json>;
  /** The Page whose token made the call. */
  tokenPage: string | null;
  status: number;
}

export interface FakeFacebook {
  url: string;
  state: GraphState;
  calls: RecordedCall[];
  serverErrors: string[];
  seedMainPage(page: Partial<FakePage> & { name: string }): { page: FakePage; token: string };
  seedLocationPage(parentId: string, page: Partial<FakePage> & { name: string }): { page: FakePage; token: string };
  seedRating(pageId: string, rating: Omit<FakeRating, 'storyId'> & { storyId?: string }): FakeRating;
  seedComment(storyId: string, comment: { fromId: string; fromName: string; message: string }): FakeComment;
  seedIgUser(pageId: string, user: Omit<FakeIgUser, 'id'> & { id?: string }): FakeIgUser;
  proposeChange(pageId: string, category: string, proposedValue: string, currentValue?: string): string;
  setTokenState(token: string, state: 'expired' | 'revoked'): void;
  failNext(times: number, fault: Fault, match?: (method: string, path: string) => boolean): void;
  close(): Promise<void>;
}

/** The query's parameters and a POST's form or JSON body, decoded as Graph reads them. */
function paramsOf({ method, url, req, body }: Exchange): Record<string, Json> {
  const params: Record<string, Json> = {};
  for (const [k, v] of url.searchParams) params[k] = decode(v);
  if (method === 'POST') {
    const raw = body.toString('utf8');
    if ((req.headers['content-type'] ?? '').includes('application/json')) Object.assign(params, JSON.parse(raw || '{}') as Record<string, Json>);
    else for (const [k, v] of new URLSearchParams(raw)) params[k] = decode(v);
  }
  return params;
}

/** Every answer names the version the path asked for, as Graph's do. */
function send({ res, url }: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'facebook-api-version': url.pathname.split('/')[1] ?? '', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeFacebook(options: FakeFacebookOptions = {}): Promise<FakeFacebook> {
  const now = options.now ?? Date.now;
  const state = new GraphState();
  const calls: RecordedCall[] = [];
  const serverErrors: string[] = [];
  const usage = new Map<string, number[]>();
  const faults = new FaultQueue<[method: string, path: string]>();
  const budget = options.pageCallsPerMinute ?? 200;
  const { pageOf, route } = createRouter(state, now);

  function meter(pageId: string): void {
    const t = now();
    const recent = (usage.get(pageId) ?? []).filter((at) => at > t - 60_000);
    if (recent.length >= budget) {
      const regain = Math.ceil(((recent[0] as number) + 60_000 - t) / 60_000);
      const header = JSON.stringify({ [pageId]: [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: regain }] });
      throw new GraphError(400, 80001, 'There have been too many calls to this Page account. Wait a bit and try again.', 'OAuthException', undefined, { 'x-business-use-case-usage': header });
    }
    recent.push(t);
    usage.set(pageId, recent);
  }

  /** Authenticates the call, meters its Page and routes it: every refusal is a thrown GraphError. */
  function answer(ex: Exchange, call: Omit<RecordedCall, 'status'>): number {
    const { params } = call;
    const version = /^v(\d+)\.\d+$/.exec(call.version);
    if (!version) throw new GraphError(400, 2500, 'Unknown path components: the request must name a Graph API version');
    const auth = /^Bearer (.+)$/.exec(ex.req.headers.authorization ?? '')?.[1] ?? (typeof params.access_token === 'string' ? params.access_token : undefined);
    if (!auth) throw new GraphError(400, 104, 'An access token is required to request this resource.');
    const info = state.tokens.get(auth);
    if (!info) throw new GraphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (info.state === 'expired') throw new GraphError(400, 190, `Error validating access token: Session has expired on ${new Date(now() - 3_600_000).toUTCString()}.`, 'OAuthException', 463);
    if (info.state === 'revoked') throw new GraphError(400, 190, 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', 'OAuthException', 460);
    if (options.appSecret) {
      const proof = createHmac('sha256', options.appSecret).update(auth).digest('hex');
      if (params.appsecret_proof !== proof) throw new GraphError(400, 100, 'Invalid appsecret_proof provided in the API argument', 'GraphMethodException');
    }
    delete params.access_token;
    delete params.appsecret_proof;
    call.tokenPage = info.pageId;
    meter(info.pageId);
    const [, , ...segments] = ex.url.pathname.split('/');
    send(ex, 200, route(ex.method, Number(version[1]), segments, params, info.pageId));
    return 200;
  }

  const { url, close } = await startShell({
    serverErrors,
    open: (ex): Omit<RecordedCall, 'status'> => {
      const [, version = '', ...segments] = ex.url.pathname.split('/');
      return { method: ex.method, version, path: `/${segments.join('/')}`, params: paramsOf(ex), tokenPage: null };
    },
    fault: ({ method }, call) => faults.take(method, call.path),
    route: answer,
    refuse: (ex, e) => {
      if (!(e instanceof GraphError)) return undefined;
      send(ex, e.status, { error: { message: e.message, type: e.type, code: e.code, ...(e.subcode ? { error_subcode: e.subcode } : {}), fbtrace_id: `A${randomBytes(8).toString('hex')}` } }, e.headers);
      return e.status;
    },
    record: (call, status) => calls.push({ ...call, status }),
    send,
    faultBody: () => ({ error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, fbtrace_id: 'Afake' } }),
    crashBody: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true, fbtrace_id: 'Afake' } },
  });

  function seedPage(parentId: string | null, page: Partial<FakePage> & { name: string }): { page: FakePage; token: string } {
    const full: FakePage = { ...page, id: page.id ?? state.newId(), parentId };
    state.pages.set(full.id, full);
    return { page: full, token: state.issueToken(full.id) };
  }

  return {
    url,
    state,
    calls,
    serverErrors,
    seedMainPage: (page) => seedPage(null, page),
    seedLocationPage: (parentId, page) => seedPage(parentId, page),
    seedRating(pageId, rating) {
      const full: FakeRating = { ...rating, storyId: rating.storyId ?? `${pageId}_${state.newId()}` };
      state.ratings.set(pageId, [...(state.ratings.get(pageId) ?? []), full]);
      return full;
    },
    seedComment(storyId, c) {
      const comment: FakeComment = { id: `${storyId}_${state.newId()}`, storyId, from: { id: c.fromId, name: c.fromName }, message: c.message, created_time: graphTime(now()) };
      state.comments.set(comment.id, comment);
      return comment;
    },
    seedIgUser(pageId, user) {
      const full: FakeIgUser = { ...user, id: user.id ?? state.newId() };
      state.igUsers.set(full.id, full);
      pageOf(pageId).instagram_business_account = full.id;
      return full;
    },
    proposeChange(pageId, category, proposedValue, currentValue = '') {
      const id = state.newId();
      const page = pageOf(pageId);
      const change = { id, page: { id: page.id, name: page.name }, effective_time: graphTime(now() + 3 * 86_400_000), timer_status: 'active', change_type: 'knowledge_proposal', proposal: { id: state.newId(), category, current_value: currentValue, proposed_value: proposedValue } };
      state.upcomingChanges.set(pageId, [...(state.upcomingChanges.get(pageId) ?? []), change]);
      return id;
    },
    setTokenState(token, s) {
      const info = state.tokens.get(token);
      if (!info) throw new Error(`unknown token ${token}`);
      info.state = s;
    },
    failNext: (times, fault, match) => faults.add(times, fault, match),
    close,
  };
}
