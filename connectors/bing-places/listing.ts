/**
 * A projection as Bing's BusinessListing (the Address and Coordinates keys flattened into their
 * members) and back, and Bing's per-business results read as success or a refusal.
 */
import type { JsonValue, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { PROJECTION_KEYS, tenpoFieldForColumn } from './keys.ts';
import { ID } from './rules.ts';

const ADDRESS = ['AddressLine1', 'AddressLine2', 'City', 'StateOrProvince', 'ZipCode', 'Country'] as const;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toBusiness(storeId: string, projection: Projection): JsonObject {
  const out: JsonObject = { StoreId: storeId };
  for (const key of PROJECTION_KEYS) {
    const value = projection[key];
    if (value === undefined) continue;
    if ((key === 'Address' || key === 'Coordinates') && isObject(value)) Object.assign(out, value);
    else out[key] = value;
  }
  return out;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.every((x) => x === ''));

/** A listing Bing answers, keyed like the projection; Bing's empty defaults count as absent. */
export function fromBusiness(b: JsonObject): Record<string, JsonValue> {
  const out: Partial<Record<ProjectionKey, JsonValue>> = {};
  const address: JsonObject = {};
  for (const k of ADDRESS) address[k] = typeof b[k] === 'string' ? (b[k] as string) : '';
  out.Address = address;
  const lat = b.Latitude;
  const lng = b.Longitude;
  if (typeof lat === 'string' && typeof lng === 'string' && !(Number(lat) === 0 && Number(lng) === 0)) out.Coordinates = { Latitude: lat, Longitude: lng };
  for (const key of ['BusinessName', 'PhoneNumber', 'MainWebSite', 'FacebookAddress', 'TwitterAddress', 'Photos', 'OperatingHours', 'HolidayHours'] as const) {
    if (present(b[key])) out[key] = b[key] as JsonValue;
  }
  if (isObject(b.Categories)) {
    const list = Array.isArray(b.Categories.BusinessCategories) ? b.Categories.BusinessCategories : [];
    const primary = isObject(b.Categories.PrimaryCategory) && b.Categories.PrimaryCategory.BPCategoryId ? b.Categories.PrimaryCategory : list[0];
    if (list.length > 0) out.Categories = { BusinessCategories: list, PrimaryCategory: primary ?? null };
  }
  out.IsClosed = b.IsClosed === true;
  return out as Record<string, JsonValue>;
}

/**
 * The result for the one business sent: success, or INVALID naming the Tenpo field. Bing reports
 * validation in `Errors` ({ "0": { BusinessErrors: [{ ColumnName, ErrorMessage }] } }) and
 * processing in `CreatedBusinesses` / `UpdatedBusinesses` ({ "0": { Status, ErrorMessage } }).
 */
export function outcome(body: Record<string, unknown>, resultsKey: 'CreatedBusinesses' | 'UpdatedBusinesses'): { status: string; message: string } {
  const errors = isObject(body.Errors) ? Object.values(body.Errors).filter(isObject) : [];
  const first = errors[0];
  if (first) {
    const list = Array.isArray(first.BusinessErrors) ? first.BusinessErrors.filter(isObject) : [];
    const column = list.map((e) => String(e.ColumnName ?? '')).find((c) => tenpoFieldForColumn(c) !== null) ?? String(list[0]?.ColumnName ?? first.AttributeName ?? '');
    const what = list.map((e) => `${String(e.ColumnName ?? '')}: ${String(e.ErrorMessage ?? '')}`).join('; ') || String(first.ErrorMessage ?? 'no reason given');
    const field = tenpoFieldForColumn(column);
    throw new PlatformError('INVALID', `Bing Places refused the business (${what}).${field ? ` Change the ${field} in Tenpo and publish again.` : ''}`, { field, rule: `${ID}.validation`, platformMessage: what, status: 200 });
  }
  const results = isObject(body[resultsKey]) ? Object.values(body[resultsKey] as JsonObject).filter(isObject) : [];
  const r = results[0];
  return { status: String(r?.Status ?? ''), message: String(r?.ErrorMessage ?? '') };
}
