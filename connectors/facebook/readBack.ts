/**
 * What Facebook shows for a location Page, keyed like project(), and the changes Facebook proposes
 * on its side: the Page Upcoming Changes API (`GET /{page-id}/upcoming_changes`) lists proposals
 * with `proposal.category`, `current_value` and `proposed_value`; one whose timer is neither
 * `stopped` (decided) nor `already_fired` (applied) still awaits the owner. The documented example
 * proposes `category` (a comma-separated list of category ids); other proposal categories are
 * read when they name a Page field Tenpo writes (`phone`, `website`, `name`).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { JsonValue, PlatformCall, PlatformListingSummary, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { countryCode, normalizeLocation } from './address.ts';
import { normalizeHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { PROJECTION_KEYS, asString, isObject } from './keys.ts';
import { compact } from './project.ts';
import { pageUrl } from './deliver.ts';
import type { GraphSession } from './session.ts';

export const PAGE_FIELDS = 'id,name,link,location,store_code,phone,website,hours,about,category_list,temporary_status,is_permanently_closed';

function phoneOf(value: unknown, country: string | undefined): string | undefined {
  const raw = asString(value);
  if (!raw) return undefined;
  const parsed = parsePhoneNumberFromString(raw, (country ?? 'US') as CountryCode);
  return parsed?.isValid() ? parsed.number : raw;
}

/** A Page as Facebook answers it, in the projection's shape (keys Facebook leaves out are absent). */
export function projectionFromPage(page: Record<string, unknown>, keys: readonly ProjectionKey[] = PROJECTION_KEYS): Record<string, JsonValue> {
  const location = normalizeLocation(page.location);
  const country = location ? countryCode(String(location.country)) : undefined;
  const categories = Array.isArray(page.category_list) ? page.category_list.flatMap((c) => (isObject(c) && typeof c.id === 'string' ? [c.id] : [])) : [];
  const temporary = asString(page.temporary_status);
  const all: Record<ProjectionKey, JsonValue | undefined> = {
    name: asString(page.name),
    location,
    store_code: asString(page.store_code),
    phone: phoneOf(page.phone, country),
    website: asString(page.website),
    hours: normalizeHours(page.hours),
    about: asString(page.about),
    category_list: categories.length > 0 ? categories : undefined,
    status: {
      temporary_status: temporary === undefined || temporary === 'no_data' ? 'operating_as_usual' : temporary,
      is_permanently_closed: page.is_permanently_closed === true,
    },
  };
  return { ...compact(Object.fromEntries(keys.map((k) => [k, all[k]]))) };
}

const PROPOSAL_KEYS: Readonly<Record<string, ProjectionKey>> = { category: 'category_list', phone: 'phone', website: 'website', name: 'name' };

function proposedValue(key: ProjectionKey, raw: unknown): JsonValue | undefined {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined) return undefined;
  if (key === 'category_list') return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return text === '' ? null : text;
}

/** Facebook's pending proposals for the Page, keyed like the projection. */
async function platformEdits(session: GraphSession, call: PlatformCall, pageId: string, token: string): Promise<JsonObject> {
  const out: JsonObject = {};
  for await (const page of session.list(call, `/${pageId}/upcoming_changes`, { limit: 50 }, { token, listingKey: pageId })) {
    for (const change of page) {
      if (change.timer_status === 'stopped' || change.timer_status === 'already_fired' || !isObject(change.proposal)) continue;
      if (asString(change.proposal.acceptance_status)) continue;
      const key = PROPOSAL_KEYS[String(change.proposal.category)];
      const value = key ? proposedValue(key, change.proposal.proposed_value) : undefined;
      if (key && value !== undefined) out[key] = value;
    }
  }
  return out;
}

export async function readBack(session: GraphSession, call: PlatformCall, pageId: string): Promise<ReadBackResult> {
  const token = await session.pageToken(call, pageId);
  const page = await call({ kind: 'read', listingKey: pageId }, ({ signal }) => session.request<unknown>('GET', `/${pageId}`, { fields: PAGE_FIELDS }, signal, { token }));
  if (!isObject(page)) throw new PlatformError('PERMANENT', 'Facebook answered the Page read without a Page.', { rule: 'facebook.read.shape' });
  return {
    current: projectionFromPage(page),
    platformEdits: await platformEdits(session, call, pageId, token),
    publicUrl: asString(page.link) ?? pageUrl(pageId),
  };
}

/** Proves the token reaches the main Page `account` (or, without one, the Page the token belongs to). */
export async function verify(session: GraphSession, call: PlatformCall, account: string | null, label = 'Facebook'): Promise<VerifiedAccount> {
  if (account !== null && !/^\d+$/.test(account)) {
    throw new PlatformError('INVALID', `"${account.slice(0, 40)}" is not a Facebook Page id; expected the numeric id of the chain's main Page.`, { rule: `${label.toLowerCase()}.account.pageId` });
  }
  const res = await call({ kind: 'read' }, ({ signal }) => session.request<unknown>('GET', `/${account ?? 'me'}`, { fields: 'id,name' }, signal));
  const id = isObject(res) ? asString(res.id) : undefined;
  if (!id) throw new PlatformError('PERMANENT', `${label} answered without the Page's id.`, { rule: `${label.toLowerCase()}.verify.shape` });
  return { externalAccount: id, displayName: (isObject(res) ? asString(res.name) : undefined) ?? id };
}

/** The main Page's location Pages, for linking them to Tenpo stores by store code. */
export async function* discover(session: GraphSession, call: PlatformCall, account: string): AsyncIterable<PlatformListingSummary> {
  for await (const page of session.list(call, `/${account}/locations`, { fields: 'id,name,store_code,link', limit: 100 })) {
    for (const p of page) {
      const id = asString(p.id);
      if (!id) continue;
      yield { platformListingId: id, storeCode: asString(p.store_code) ?? null, title: asString(p.name) ?? id, publicUrl: asString(p.link) ?? pageUrl(id) };
    }
  }
}
