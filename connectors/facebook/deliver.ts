/**
 * Writes a projection to a Facebook location Page:
 * - a new store: `POST /{parent-id}/locations` with the store's `store_number`, name, address,
 *   phone, website, hours and status, which creates the location Page; `about` and categories are
 *   not parameters of that edge and follow with `POST /{page-id}`.
 * - a known Page: only the changed keys, name/address/store code through the parent's locations
 *   edge (with `location_page_id`), everything else with `POST /{page-id}` and the Page's own token.
 * `store_number` is unique per parent ("Unique store number for this location Page"), so posting
 * the same one again updates the Page it made instead of making a second one: a create retried
 * after a lost answer or a failed follow-up cannot duplicate the store. Tenpo store codes are text,
 * the number an unsigned 32-bit integer, so a code that is not already a number is hashed to one.
 * Page updates apply at once (`{ success: true }`), so a confirmed write is IN_SYNC.
 */
import { createHash } from 'node:crypto';
import type { DeliverRequest, DeliverResult, JsonValue, PlatformCall, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { EdgeKey, PageKey } from './keys.ts';
import { asString, isEdgeKey, isObject, isProjectionKey } from './keys.ts';
import type { GraphSession, Params } from './session.ts';

export function storeNumber(storeCode: string): number {
  if (/^[1-9]\d{0,8}$/.test(storeCode)) return Number(storeCode);
  const n = createHash('sha256').update(storeCode).digest().readUInt32BE(0);
  return n === 0 ? 1 : n;
}

export function pageUrl(id: string): string {
  return `https://www.facebook.com/${id}`;
}

/** Edge parameters for edge keys; a removed value is left out (none of them can be cleared). */
function edgeParams(p: Projection, keys: readonly EdgeKey[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of keys) {
    const value = p[key];
    if (value === undefined) continue;
    out[key === 'name' ? 'store_name' : key] = value;
  }
  return out;
}

/** Page parameters for Page keys; an emptied text or hours is sent empty, which clears it. */
function pageParams(p: Projection, keys: readonly PageKey[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of keys) {
    const value = p[key];
    if (key === 'status') {
      if (isObject(value)) Object.assign(out, value);
    } else if (key === 'hours') out.hours = value ?? {};
    else if (value !== undefined) out[key] = value;
    else if (key !== 'category_list') out[key] = '';
  }
  return out;
}

function split(keys: readonly string[]): { edge: EdgeKey[]; page: PageKey[] } {
  const edge: EdgeKey[] = [];
  const page: PageKey[] = [];
  for (const key of new Set(keys)) {
    if (!isProjectionKey(key)) throw new PlatformError('PERMANENT', `Tenpo asked Facebook to update "${key}", which is not a Page field it writes.`, { rule: 'facebook.key.unknown' });
    if (isEdgeKey(key)) edge.push(key);
    else page.push(key);
  }
  return { edge, page };
}

async function updatePage(session: GraphSession, call: PlatformCall, pageId: string, params: Params): Promise<void> {
  const token = await session.pageToken(call, pageId);
  const res = await call({ kind: 'edit', listingKey: pageId }, ({ signal }) => session.request<unknown>('POST', `/${pageId}`, params, signal, { token }));
  if (!isObject(res) || res.success !== true) {
    throw new PlatformError('PERMANENT', 'Facebook answered the Page update without confirming it.', { rule: 'facebook.update.unconfirmed' });
  }
}

async function create(session: GraphSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  const parent = session.parentPageId();
  const p = req.projection;
  const status = isObject(p.status) ? p.status : {};
  const params: Params = {
    store_number: storeNumber(req.storeCode),
    ...edgeParams(p, ['name', 'location', 'store_code']),
    ...pageParams(p, (['phone', 'website', 'hours'] as const).filter((k) => p[k] !== undefined)),
    temporary_status: status.temporary_status,
    permanently_closed: status.is_permanently_closed,
  };
  const res = await call({ kind: 'create' }, ({ signal }) => session.request<unknown>('POST', `/${parent}/locations`, params, signal));
  const id = isObject(res) ? asString(res.id) : undefined;
  if (!id) throw new PlatformError('PERMANENT', "Facebook answered the new location Page without its id.", { rule: 'facebook.create.noId' });
  const rest = (['about', 'category_list'] as const).filter((k) => p[k] !== undefined);
  if (rest.length > 0) await updatePage(session, call, id, pageParams(p, rest));
  return { platformListingId: id, publicUrl: pageUrl(id), status: 'IN_SYNC' };
}

async function update(session: GraphSession, call: PlatformCall, pageId: string, req: DeliverRequest): Promise<DeliverResult> {
  const { edge, page } = split(req.changed);
  if (edge.length === 0 && page.length === 0) {
    // Nothing to send: the Page must still exist for the listing to count as delivered.
    const res = await call({ kind: 'read', listingKey: pageId }, ({ signal }) => session.request<unknown>('GET', `/${pageId}`, { fields: 'id,link' }, signal));
    return { platformListingId: pageId, publicUrl: (isObject(res) ? asString(res.link) : undefined) ?? pageUrl(pageId), status: 'IN_SYNC' };
  }
  const params = edgeParams(req.projection, edge);
  if (Object.keys(params).length > 0) {
    const parent = session.parentPageId();
    // The Page keeps the store number it has (it may predate Tenpo); the edge addresses it by that.
    const current = await call({ kind: 'read', listingKey: pageId }, ({ signal }) => session.request<unknown>('GET', `/${pageId}`, { fields: 'store_number' }, signal));
    const number = isObject(current) && typeof current.store_number === 'number' ? current.store_number : storeNumber(req.storeCode);
    const res = await call({ kind: 'edit', listingKey: pageId }, ({ signal }) =>
      session.request<unknown>('POST', `/${parent}/locations`, { store_number: number, location_page_id: pageId, ...params }, signal),
    );
    if (!isObject(res) || (res.success !== true && asString(res.id) !== pageId)) {
      throw new PlatformError('PERMANENT', 'Facebook answered the location update without confirming it.', { rule: 'facebook.update.unconfirmed' });
    }
  }
  if (page.length > 0) await updatePage(session, call, pageId, pageParams(req.projection, page));
  return { platformListingId: pageId, publicUrl: pageUrl(pageId), status: 'IN_SYNC' };
}

export function deliver(session: GraphSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  return req.platformListingId === null ? create(session, call, req) : update(session, call, req.platformListingId, req);
}
