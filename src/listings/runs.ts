import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Access } from '../auth/access.ts';
import { actorOf } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { RunOutcome } from '../db/schema.ts';
import { fieldError, organizationNotFound, type Result } from '../locations/model.ts';
import { filteredLocations, type LocationFilterQuery } from '../locations/repository.ts';
import { appendOutbox } from '../outbox/repository.ts';
import { ensureListings } from './repository.ts';

/**
 * A sync run: every listing of the chosen stores on the chosen platforms, synced and counted.
 * The run and its items are written with an outbox row in one transaction; the relay enqueues
 * the listings, and each sync answers the items queued before it read the store.
 */
export interface SyncRun {
  id: string;
  orgId: string;
  requestedBy: string;
  total: number;
  createdAt: Date;
}

export interface StartRunInput {
  orgId: string;
  filter: LocationFilterQuery;
  /** Connector ids; every connected platform when null. */
  platforms: readonly string[] | null;
  requestedBy: string;
}

export async function startSyncRun(db: Db, input: StartRunInput): Promise<SyncRun> {
  // Listings appear on connect and on create; this catches stores added while a connection was
  // being linked. Committed on its own, so the run's transaction holds no insert locks the relay waits on.
  const ids = (await filteredLocations(db, input.filter).select('locations.id').execute()).map((l) => l.id);
  await ensureListings(db, { locationIds: ids });
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const locations = filteredLocations(trx, input.filter).select('locations.id');
    const run = await trx
      .insertInto('sync_runs')
      .values({ id, org_id: input.orgId, requested_by: input.requestedBy, filter: JSON.stringify({ ...input.filter, platforms: input.platforms }), total: 0 })
      .returningAll()
      .executeTakeFirstOrThrow();
    const inserted = await trx
      .insertInto('sync_run_items')
      .columns(['run_id', 'listing_id', 'platform'])
      .expression((eb) =>
        eb
          .selectFrom('listings as li')
          .innerJoin('platform_connections as c', 'c.id', 'li.connection_id')
          .select([sql.lit(id).as('run_id'), 'li.id', 'li.platform'])
          .where('c.status', '=', 'ACTIVE')
          .where('li.location_id', 'in', locations)
          .$if(input.platforms !== null, (q) => q.where('li.platform', 'in', input.platforms!.length ? [...input.platforms!] : [''])),
      )
      .executeTakeFirst();
    const total = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    await trx.updateTable('sync_runs').set({ total }).where('id', '=', id).execute();
    await appendOutbox(trx, [{ orgId: input.orgId, aggregateType: 'sync_run', aggregateId: id, eventType: 'sync_run.requested', aggregateVersion: 1, payload: {} }]);
    return { id, orgId: run.org_id, requestedBy: run.requested_by, total, createdAt: run.created_at };
  });
}

/** `syncLocations` for a caller: needs the right to edit locations; a store manager's run covers their stores. */
export async function requestSyncRun(db: Db, access: Access, input: Omit<StartRunInput, 'requestedBy'>): Promise<Result<SyncRun>> {
  if (!(await access.roleIn(input.orgId))) return { ok: false, errors: [organizationNotFound()] };
  if (!(await access.can(input.orgId, 'editLocation'))) {
    return { ok: false, errors: [fieldError('FORBIDDEN', [], 'Your role may not start syncs in this organisation.')] };
  }
  return { ok: true, value: await startSyncRun(db, { ...input, requestedBy: actorOf(access.principal).label }) };
}

export async function findSyncRun(db: Db, id: string): Promise<SyncRun | undefined> {
  const row = await db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, orgId: row.org_id, requestedBy: row.requested_by, total: row.total, createdAt: row.created_at };
}

export interface OutcomeCounts {
  total: number;
  queued: number;
  delivered: number;
  unchanged: number;
  failed: number;
  actionRequired: number;
  notEligible: number;
  waiting: number;
}

export interface RunProgress extends OutcomeCounts {
  finished: boolean;
  finishedAt: Date | null;
  byPlatform: (OutcomeCounts & { platform: string })[];
}

const count = (outcome: RunOutcome) => sql<string>`count(*) filter (where outcome = ${outcome})`;

export async function runProgress(db: Db, runId: string): Promise<RunProgress> {
  const rows = await db
    .selectFrom('sync_run_items')
    .select([
      'platform',
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where outcome is null)`.as('queued'),
      count('DELIVERED').as('delivered'),
      count('UNCHANGED').as('unchanged'),
      count('FAILED').as('failed'),
      count('ACTION_REQUIRED').as('action_required'),
      count('NOT_ELIGIBLE').as('not_eligible'),
      count('WAITING').as('waiting'),
      sql<Date | null>`max(finished_at)`.as('finished_at'),
    ])
    .where('run_id', '=', runId)
    .groupBy('platform')
    .orderBy('platform')
    .execute();
  const byPlatform = rows.map((r) => ({
    platform: r.platform,
    total: Number(r.total),
    queued: Number(r.queued),
    delivered: Number(r.delivered),
    unchanged: Number(r.unchanged),
    failed: Number(r.failed),
    actionRequired: Number(r.action_required),
    notEligible: Number(r.not_eligible),
    waiting: Number(r.waiting),
  }));
  const sum = (k: keyof OutcomeCounts) => byPlatform.reduce((n, p) => n + p[k], 0);
  const queued = sum('queued');
  const last = rows.reduce<Date | null>((m, r) => (r.finished_at && (!m || new Date(r.finished_at) > m) ? new Date(r.finished_at) : m), null);
  return {
    total: sum('total'),
    queued,
    delivered: sum('delivered'),
    unchanged: sum('unchanged'),
    failed: sum('failed'),
    actionRequired: sum('actionRequired'),
    notEligible: sum('notEligible'),
    waiting: sum('waiting'),
    finished: queued === 0,
    finishedAt: queued === 0 ? last : null,
    byPlatform,
  };
}
