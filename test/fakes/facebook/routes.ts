/**
 * The fake Graph API's resources: what each path and method does with the state, given the Page
 * whose token made the call. Auth, metering and faults are server.ts's.
 */
import { parseFields, projectFields } from './fields.ts';
import type { FieldTree, Json } from './fields.ts';
import { GraphError, LOCATIONS_PARAMS, applyPageUpdate, checkHours, checkLocation, invalid } from './graph.ts';
import { graphTime } from './state.ts';
import type { FakeComment, FakePage, GraphState } from './state.ts';

const RATINGS_LAST_VERSION = 21;

function cursor(index: number): string {
  return Buffer.from(String(index)).toString('base64url');
}

function paged(items: Json[], params: Record<string, Json>, tree: FieldTree | null): Json {
  const limit = Math.min(Math.max(Number(params.limit ?? 25) || 25, 1), 100);
  const start = typeof params.after === 'string' ? Number(Buffer.from(params.after, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw invalid('Param after is not a valid cursor');
  const data = items.slice(start, start + limit).map((v) => projectFields(v, tree));
  const end = start + data.length;
  const paging: { [key: string]: Json } = { cursors: { before: cursor(start), after: cursor(end) } };
  if (end < items.length) paging.next = `https://graph.facebook.com/next?after=${cursor(end)}`;
  return { data, paging };
}

export interface Router {
  pageOf(id: string): FakePage;
  route(method: string, version: number, segments: string[], params: Record<string, Json>, tokenPage: string): Json;
}

export function createRouter(state: GraphState, now: () => number): Router {
  function pageOf(id: string): FakePage {
    const page = state.pages.get(id);
    if (!page) throw invalid(`Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33);
    return page;
  }

  function requireTokenOf(pageId: string, tokenPage: string): void {
    if (tokenPage !== pageId) throw new GraphError(400, 200, '(#200) The user does not have sufficient administrative permission for this action on this page.');
  }

  function locationsPost(parent: FakePage, params: Record<string, Json>, tokenPage: string): Json {
    requireTokenOf(parent.id, tokenPage);
    for (const k of Object.keys(params)) if (!LOCATIONS_PARAMS.has(k)) throw invalid(`Param ${k} is not a valid parameter for /locations`);
    const number = Number(params.store_number);
    if (params.store_number === undefined || !Number.isInteger(number) || number < 0 || number > 4294967295) throw invalid('The parameter store_number is required and must be an unsigned 32-bit integer');
    const byId = typeof params.location_page_id === 'string' ? state.pages.get(params.location_page_id) : undefined;
    if (params.location_page_id !== undefined && (!byId || byId.parentId !== parent.id)) throw invalid('Param location_page_id must be a location Page of this Page');
    let page = byId ?? state.children(parent.id).find((p) => p.store_number === number);
    if (!page) {
      if (params.location === undefined) throw invalid('Param location is required to create a location Page');
      page = { id: state.newId(), name: parent.name, parentId: parent.id, store_number: number };
      state.pages.set(page.id, page);
      state.issueToken(page.id);
    }
    page.store_number = number;
    const target = page as unknown as { [key: string]: Json };
    for (const [k, v] of Object.entries(params)) {
      if (k === 'location') page.location = checkLocation(v, true);
      else if (k === 'hours') page.hours = checkHours(v);
      else if (k === 'store_name') page.name = String(v);
      else if (k === 'permanently_closed') page.is_permanently_closed = v === true || v === 'true';
      else if (['store_code', 'phone', 'website', 'temporary_status', 'store_location_descriptor'].includes(k)) target[k] = v;
    }
    return { id: page.id };
  }

  function route(method: string, version: number, segments: string[], params: Record<string, Json>, tokenPage: string): Json {
    const tree = typeof params.fields === 'string' ? parseFields(params.fields) : null;
    const [id = '', edge, ...more] = segments;
    if (more.length > 0) throw new GraphError(400, 2500, 'Unknown path components');
    const objectId = id === 'me' ? tokenPage : id;
    if (edge === undefined) {
      const page = state.pages.get(objectId);
      if (page && method === 'GET') return projectFields(state.pageJson(page), tree ?? parseFields('id,name'));
      if (page && method === 'POST') {
        requireTokenOf(page.id, tokenPage);
        const copy = { ...(page as unknown as { [key: string]: Json }) };
        applyPageUpdate(state, copy, params);
        if (page.parentId && params.location !== undefined) throw invalid("A location Page's location is managed through its parent's /locations edge");
        Object.keys(page).forEach((k) => delete (page as unknown as Record<string, unknown>)[k]);
        Object.assign(page, copy);
        return { success: true };
      }
      const comment = state.comments.get(objectId);
      if (comment) {
        if (method === 'GET') return projectFields({ ...comment } as unknown as Json, tree);
        requireTokenOf(comment.from.id, tokenPage);
        if (method === 'DELETE') state.comments.delete(comment.id);
        else {
          if (typeof params.message !== 'string' || params.message === '') throw invalid('Param message must be a non-empty string');
          comment.message = params.message;
        }
        return { success: true };
      }
      const ig = state.igUsers.get(objectId);
      if (ig && method === 'GET') return projectFields({ ...ig } as unknown as Json, tree ?? parseFields('id'));
      throw invalid(`Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33);
    }
    if (edge === 'locations') {
      const parent = pageOf(objectId);
      if (method === 'POST') return locationsPost(parent, params, tokenPage);
      const items = state.children(parent.id).map((p) => {
        const json = state.pageJson(p);
        // Only the parent Page's own token is given the children's tokens.
        if (tokenPage === parent.id) json.access_token = state.tokenOf(p.id) ?? null;
        return json;
      });
      return paged(items, params, tree ?? parseFields('id'));
    }
    if (edge === 'ratings') {
      const page = pageOf(objectId);
      if (version > RATINGS_LAST_VERSION) throw new GraphError(400, 12, '(#12) ratings field is deprecated for versions v22.0 and higher');
      requireTokenOf(page.id, tokenPage);
      const list = [...(state.ratings.get(page.id) ?? [])].sort((a, b) => b.created_time.localeCompare(a.created_time));
      return paged(list.map((r) => state.ratingJson(r)), params, tree);
    }
    if (edge === 'comments') {
      const owner = state.storyOwner(objectId) ?? state.comments.get(objectId)?.from.id;
      if (!owner) throw invalid(`Object with ID '${objectId}' does not exist`, 33);
      if (method === 'POST') {
        requireTokenOf(owner, tokenPage);
        if (typeof params.message !== 'string' || params.message.trim() === '') throw invalid('Param message must be a non-empty string');
        const page = pageOf(owner);
        const c: FakeComment = { id: `${objectId}_${state.newId()}`, storyId: objectId, from: { id: page.id, name: page.name }, message: params.message, created_time: graphTime(now()) };
        state.comments.set(c.id, c);
        return { id: c.id };
      }
      return paged(state.commentsOf(objectId).map((c) => ({ ...c }) as unknown as Json), params, tree);
    }
    if (edge === 'upcoming_changes') {
      const page = pageOf(objectId);
      requireTokenOf(page.id, tokenPage);
      return paged(state.upcomingChanges.get(page.id) ?? [], params, tree);
    }
    throw new GraphError(400, 2500, `Unknown path components: /${edge}`);
  }

  return { pageOf, route };
}
