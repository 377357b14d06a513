import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, LocationRow } from '../db/schema.ts';
import type { Actor } from '../auth/principal.ts';
import { assignedTo } from '../auth/access.ts';
import { canonicalJson, sha256 } from '../lib/canonicalJson.ts';
import { insertJsonRows } from '../db/jsonInsert.ts';
import { LOCATION_FIELDS, type LocationData, type LocationStatus } from './model.ts';

export interface LocationRecord {
  id: string;
  orgId: string;
  version: number;
  contentHash: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  data: LocationData;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export function contentHash(data: LocationData): string {
  return sha256(canonicalJson(data));
}

function isEmpty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/** The fields whose values differ, in LOCATION_FIELDS order; for a new location, every field that has a value. */
export function diffLocation(before: LocationData | null, after: LocationData): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of LOCATION_FIELDS) {
    const to = after[field];
    if (!before) {
      if (!isEmpty(to)) changes.push({ field, from: null, to });
      continue;
    }
    const from = before[field];
    if (canonicalJson(from) !== canonicalJson(to)) changes.push({ field, from, to });
  }
  return changes;
}

export function toRecord(row: LocationRow): LocationRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    version: row.version,
    contentHash: row.content_hash,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    data: {
      storeCode: row.store_code,
      name: row.name,
      localizedNames: row.localized_names as LocationData['localizedNames'],
      status: row.status as LocationStatus,
      statusDate: row.status_date,
      address: row.address as LocationData['address'],
      latitude: row.latitude,
      longitude: row.longitude,
      primaryPhone: row.primary_phone,
      additionalPhones: row.additional_phones as string[],
      website: row.website,
      socialProfiles: row.social_profiles as LocationData['socialProfiles'],
      primaryCategory: row.primary_category,
      additionalCategories: row.additional_categories as string[],
      description: row.description,
      labels: row.labels as string[],
      regularHours: row.regular_hours as LocationData['regularHours'],
      specialHours: row.special_hours as LocationData['specialHours'],
      attributes: row.attributes as LocationData['attributes'],
      photos: row.photos as LocationData['photos'],
    },
  };
}

const JSONB_COLUMNS = [
  'localized_names',
  'address',
  'additional_phones',
  'social_profiles',
  'additional_categories',
  'labels',
  'regular_hours',
  'special_hours',
  'attributes',
  'photos',
] as const;

/** A location's content columns with jsonb values as plain JS values, for insertJsonRows. */
export function contentColumns(data: LocationData, hash: string = contentHash(data)) {
  return {
    store_code: data.storeCode,
    name: data.name,
    localized_names: data.localizedNames,
    status: data.status,
    status_date: data.statusDate,
    country: data.address.country,
    address: data.address,
    latitude: data.latitude,
    longitude: data.longitude,
    primary_phone: data.primaryPhone,
    additional_phones: data.additionalPhones,
    website: data.website,
    social_profiles: data.socialProfiles,
    primary_category: data.primaryCategory,
    additional_categories: data.additionalCategories,
    description: data.description,
    labels: data.labels,
    regular_hours: data.regularHours,
    special_hours: data.specialHours,
    attributes: data.attributes,
    photos: data.photos,
    content_hash: hash,
  };
}

export const CONTENT_COLUMNS = [
  'store_code',
  'name',
  'status',
  'status_date',
  'country',
  'latitude',
  'longitude',
  'primary_phone',
  'website',
  'primary_category',
  'description',
  'content_hash',
  ...JSONB_COLUMNS,
] as const satisfies readonly (keyof ReturnType<typeof contentColumns>)[];

/** Columns for a Kysely insert or update, jsonb values serialized; pass the hash when already computed. */
export function toColumns(data: LocationData, hash: string = contentHash(data)) {
  const columns = contentColumns(data, hash);
  const serialized = { ...columns } as Record<string, unknown>;
  for (const c of JSONB_COLUMNS) serialized[c] = JSON.stringify(columns[c]);
  return serialized as Omit<typeof columns, (typeof JSONB_COLUMNS)[number]> & Record<(typeof JSONB_COLUMNS)[number], string>;
}

