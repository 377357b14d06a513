/**
 * How the fake HERE validates one feed row, column by column, the way HERE's ingestion reports
 * it: every problem of a row with its column, a code and a message; a row with any problem is
 * REJECTED whole. The category list is HERE's published Places category ids (a subset).
 */
export const HEADER = [
  'supplier_place_id', 'name', 'name_translations', 'operating_status', 'status_date', 'country_code', 'state', 'city', 'district',
  'street', 'building', 'postal_code', 'latitude', 'longitude', 'phones', 'www', 'category_ids', 'description', 'opening_hours', 'special_hours',
] as const;
export type Row = Record<(typeof HEADER)[number], string>;

export interface RowError {
  column: string;
  code: string;
  message: string;
}

export const HERE_CATEGORY_IDS = new Set([
  '100-1000-0000', '100-1000-0001', '100-1000-0002', '100-1000-0009', '100-1000-0050', '100-1100-0000', '100-1100-0010', '100-1100-0331',
  '200-2000-0011', '200-2000-0014', '200-2000-0017', '200-2100-0019', '500-5000-0053', '500-5100-0055', '500-5100-0061',
  '600-6000-0061', '600-6100-0062', '600-6200-0063', '600-6300-0066', '600-6300-0068', '600-6300-0244', '600-6300-0245',
  '600-6400-0069', '600-6400-0070', '600-6500-0072', '600-6500-0073', '600-6500-0074', '600-6600-0077', '600-6600-0078',
  '600-6600-0080', '600-6700-0087', '600-6800-0000', '600-6800-0089', '600-6800-0090', '600-6800-0091', '600-6800-0092',
  '600-6900-0094', '600-6900-0095', '600-6900-0097', '600-6900-0100', '600-6900-0102', '600-6900-0103', '600-6900-0246',
  '600-6900-0251', '600-6900-0355', '600-6900-0356', '600-6900-0358', '600-6950-0000', '600-6950-0399', '600-6950-0400',
  '600-6950-0401', '700-7000-0107', '700-7010-0108', '700-7200-0271', '700-7200-0276', '700-7400-0133', '700-7400-0137',
  '700-7400-0138', '700-7400-0142', '700-7400-0144', '700-7400-0145', '700-7400-0150', '700-7400-0284', '700-7400-0286',
  '700-7400-0292', '700-7450-0114', '700-7600-0116', '700-7600-0322', '700-7800-0118', '700-7850-0121', '700-7850-0122',
  '700-7850-0125', '700-7851-0117', '800-8000-0154', '800-8000-0158', '800-8000-0159', '800-8000-0161', '800-8000-0162',
  '800-8000-0341', '800-8200-0295', '800-8200-0360', '800-8200-0361', '800-8200-0362', '800-8500-0178', '800-8600-0191',
]);

