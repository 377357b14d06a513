import { sql, type Transaction } from 'kysely';
import type { ListingProblem, Projection } from '../../connectors/runtime/connector.ts';
import type { Db } from '../db/database.ts';
import { canonicalJson } from '../lib/canonicalJson.ts';
import type { Database, ListingRow, ListingStatus, LocationRow, PlatformConnectionRow, RunOutcome } from '../db/schema.ts';
import type { FieldStatus } from './state.ts';

type Executor = Db | Transaction<Database>;

/**
 * Creates the missing listing rows, one per (location, connection) of the same organisation,
 * for the given locations or connection. Archived locations and disconnected connections get none.
 * Returns nothing: callers read the listings they need afterwards.
 */
export async function ensureListings(db: Executor, scope: { locationIds: readonly string[] } | { connectionId: string }): Promise<void> {
  if ('locationIds' in scope && scope.locationIds.length === 0) return;
  await sql`
    insert into listings (id, org_id, location_id, connection_id, platform, status)
    select gen_random_uuid(), l.org_id, l.id, c.id, c.platform, 'PENDING'
    from locations l
    join platform_connections c on c.org_id = l.org_id and c.status <> 'DISCONNECTED'
    where l.archived_at is null
      and ${'locationIds' in scope ? sql`l.id = any(${[...scope.locationIds]}::uuid[])` : sql`c.id = ${scope.connectionId}`}
    -- One order for every caller: concurrent inserts of the same pairs then wait, never deadlock.
    order by l.id, c.id
    on conflict (location_id, connection_id) do nothing`.execute(db);
}

export interface SyncSubject {
  listing: ListingRow;
  connection: PlatformConnectionRow;
  location: LocationRow;
  /** The database's clock when the location was read: run items queued before it are answered by this sync. */
  readAt: Date;
}

/** The subjects of these listings' syncs, in the order asked; undefined for a listing gone since. */
export async function loadSyncSubjects(db: Executor, listingIds: readonly string[]): Promise<(SyncSubject | undefined)[]> {
  if (listingIds.length === 0) return [];
  // One round trip for many jobs; to_jsonb keeps the three rows' same-named columns (id, status…) apart.
  const { rows } = await sql<{ listing_id: string; listing: unknown; connection: unknown; location: unknown; read_at: Date }>`
    select li.id as listing_id, to_jsonb(li) as listing, to_jsonb(c) as connection, to_jsonb(lo) as location, now() as read_at
    from listings li
    join platform_connections c on c.id = li.connection_id
    join locations lo on lo.id = li.location_id
    where li.id = any(${[...listingIds]}::uuid[])`.execute(db);
  const byId = new Map(rows.map((row) => [row.listing_id, row]));
  return listingIds.map((id) => {
    const row = byId.get(id);
    if (!row) return undefined;
    return {
      listing: revive(row.listing) as unknown as ListingRow,
      connection: revive(row.connection) as unknown as PlatformConnectionRow,
      location: revive(row.location) as unknown as LocationRow,
      readAt: new Date(row.read_at),
    };
  });
}

// to_jsonb turns timestamps into ISO strings; the row types promise Dates.
const TIMESTAMP_COLUMNS = ['created_at', 'updated_at', 'archived_at', 'delivered_at', 'attempted_at', 'read_back_at', 'linked_at', 'confirmed_at'];
function revive(value: unknown): Record<string, unknown> {
  const row = { ...(value as Record<string, unknown>) };
  for (const c of TIMESTAMP_COLUMNS) if (typeof row[c] === 'string') row[c] = new Date(row[c] as string);
  return row;
}

export interface DeliveredState {
  status: ListingStatus;
  projection: Projection;
  hash: string;
  locationVersion: number;
  platformListingId: string;
  publicUrl: string | null;
  fieldStatus: Partial<Record<string, FieldStatus>>;
  /** Keys to send again on the next sync although this delivery included them. */
  forceKeys?: readonly string[];
}

export async function recordDelivered(db: Executor, listingId: string, state: DeliveredState): Promise<void> {
  const now = new Date();
  await db
    .updateTable('listings')
    .set({
      status: state.status,
      delivered_state: JSON.stringify(state.projection),
      delivered_hash: state.hash,
      delivered_at: now,
      delivered_version: state.locationVersion,
      platform_listing_id: state.platformListingId,
      public_url: state.publicUrl,
      field_status: JSON.stringify(state.fieldStatus),
      force_keys: JSON.stringify(state.forceKeys ?? []),
      problems: '[]',
      last_error: null,
      status_reason: null,
      attempted_at: now,
      updated_at: now,
    })
    .where('id', '=', listingId)
    .execute();
}