export async function findLocation(db: Db | Transaction<Database>, id: string): Promise<LocationRecord | null> {
  const row = await db.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findLocationsByStoreCode(
  db: Db | Transaction<Database>,
  orgId: string,
  storeCodes: string[],
): Promise<Map<string, LocationRecord>> {
  if (storeCodes.length === 0) return new Map();
  // One index probe per code (a lateral join cannot become a hash join): with `in (...)` or a
  // plain join and stale statistics, as right after a large import, PostgreSQL has been seen
  // scanning the whole organisation for every batch.
  const result = await sql<LocationRow>`
    select l.* from unnest(${sql.val(storeCodes)}::text[]) as c(code)
    cross join lateral (select * from locations where org_id = ${orgId} and store_code = c.code) l`.execute(db);
  const rows = result.rows;
  return new Map(rows.map((r) => [r.store_code, toRecord(r)]));
}

export type LocationOrder = 'NAME_ASC' | 'STORE_CODE_ASC' | 'UPDATED_AT_DESC' | 'CREATED_AT_ASC';

/** Which locations of an organisation: shared by the list query and sync runs. */
export interface LocationFilterQuery {
  orgId: string;
  /** Limits the selection to a store manager's assigned stores. */
  storeManagerId: string | null;
  search?: string | null;
  labels?: string[] | null;
  groupIds?: string[] | null;
  statuses?: LocationStatus[] | null;
  countries?: string[] | null;
  includeArchived?: boolean;
}

export interface LocationListQuery extends LocationFilterQuery {
  orderBy: LocationOrder;
  /** Keyset position: the sort value and id of the last row already seen. */
  after: { value: string; id: string } | null;
  limit: number;
}

const ORDER_COLUMNS = {
  NAME_ASC: { column: 'name', direction: 'asc' },
  STORE_CODE_ASC: { column: 'store_code', direction: 'asc' },
  UPDATED_AT_DESC: { column: 'updated_at', direction: 'desc' },
  CREATED_AT_ASC: { column: 'created_at', direction: 'asc' },
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ListedLocation {
  record: LocationRecord;
  /** The sort column's value exactly as the database holds it, for the next page's cursor. */
  sortKey: string;
}

/** The locations matching a filter, as a query to select from (or use as a subquery). */
export function filteredLocations(db: Db, q: LocationFilterQuery) {
  let query = db.selectFrom('locations').where('org_id', '=', q.orgId);
  if (!q.includeArchived) query = query.where('archived_at', 'is', null);
  if (q.storeManagerId) {
    const userId = q.storeManagerId;
    query = query.where((eb) => assignedTo(eb, userId));
  }
  if (q.search) {
    const pattern = `%${escapeLike(q.search)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', pattern),
        eb('store_code', 'ilike', pattern),
        eb(sql<string>`address->>'city'`, 'ilike', pattern),
        eb(sql<string>`localized_names::text`, 'ilike', pattern),
      ]),
    );
  }
  if (q.labels?.length) query = query.where(sql<boolean>`labels @> ${JSON.stringify(q.labels)}::jsonb`);
  if (q.statuses?.length) query = query.where('status', 'in', q.statuses);
  if (q.countries?.length) query = query.where('country', 'in', q.countries);
  if (q.groupIds?.length) {
    const groupIds = q.groupIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('location_group_members as m')
          .select('m.location_id')
          .whereRef('m.location_id', '=', 'locations.id')
          .where('m.group_id', 'in', groupIds),
      ),
    );
  }
  return query;
}

/**
 * One page of locations in keyset order. Timestamps are keyed by their text form, which keeps
 * PostgreSQL's microseconds: a millisecond Date would repeat or skip rows written together.
 */
export async function listLocations(db: Db, q: LocationListQuery): Promise<ListedLocation[]> {
  const { column, direction } = ORDER_COLUMNS[q.orderBy];
  const isTime = column === 'updated_at' || column === 'created_at';
  let query = filteredLocations(db, q)
    .selectAll()
    .select(sql<string>`${sql.ref(column)}::text`.as('sort_key'));
  if (q.after) {
    const cmp = direction === 'asc' ? '>' : '<';
    const value = isTime ? sql`${q.after.value}::timestamptz` : sql`${q.after.value}`;
    query = query.where(sql<boolean>`(${sql.ref(column)}, id) ${sql.raw(cmp)} (${value}, ${q.after.id}::uuid)`);
  }
  const rows = await query
    .orderBy(column, direction)
    .orderBy('id', direction)
    .limit(q.limit)
    .execute();
  return rows.map(({ sort_key, ...row }) => ({ record: toRecord(row), sortKey: sort_key }));
}

export async function insertAudit(
  trx: Transaction<Database>,
  entries: {
    orgId: string;
    locationId: string;
    version: number;
    action: 'CREATE' | 'UPDATE' | 'ARCHIVE' | 'RESTORE';
    actor: Actor;
    changes: FieldChange[];
  }[],
): Promise<void> {
  await insertJsonRows(
    trx,
    'location_audit',
    ['org_id', 'location_id', 'version', 'action', 'actor_kind', 'actor_id', 'actor_label', 'changes'],
    entries.map((e) => ({
      org_id: e.orgId,
      location_id: e.locationId,
      version: e.version,
      action: e.action,
      actor_kind: e.actor.kind,
      actor_id: e.actor.id,
      actor_label: e.actor.label,
      changes: e.changes,
    })),
  );
}

export async function listAudit(db: Db, locationId: string, limit: number, beforeId: string | null) {
  let query = db
    .selectFrom('location_audit')
    .selectAll()
    .where('location_id', '=', locationId)
    .orderBy('id', 'desc')
    .limit(limit);
  if (beforeId) query = query.where('id', '<', beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, changes: r.changes as FieldChange[] }));
}
