/**
 * The fake's checks of written values, as the Graph API makes them: the parameters the Page
 * update and the locations edge document (github.com/facebook/facebook-business-sdk-codegen,
 * Page.json), `about` at most 100 characters, `hours` keys {day}_{1|2}_{open|close} with HH:MM
 * values in pairs, `temporary_status` from its enum, known category ids (at most 3), a Location
 * with street, city and country. Refusals are Graph error bodies with code 100; the wording is
 * the fake's own.
 */
import type { Json } from './fields.ts';
import type { GraphState } from './state.ts';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly type = 'OAuthException',
    readonly subcode?: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const invalid = (message: string, subcode?: number) => new GraphError(400, 100, `(#100) ${message}`, 'OAuthException', subcode);

export const PAGE_UPDATE_PARAMS = new Set(['about', 'description', 'phone', 'website', 'hours', 'category_list', 'temporary_status', 'is_permanently_closed', 'is_always_open', 'emails', 'price_range', 'store_location_descriptor', 'start_info', 'general_info', 'location']);
export const LOCATIONS_PARAMS = new Set(['store_number', 'store_code', 'store_name', 'location', 'location_page_id', 'old_store_number', 'phone', 'website', 'hours', 'temporary_status', 'permanently_closed', 'always_open', 'place_topics', 'price_range', 'store_location_descriptor', 'page_username', 'ignore_warnings']);
const TEMPORARY_STATUS = new Set(['differently_open', 'temporarily_closed', 'operating_as_usual', 'no_data']);
const HOURS_KEY = /^(mon|tue|wed|thu|fri|sat|sun)_([12])_(open|close)$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A Graph parameter's value: JSON when it parses as an object or list, else the text. */
export function decode(raw: string): Json {
  if (/^\s*[[{]/.test(raw)) {
    try {
      return JSON.parse(raw) as Json;
    } catch {
      return raw;
    }
  }
  return raw;
}

function isRecord(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function checkHours(value: Json): { [key: string]: string } {
  if (value === '') return {};
  if (!isRecord(value)) throw invalid('Param hours must be an object');
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(value)) {
    if (!HOURS_KEY.test(k)) throw invalid(`Param hours has an invalid key ${k}`);
    if (typeof v !== 'string' || !TIME.test(v)) throw invalid(`Param hours[${k}] must be a time HH:MM`);
    out[k] = v;
  }
  for (const k of Object.keys(out)) {
    const pair = k.endsWith('_open') ? k.replace(/_open$/, '_close') : k.replace(/_close$/, '_open');
    if (out[pair] === undefined) throw invalid(`Param hours needs ${pair} with ${k}`);
  }
  return out;
}

export function checkLocation(value: Json, required: boolean): { [key: string]: Json } {
  if (!isRecord(value)) throw invalid('Param location must be an object');
  for (const k of Object.keys(value)) {
    if (!['street', 'city', 'city_id', 'state', 'zip', 'country', 'latitude', 'longitude'].includes(k)) throw invalid(`Param location[${k}] is not a valid field`);
  }
  if (required && (typeof value.street !== 'string' || value.street === '' || typeof value.city !== 'string' || typeof value.country !== 'string')) {
    throw invalid('Param location requires street, city and country');
  }
  for (const k of ['latitude', 'longitude'] as const) {
    if (value[k] !== undefined && typeof value[k] !== 'number') throw new GraphError(400, 160, '(#160) Invalid geolocation type');
  }
  return value;
}

/** The Page update's parameters applied to `target` (a copy of the Page's fields). */
export function applyPageUpdate(state: GraphState, target: { [key: string]: Json }, params: Record<string, Json>): void {
  for (const [k, v] of Object.entries(params)) {
    if (!PAGE_UPDATE_PARAMS.has(k)) throw invalid(`Param ${k} is not a valid parameter for a Page update`);
    if (k === 'about' && typeof v === 'string' && [...v].length > 100) throw invalid('Param about must be at most 100 characters long');
    if (k === 'website' && v !== '' && !/^https?:\/\/\S+$/.test(String(v))) throw invalid('Param website must be a valid URL');
    if (k === 'temporary_status' && !TEMPORARY_STATUS.has(String(v))) throw invalid(`Param temporary_status must be one of {${[...TEMPORARY_STATUS].join(', ')}}`);
    if (k === 'hours') {
      target.hours = checkHours(v);
      continue;
    }
    if (k === 'category_list') {
      if (!Array.isArray(v) || v.length === 0 || v.length > 3) throw invalid('Param category_list must be a list of 1 to 3 category ids');
      target.category_list = v.map((id) => {
        const name = state.categories.get(String(id));
        if (!name) throw invalid(`Param category_list contains an invalid category id ${String(id)}`);
        return { id: String(id), name };
      });
      continue;
    }
    if (k === 'is_permanently_closed') {
      target.is_permanently_closed = v === true || v === 'true';
      continue;
    }
    if (v === '') delete target[k];
    else target[k] = v;
  }
}