/** Nothing to send: the listing is as delivered. Writes only when something visible changes. */
export async function recordUnchanged(
  db: Executor,
  listing: ListingRow,
  locationVersion: number,
  fieldStatus: Partial<Record<string, FieldStatus>>,
): Promise<void> {
  // A delivery held for the platform's review stays SUBMITTED until the platform confirms it.
  const status = listing.status === 'SUBMITTED' ? 'SUBMITTED' : 'IN_SYNC';
  const stale =
    listing.status !== status ||
    listing.delivered_version !== locationVersion ||
    listing.last_error !== null ||
    (listing.problems as unknown[]).length > 0 ||
    canonicalJson(listing.field_status) !== canonicalJson(fieldStatus);
  if (!stale) return;
  await db
    .updateTable('listings')
    .set({
      status,
      delivered_version: locationVersion,
      problems: '[]',
      last_error: null,
      field_status: JSON.stringify(fieldStatus),
      updated_at: new Date(),
    })
    .where('id', '=', listing.id)
    .execute();
}

export interface ListingError {
  code: string;
  message: string;
  field: string | null;
  rule: string | null;
  platformMessage: string | null;
  at: string;
  /** The hash of the projection the platform refused as invalid: the same data is not sent again. */
  refusedHash?: string;
}

export async function recordProblems(
  db: Executor,
  listingId: string,
  status: 'ACTION_REQUIRED' | 'NOT_ELIGIBLE',
  problems: readonly ListingProblem[],
  fieldStatus?: Partial<Record<string, FieldStatus>>,
): Promise<void> {
  await db
    .updateTable('listings')
    .set({ status, status_reason: null, problems: JSON.stringify(problems), updated_at: new Date(), ...(fieldStatus ? { field_status: JSON.stringify(fieldStatus) } : {}) })
    .where('id', '=', listingId)
    .execute();
}

/** Why the listing is in its status, when the status alone does not say (a change waiting for a platform's review). */
export async function recordStatusReason(db: Executor, listingId: string, reason: string): Promise<void> {
  await db.updateTable('listings').set({ status_reason: reason, updated_at: new Date() }).where('id', '=', listingId).execute();
}

/** A failed attempt: the status only moves when the failure is final (`status` given). */
export async function recordError(db: Executor, listingId: string, error: ListingError, status?: ListingStatus): Promise<void> {
  await db
    .updateTable('listings')
    .set({ last_error: JSON.stringify(error), attempted_at: new Date(), updated_at: new Date(), ...(status ? { status } : {}) })
    .where('id', '=', listingId)
    .execute();
}

/** The store code of another listing of this connection already linked to `platformListingId`, if any. */
export async function storeHoldingListing(db: Executor, connectionId: string, platformListingId: string, exceptListingId: string): Promise<string | null> {
  const row = await db
    .selectFrom('listings as li')
    .innerJoin('locations as lo', 'lo.id', 'li.location_id')
    .select('lo.store_code')
    .where('li.connection_id', '=', connectionId)
    .where('li.platform_listing_id', '=', platformListingId)
    .where('li.id', '!=', exceptListingId)
    .executeTakeFirst();
  return row?.store_code ?? null;
}

export interface RunItemAnswer {
  listingId: string;
  outcome: RunOutcome;
  /** When the sync (or the feed file) read the store: items queued later wait for the next sync. */
  readAt: Date;
}

/** Answers every run item queued for these listings before their sync read the store, in one statement. */
export async function resolveRunItems(db: Executor, answers: readonly RunItemAnswer[]): Promise<void> {
  if (answers.length === 0) return;
  // Array parameters: a feed file can hold more stores than a statement takes parameters.
  await sql`
    update sync_run_items s set outcome = a.outcome, finished_at = now()
    from unnest(${answers.map((a) => a.listingId)}::uuid[], ${answers.map((a) => a.outcome)}::text[], ${answers.map((a) => a.readAt)}::timestamptz[])
      as a(listing_id, outcome, read_at)
    where s.listing_id = a.listing_id and s.outcome is null and s.queued_at <= a.read_at`.execute(db);
}