const STATUSES = new Set(['open', 'temporarily_closed', 'permanently_closed', 'opening_soon']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const START = /^T([01]\d|2[0-3])[0-5]\d00$/;
const DURATION = /^PT(\d{2})H([0-5]\d)M$/;
const RECURRENCE = /^FREQ:DAILY;BYDAY:(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;
const chars = (s: string) => [...s].length;

function json(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const durationOk = (d: unknown) => {
  const m = typeof d === 'string' ? DURATION.exec(d) : null;
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  return minutes > 0 && minutes <= 1440;
};

export function rowErrors(row: Row): RowError[] {
  const out: RowError[] = [];
  const bad = (column: string, code: string, message: string) => out.push({ column, code, message });
  if (row.supplier_place_id === '') bad('supplier_place_id', 'MISSING_VALUE', 'supplier_place_id is required');
  if (row.name.trim() === '') bad('name', 'MISSING_VALUE', 'name is required');
  else if (chars(row.name) > 100) bad('name', 'VALUE_TOO_LONG', 'name is longer than 100 characters');
  if (row.name_translations !== '') {
    const t = json(row.name_translations);
    if (!t.ok || typeof t.value !== 'object' || t.value === null || Array.isArray(t.value) || !Object.values(t.value).every((v) => typeof v === 'string' && chars(v) <= 100)) {
      bad('name_translations', 'INVALID_VALUE', 'name_translations must be a JSON object of language → name (at most 100 characters)');
    }
  }
  if (!STATUSES.has(row.operating_status)) bad('operating_status', 'INVALID_VALUE', `operating_status "${row.operating_status}" is not one of ${[...STATUSES].join(', ')}`);
  if (row.status_date !== '' && !ISO_DATE.test(row.status_date)) bad('status_date', 'INVALID_VALUE', 'status_date must be YYYY-MM-DD');
  if (row.operating_status === 'opening_soon' && row.status_date === '') bad('status_date', 'MISSING_VALUE', 'status_date is required when opening_soon');
  if (!/^[A-Z]{3}$/.test(row.country_code)) bad('country_code', 'INVALID_VALUE', 'country_code must be ISO 3166-1 alpha-3');
  if (row.city === '') bad('city', 'MISSING_VALUE', 'city is required');
  if (row.street === '') bad('street', 'MISSING_VALUE', 'street is required');
  const lat = row.latitude === '' ? null : Number(row.latitude);
  const lng = row.longitude === '' ? null : Number(row.longitude);
  if ((lat === null) !== (lng === null)) bad('latitude', 'MISSING_VALUE', 'latitude and longitude go together');
  if (lat !== null && !(Number.isFinite(lat) && Math.abs(lat) <= 90)) bad('latitude', 'INVALID_VALUE', 'latitude out of range');
  if (lng !== null && !(Number.isFinite(lng) && Math.abs(lng) <= 180)) bad('longitude', 'INVALID_VALUE', 'longitude out of range');
  const phones = row.phones === '' ? [] : row.phones.split('|');
  if (phones.some((p) => !/^\+[1-9]\d{6,14}$/.test(p))) bad('phones', 'INVALID_PHONE', 'phones must be E.164 numbers separated by |');
  if (phones.length > 5) bad('phones', 'TOO_MANY_VALUES', 'at most 5 phones');
  if (row.www !== '' && !/^https?:\/\/\S+$/i.test(row.www)) bad('www', 'INVALID_URL', 'www must be an http(s) URL');
  const categories = row.category_ids === '' ? [] : row.category_ids.split('|');
  if (categories.length === 0) bad('category_ids', 'MISSING_VALUE', 'at least one category id is required');
  const unknown = categories.filter((c) => !HERE_CATEGORY_IDS.has(c));
  if (unknown.length > 0) bad('category_ids', 'UNKNOWN_CATEGORY', `unknown HERE category id ${unknown.join(', ')}`);
  if (categories.length > 5) bad('category_ids', 'TOO_MANY_VALUES', 'at most 5 categories');
  if (chars(row.description) > 500) bad('description', 'VALUE_TOO_LONG', 'description is longer than 500 characters');
  if (row.opening_hours !== '') {
    const h = json(row.opening_hours);
    const ok = h.ok && Array.isArray(h.value) && h.value.every((e: { start?: unknown; duration?: unknown; recurrence?: unknown }) =>
      typeof e.start === 'string' && START.test(e.start) && durationOk(e.duration) && typeof e.recurrence === 'string' && RECURRENCE.test(e.recurrence));
    if (!ok) bad('opening_hours', 'INVALID_OPENING_HOURS', 'opening_hours must be a JSON list of { start: "THHMMSS", duration: "PTxxHyyM", recurrence: "FREQ:DAILY;BYDAY:.." }');
  }
  if (row.special_hours !== '') {
    const h = json(row.special_hours);
    const ok = h.ok && Array.isArray(h.value) && h.value.every((e: { date?: unknown; closed?: unknown; start?: unknown; duration?: unknown }) =>
      typeof e.date === 'string' && ISO_DATE.test(e.date) && (e.closed === true ? e.start === undefined : typeof e.start === 'string' && START.test(e.start) && durationOk(e.duration)));
    if (!ok) bad('special_hours', 'INVALID_SPECIAL_HOURS', 'special_hours must be a JSON list of { date, closed: true } or { date, start, duration }');
  }
  return out;
}
