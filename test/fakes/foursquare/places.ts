/**
 * The fake's places and suggestions, and the Places API's parameter rules as the suggest endpoints
 * apply them (docs.foursquare.com/fsq-developers-places/reference/place-suggest-edit,
 * places-suggest-place, place-suggest-remove): query parameters only, unknown parameters refused,
 * hours as "day,HHMM,[+]HHMM;…", description up to 300 characters, categories as ids.
 */
import { randomBytes } from 'node:crypto';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type Place = { [k: string]: Json };

export interface Suggestion {
  id: string;
  fsq_place_id: string | null;
  suggested_edit_type: 'new_place' | 'edit' | 'remove';
  created_at: string;
  status: 'pending' | 'accepted' | 'rejected';
  created_fsq_place_id?: string;
  matched_fsq_place_id?: string;
  params: Record<string, string>;
}

export class ParamError extends Error {}

export const newId = (): string => randomBytes(12).toString('hex');

const CATEGORY_ID = /^(?:[0-9a-f]{24}|\d{5})$/;
const HOURS = /^[1-7],\d{4},\+?\d{4}(?:,[^;]+)?$/;
const COMMON = ['dry_run', 'name', 'address', 'locality', 'region', 'postcode', 'country_code', 'latitude', 'longitude', 'tel', 'website', 'hours', 'instagram', 'twitter', 'facebook_url', 'parent_id', 'is_private_place'];
export const CREATE_PARAMS = new Set([...COMMON, 'categories', 'chains', 'email', 'attributes']);
export const EDIT_PARAMS = new Set([...COMMON, 'menu', 'description', 'add_attributes', 'remove_attributes', 'add_fsq_category_ids', 'remove_fsq_category_ids', 'primary_fsq_category_id', 'add_fsq_chain_ids', 'remove_fsq_chain_ids', 'primary_fsq_chain_id', 'unset_fields']);
const UNSETTABLE = new Set(['menu', 'facebook_url', 'description', 'address', 'tel', 'twitter', 'website', 'fsq_chain_ids', 'hours']);
export const REMOVE_REASONS = new Set(['closed', 'doesnt_exist', 'inappropriate', 'not_closed', 'private']);

export function validateParams(params: Record<string, string>, allowed: Set<string>): void {
  for (const k of Object.keys(params)) if (!allowed.has(k)) throw new ParamError(`Unknown parameter: ${k}`);
  if (params.hours !== undefined) {
    for (const seg of params.hours.split(';')) {
      if (!HOURS.test(seg)) throw new ParamError(`Invalid hours segment "${seg}"`);
      const [, open = '', close = ''] = seg.split(',');
      const bad = (t: string) => Number(t.replace('+', '').slice(2)) > 59 || Number(t.replace('+', '').slice(0, 2)) > 24;
      if (bad(open) || bad(close)) throw new ParamError(`Invalid hours time in "${seg}"`);
    }
  }
  if (params.description !== undefined && [...params.description].length > 300) throw new ParamError('description must be 300 characters or fewer');
  for (const k of ['categories', 'add_fsq_category_ids', 'remove_fsq_category_ids', 'primary_fsq_category_id']) {
    for (const id of (params[k] ?? '').split(',').filter((x) => x !== '')) if (!CATEGORY_ID.test(id)) throw new ParamError(`Invalid category id in ${k}: ${id}`);
  }
  for (const k of ['latitude', 'longitude']) if (params[k] !== undefined && !Number.isFinite(Number(params[k]))) throw new ParamError(`${k} must be a number`);
  if (params.country_code !== undefined && !/^[A-Z]{2}$/.test(params.country_code)) throw new ParamError('country_code must be a 2-letter country code');
  if (params.website !== undefined && !/^https?:\/\/\S+$/.test(params.website)) throw new ParamError('website must be a URL');
  for (const f of (params.unset_fields ?? '').split(',').filter((x) => x !== '')) if (!UNSETTABLE.has(f)) throw new ParamError(`unset_fields: ${f} cannot be unset`);
}

function regular(hours: string): Json {
  const regularHours = hours.split(';').map((seg) => {
    const [day, open, close] = seg.split(',');
    return { day: Number(day), open: open ?? '', close: close ?? '' };
  });
  return { display: hours, regular: regularHours };
}

/** Applies suggest parameters to a place the way an accepted suggestion changes it. */
export function applyParams(place: Place, params: Record<string, string>, categoryName: (id: string) => string): void {
  const location = (place.location ?? {}) as { [k: string]: Json };
  for (const k of ['address', 'locality', 'region', 'postcode'] as const) if (params[k] !== undefined) location[k] = params[k];
  if (params.country_code !== undefined) location.country = params.country_code;
  place.location = location;
  if (params.name !== undefined) place.name = params.name;
  if (params.latitude !== undefined) place.latitude = Number(params.latitude);
  if (params.longitude !== undefined) place.longitude = Number(params.longitude);
  for (const k of ['tel', 'website', 'description'] as const) if (params[k] !== undefined) place[k] = params[k];
  if (params.hours !== undefined) place.hours = regular(params.hours);
  const social = (place.social_media ?? {}) as { [k: string]: Json };
  for (const k of ['instagram', 'twitter'] as const) if (params[k] !== undefined) social[k] = params[k];
  place.social_media = social;
  let ids = ((place.categories ?? []) as { fsq_category_id: string }[]).map((c) => c.fsq_category_id);
  if (params.categories !== undefined) ids = params.categories.split(',');
  if (params.primary_fsq_category_id !== undefined) ids = [params.primary_fsq_category_id, ...ids.filter((i) => i !== params.primary_fsq_category_id)];
  for (const id of (params.add_fsq_category_ids ?? '').split(',').filter((x) => x !== '')) if (!ids.includes(id)) ids.push(id);
  const removed = new Set((params.remove_fsq_category_ids ?? '').split(',').filter((x) => x !== ''));
  place.categories = ids.filter((i) => !removed.has(i)).map((id) => ({ fsq_category_id: id, name: categoryName(id) }));
  for (const f of (params.unset_fields ?? '').split(',').filter((x) => x !== '')) {
    if (f === 'address') delete location.address;
    else if (f === 'twitter') delete social.twitter;
    else delete place[f];
  }
}

export function pickFields(place: Place, fields: string | null): Place {
  if (!fields) return place;
  const out: Place = {};
  for (const f of fields.split(',')) if (place[f] !== undefined) out[f] = place[f];
  return out;
}
