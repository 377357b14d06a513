import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { enqueueFeedReports } from '../../jobs/feeds.ts';
import { enqueueLinking } from '../../jobs/linkListings.ts';
import { enqueueReplySends } from '../../jobs/reviews.ts';
import { enqueueListingSyncs } from '../../jobs/syncListing.ts';
import type { Engine } from '../listings/engine.ts';
import { ensureListings } from '../listings/repository.ts';
import type { OutboxEventType } from './repository.ts';

/**
 * The outbox relay: turns committed outbox rows into sync jobs. Rows are claimed with
 * `for update skip locked`, jobs are added while the claim is held, and the rows are marked
 * relayed in the same transaction. A crash before the commit leaves the rows unrelayed, so the
 * next pass enqueues them again: nothing is lost. A row is never marked relayed without its
 * jobs having been added, and the second enqueue of a row (after such a crash) lands on the
 * listing's deduplicated job or finds the listing already delivered, so the platform sees one
 * delivery. Several relays (one per worker process) share the rows without taking the same one.
 */

/** New stores get their listings on every connected platform; so do the stores of a new connection. */
async function prepareListings(engine: Engine, rows: readonly ClaimedRow[]): Promise<void> {
  const created = rows.filter((r) => r.event_type === 'location.created' || r.event_type === 'location.restored').map((r) => r.aggregate_id);
  await ensureListings(engine.db, { locationIds: [...new Set(created)] });
  for (const r of rows) if (r.event_type === 'platform_connection.connected') await ensureListings(engine.db, { connectionId: r.aggregate_id });
}

interface ClaimedRow {
  id: string;
  aggregate_id: string;
  aggregate_version: number;
  event_type: OutboxEventType;
}

export async function relayOnce(engine: Engine, limit = 500): Promise<number> {
  // Listings for new stores and new connections are created and committed before any job that
  // reads them is enqueued: a worker may start a job before the claiming transaction commits.
  const pending = (await engine.db
    .selectFrom('outbox')
    .select(['id', 'aggregate_id', 'aggregate_version', 'event_type'])
    .where('relayed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute()) as ClaimedRow[];
  if (pending.length === 0) return 0;
  await prepareListings(engine, pending);
  const lastSeen = pending[pending.length - 1]!.id;

  return engine.db.transaction().execute(async (trx) => {
    const rows = (await trx
      .selectFrom('outbox')
      .select(['id', 'aggregate_id', 'aggregate_version', 'event_type'])
      .where('relayed_at', 'is', null)
      .where(sql<boolean>`id <= ${lastSeen}::bigint`)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute()) as ClaimedRow[];
    if (rows.length === 0) return 0;

    const of = (...types: OutboxEventType[]) => [...new Set(rows.filter((r) => types.includes(r.event_type)).map((r) => r.aggregate_id))];
    const locationIds = of('location.created', 'location.updated', 'location.restored');
    const connectionIds = of('platform_connection.connected');
    const runIds = of('sync_run.requested');
    const listingIds = of('listing.resync');
    const feedSubmissions = of('feed_submission.delivered');
    const replies = rows.filter((r) => r.event_type === 'review_reply.requested').map((r) => ({ reviewId: r.aggregate_id, version: r.aggregate_version }));

    const { rows: changed } = await sql<{ id: string }>`
      select li.id from listings li
      join platform_connections c on c.id = li.connection_id and c.status = 'ACTIVE'
      where li.location_id = any(${locationIds}::uuid[])
         or li.id = any(${listingIds}::uuid[])`.execute(trx);
    const now =
      runIds.length === 0
        ? []
        : (await sql<{ id: string }>`select distinct listing_id as id from sync_run_items where run_id = any(${runIds}::uuid[]) and outcome is null`.execute(trx)).rows.map((t) => t.id);
    const asked = new Set(now);
    const later = changed.map((t) => t.id).filter((id) => !asked.has(id));
    // A new connection first links existing platform listings by store code; that job then syncs.
    await enqueueLinking(engine.queues, connectionIds);
    await enqueueListingSyncs(engine.queues, now, { now: true });
    await enqueueListingSyncs(engine.queues, later);
    await enqueueReplySends(engine.queues, replies);
    await enqueueFeedReports(engine.queues, feedSubmissions, engine.feedTiming.reportEveryMs);

    await trx
      .updateTable('outbox')
      .set({ relayed_at: new Date() })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.length;
  });
}

export interface Relay {
  /** Resolves when the loop has stopped; an in-flight pass finishes first. */
  stop(): Promise<void>;
  /** Runs a pass now instead of at the next tick (after a write, in tests). */
  nudge(): void;
}

export function startRelay(engine: Engine, options: { intervalMs?: number; batch?: number } = {}): Relay {
  const intervalMs = options.intervalMs ?? 200;
  const batch = options.batch ?? 500;
  let running = true;
  let wake: AbortController = new AbortController();
  const loop = (async () => {
    let failures = 0;
    while (running) {
      try {
        const n = await relayOnce(engine, batch);
        failures = 0;
        if (n === batch) continue; // more are waiting
      } catch (err) {
        failures += 1;
        // Redis or the database is away: keep trying, slower, and say so once in a while.
        if (failures === 1 || failures % 50 === 0) engine.log.warn({ err, failures }, 'outbox relay pass failed; retrying');
      }
      const pause = failures > 0 ? Math.min(5_000, intervalMs * 2 ** Math.min(failures, 5)) : intervalMs;
      await sleep(pause, undefined, { signal: wake.signal }).catch(() => {});
      wake = new AbortController();
    }
  })();
  return {
    async stop() {
      running = false;
      wake.abort();
      await loop;
    },
    nudge: () => wake.abort(),
  };
}
