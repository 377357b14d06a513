/**
 * The HERE POI feed file: RFC 4180 CSV in UTF-8 (no byte order mark: the file is read by HERE's
 * ingestion, not a spreadsheet, and a BOM would become part of the first header), CRLF line
 * ends, one row per store, a header naming the columns below. Column names follow HERE
 * Geocoding & Search's place fields; structured cells (translations, hours) are JSON, so a
 * value can hold any character without an escaping scheme of its own. Lists of plain tokens
 * (E.164 phone numbers, category ids) are joined with "|", which neither can contain.
 */
import type { JsonValue, Projection } from '../runtime/connector.ts';
import type { FeedEntry, FeedFile } from '../runtime/feed.ts';
import { csvLine } from '../../src/import/csvWrite.ts';
import { isObject } from './keys.ts';

export const COLUMNS = [
  'supplier_place_id',
  'name',
  'name_translations',
  'operating_status',
  'status_date',
  'country_code',
  'state',
  'city',
  'district',
  'street',
  'building',
  'postal_code',
  'latitude',
  'longitude',
  'phones',
  'www',
  'category_ids',
  'description',
  'opening_hours',
  'special_hours',
] as const;
export type Column = (typeof COLUMNS)[number];

const text = (v: JsonValue | undefined): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const member = (v: JsonValue | undefined, key: string): JsonValue | undefined => (isObject(v) ? v[key] : undefined);
const list = (v: JsonValue | undefined): string => (Array.isArray(v) ? v.map((x) => text(x)).join('|') : '');

/** The cells of one store, keyed by column. */
export function rowOf(storeCode: string, p: Projection): Record<Column, string> {
  const categories = p.categories;
  const additional = member(categories, 'additional');
  return {
    supplier_place_id: storeCode,
    name: text(p.name),
    name_translations: text(p.localizedNames),
    operating_status: text(member(p.status, 'status')),
    status_date: text(member(p.status, 'date')),
    country_code: text(member(p.address, 'countryCode')),
    state: text(member(p.address, 'state')),
    city: text(member(p.address, 'city')),
    district: text(member(p.address, 'district')),
    street: text(member(p.address, 'street')),
    building: text(member(p.address, 'building')),
    postal_code: text(member(p.address, 'postalCode')),
    latitude: text(member(p.position, 'lat')),
    longitude: text(member(p.position, 'lng')),
    phones: list(p.phones),
    www: text(p.www),
    category_ids: [text(member(categories, 'primary')), ...(Array.isArray(additional) ? additional.map((x) => text(x)) : [])].filter((c) => c !== '').join('|'),
    description: text(p.description),
    opening_hours: text(p.openingHours),
    special_hours: text(p.specialHours),
  };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export function renderCsv(entries: readonly FeedEntry[], generatedAt: Date): FeedFile {
  let body = csvLine(COLUMNS);
  for (const e of entries) {
    const row = rowOf(e.storeCode, e.projection);
    body += csvLine(COLUMNS.map((c) => row[c]));
  }
  return { name: `tenpo_here_${stamp(generatedAt)}.csv`, contentType: 'text/csv; charset=utf-8', body: new TextEncoder().encode(body), rows: entries.length };
}
