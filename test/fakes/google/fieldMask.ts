import { isDeepStrictEqual } from 'node:util';

/**
 * FieldMask handling (google.protobuf.FieldMask in JSON: comma-separated camelCase paths) and the
 * catalog of Location fields a mask may name.
 */

type Json = Record<string, unknown>;

/** Top-level Location fields and, for message fields, the sub-fields a mask may go into. */
export const LOCATION_FIELDS: Record<string, readonly string[] | null> = {
  name: null,
  languageCode: null,
  storeCode: null,
  title: null,
  phoneNumbers: ['primaryPhone', 'additionalPhones'],
  categories: ['primaryCategory', 'additionalCategories'],
  storefrontAddress: [
    'revision', 'regionCode', 'languageCode', 'postalCode', 'sortingCode', 'administrativeArea',
    'locality', 'sublocality', 'addressLines', 'recipients', 'organization',
  ],
  websiteUri: null,
  regularHours: ['periods'],
  specialHours: ['specialHourPeriods'],
  serviceArea: ['businessType', 'places', 'regionCode'],
  labels: null,
  adWordsLocationExtensions: ['adPhone'],
  latlng: ['latitude', 'longitude'],
  openInfo: ['status', 'canReopen', 'openingDate'],
  metadata: [
    'hasGoogleUpdated', 'hasPendingEdits', 'canDelete', 'canOperateLocalPost', 'canModifyServiceList',
    'canHaveFoodMenus', 'canOperateHealthData', 'canOperateLodgingData', 'placeId', 'duplicateLocation',
    'mapsUri', 'newReviewUri', 'canHaveBusinessCalls', 'hasVoiceOfMerchant', 'isParticularlyPersonalPlace',
  ],
  profile: ['description'],
  relationshipData: ['parentLocation', 'childrenLocations', 'parentChain'],
  moreHours: null,
  serviceItems: null,
};

/** Fields a client may read but never write through `locations.patch`. */
export const NOT_UPDATABLE: ReadonlySet<string> = new Set(['name', 'languageCode', 'metadata']);

/** snake_case paths are accepted too, as Google's REST front end does. */
export function camelPath(path: string): string {
  return path.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `"a,b.c, d"` → `['a', 'b.c', 'd']`; undefined or blank → []. */
export function parseMask(mask: string | undefined): string[] {
  if (mask === undefined) return [];
  return mask
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(camelPath);
}

/** Whether `path` names a real Location field (top level, or one level into a message field). */
export function isKnownLocationPath(path: string): boolean {
  const [top, sub, ...rest] = path.split('.');
  if (top === undefined || !(top in LOCATION_FIELDS)) return false;
  if (sub === undefined) return true;
  const subs = LOCATION_FIELDS[top];
  return rest.length === 0 && subs !== null && subs !== undefined && subs.includes(sub);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Sets `path`, creating intermediate objects; `undefined` deletes the leaf (proto "clear"). */
export function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const leaf = keys.pop() as string;
  let cur: Json = obj;
  for (const key of keys) {
    const next = cur[key];
    if (!isObject(next)) {
      if (value === undefined) return;
      cur[key] = {};
    }
    cur = cur[key] as Json;
  }
  if (value === undefined) delete cur[leaf];
  else cur[leaf] = value;
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}

/** A copy of `obj` holding only the masked paths (what a readMask returns). */
export function pick<T extends object>(obj: T, paths: readonly string[]): Partial<T> {
  const out: Json = {};
  for (const path of paths) {
    const value = getPath(obj, path);
    if (value !== undefined) setPath(out, path, clone(value));
  }
  return out as Partial<T>;
}

/** Copies every masked path from `source` onto `target`; paths absent in `source` are cleared. */
export function applyMask(target: Json, source: Json, paths: readonly string[]): void {
  for (const path of paths) setPath(target, path, clone(getPath(source, path)));
  for (const top of new Set(paths.map((p) => p.split('.')[0] as string))) {
    const v = target[top];
    if (isObject(v) && Object.keys(v).length === 0) delete target[top];
  }
}

/** Whether two mask paths touch the same data (equal, or one inside the other). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** Top-level fields whose JSON differs between `a` and `b`. */
export function changedTopFields(a: Json, b: Json): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !isDeepStrictEqual(a[k], b[k]));
}
