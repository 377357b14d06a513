import { sql, type Kysely } from 'kysely';

// A run item can end WAITING: the platform is still reviewing the listing (a new place under
// review), so its change is held until the platform is ready, which can take days; the run is
// answered rather than kept open that long.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sync_run_items drop constraint sync_run_items_outcome_check`.execute(db);
  await sql`alter table sync_run_items add constraint sync_run_items_outcome_check
    check (outcome in ('DELIVERED', 'UNCHANGED', 'FAILED', 'ACTION_REQUIRED', 'NOT_ELIGIBLE', 'WAITING'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update sync_run_items set outcome = 'FAILED' where outcome = 'WAITING'`.execute(db);
  await sql`alter table sync_run_items drop constraint sync_run_items_outcome_check`.execute(db);
  await sql`alter table sync_run_items add constraint sync_run_items_outcome_check
    check (outcome in ('DELIVERED', 'UNCHANGED', 'FAILED', 'ACTION_REQUIRED', 'NOT_ELIGIBLE'))`.execute(db);
}
