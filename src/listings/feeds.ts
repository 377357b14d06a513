import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { waitBeforeRetry } from '../../connectors/runtime/call.ts';
import type { Connector, JsonValue, Projection } from '../../connectors/runtime/connector.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { FeedEntry, FeedReport } from '../../connectors/runtime/feed.ts';
import type { RunOutcome } from '../db/schema.ts';
import type { LocationField } from '../locations/model.ts';
import { toRecord } from '../locations/repository.ts';
import { appendOutbox } from '../outbox/repository.ts';
import { findConnection } from '../platforms/repository.ts';
import { credentialsRevoked } from '../platforms/service.ts';
import type { Engine } from './engine.ts';
import { resyncDependants } from './network.ts';
import { recordProblems, recordUnchanged, resolveRunItems, type SyncSubject } from './repository.ts';
import { fieldStatuses, projectionHash } from './state.ts';

/**
 * Feed platforms (data flow 2 for reach "feed"): a sync only marks the listing for the next file;
 * one job per connection then writes every eligible store into one file in the platform's format,
 * delivers it, and the listings are SUBMITTED; the platform's processing report makes each
 * accepted row IN_SYNC and each rejected one ACTION_REQUIRED with the platform's reason.
 */

export async function stageForFeed(
  engine: Engine,
  subject: SyncSubject,
  connector: Connector,
  projected: { projection: Projection; notSupported: LocationField[] },
  schedule: (connectionId: string) => Promise<void>,
): Promise<RunOutcome | null> {
  const { listing, location } = subject;
  const unchanged = listing.delivered_hash === projectionHash(projected.projection) && listing.force_keys.length === 0;
  if (unchanged && (listing.status === 'IN_SYNC' || listing.status === 'SUBMITTED')) {
    await recordUnchanged(engine.db, listing, location.version, fieldStatuses(connector.fields, projected.projection, null, projected.notSupported));
    return 'UNCHANGED';
  }
  await engine.db
    .updateTable('listings')
    .set({ status: 'PENDING', status_reason: `In the next ${connector.manifest.name} feed.`, problems: '[]', updated_at: new Date() })
    .where('id', '=', listing.id)
    .execute();
  await schedule(subject.connection.id);
  return null;
}

export type FeedOutcome =
  | { kind: 'delivered'; submissionId: string; rows: number }
  | { kind: 'nothing' }
  | { kind: 'deferred'; retryAfterMs: number }
  | { kind: 'retry'; error: PlatformError };

export async function deliverFeed(engine: Engine, connectionId: string): Promise<FeedOutcome> {
  const connection = await findConnection(engine.db, connectionId);
  const connector = connection && engine.registry.get(connection.platform);
  const feed = connector?.feed;
  if (!connection || connection.status !== 'ACTIVE' || !connector || !feed) return { kind: 'nothing' };
  const log = engine.log.child({ connectionId, platform: connection.platform });

  const { rows: readAtRows } = await sql<{ now: Date }>`select now()`.execute(engine.db);
  const readAt = new Date(readAtRows[0]!.now);
  const rows = await engine.db
    .selectFrom('listings as li')
    .innerJoin('locations as lo', 'lo.id', 'li.location_id')
    .selectAll('lo')
    .select(['li.id as listing_id', 'li.status as listing_status'])
    .where('li.connection_id', '=', connectionId)
    .where('lo.archived_at', 'is', null)
    .orderBy('lo.store_code')
    .execute();
  if (!rows.some((r) => r.listing_status === 'PENDING')) return { kind: 'nothing' };

  const settings = connection.settings as Record<string, JsonValue>;
  const entries: (FeedEntry & { version: number; notSupported: LocationField[] })[] = [];
  for (const row of rows) {
    const projected = connector.project(toRecord(row).data, { settings });
    if (!projected.ok) {
      await recordProblems(engine.db, row.listing_id, projected.problems.some((p) => p.kind === 'NOT_ELIGIBLE') ? 'NOT_ELIGIBLE' : 'ACTION_REQUIRED', projected.problems);
      continue;
    }
    entries.push({ listingId: row.listing_id, storeCode: row.store_code, projection: projected.projection, version: row.version, notSupported: projected.notSupported });
  }
  if (entries.length === 0) return { kind: 'nothing' };

  const file = feed.render(entries, new Date());
  let submission: { submissionId: string };
  try {
    submission = await feed.upload(engine.sessions.get(connector, connection), engine.callFor(connector), file);
  } catch (raw) {
    const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
    const wait = waitBeforeRetry(error);
    if (wait !== null) return { kind: 'deferred', retryAfterMs: wait };
    if (error.kind === 'TRANSIENT') return { kind: 'retry', error };
    if (error.kind === 'AUTH_REVOKED') await credentialsRevoked(engine, connectionId, error.message);
    log.warn({ err: error }, 'feed upload refused');
    await engine.db
      .updateTable('listings')
      .set({
        status: error.kind === 'AUTH_REVOKED' || error.kind === 'INVALID' ? 'ACTION_REQUIRED' : 'FAILED',
        last_error: JSON.stringify({ code: error.kind, message: error.message, field: null, rule: null, platformMessage: error.details.platformMessage ?? null, at: new Date().toISOString() }),
        updated_at: new Date(),
      })
      .where('id', 'in', entries.map((e) => e.listingId))
      .execute();
    return { kind: 'nothing' };
  }

  const id = randomUUID();
  const reason = `In ${file.name}, delivered ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; waiting for ${connector.manifest.name}'s processing report.`;
  await engine.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feed_submissions')
      .values({
        id,
        org_id: connection.org_id,
        connection_id: connectionId,
        platform: connection.platform,
        file_name: file.name,
        rows: file.rows,
        bytes: file.body.byteLength,
        sha256: createHash('sha256').update(file.body).digest('hex'),
        platform_submission_id: submission.submissionId,
        state: 'PROCESSING',
      })
      .execute();
    // One statement for the whole file: each listing takes the projection that went into it.
    await sql`
      update listings li set
        status = 'SUBMITTED', status_reason = ${reason}, feed_submission_id = ${id},
        delivered_state = v.projection, delivered_hash = v.hash, delivered_version = v.version,
        field_status = v.field_status, delivered_at = now(), attempted_at = now(), updated_at = now(),
        force_keys = '[]', problems = '[]', last_error = null,
        platform_listing_id = coalesce(li.platform_listing_id, v.store_code)
      from jsonb_to_recordset(${JSON.stringify(
        entries.map((e) => ({
          id: e.listingId,
          projection: e.projection,
          hash: projectionHash(e.projection),
          version: e.version,
          store_code: e.storeCode,
          field_status: fieldStatuses(connector.fields, e.projection, null, e.notSupported),
        })),
      )}::jsonb) as v(id uuid, projection jsonb, hash text, version int, store_code text, field_status jsonb)
      where li.id = v.id`.execute(trx);
    await appendOutbox(trx, [{ orgId: connection.org_id, aggregateType: 'feed_submission', aggregateId: id, eventType: 'feed_submission.delivered', aggregateVersion: 1, payload: {} }]);
    await resyncDependants(engine, trx, connection.org_id, rows.map((r) => r.id), connection.platform);
  });
  await resolveRunItems(engine.db, entries.map((e) => ({ listingId: e.listingId, outcome: 'DELIVERED' as const, readAt })));
  log.info({ file: file.name, rows: file.rows, bytes: file.body.byteLength }, 'feed delivered');
  return { kind: 'delivered', submissionId: id, rows: file.rows };
}

export type ReportOutcome = { kind: 'done' } | { kind: 'later'; retryAfterMs: number } | { kind: 'retry'; error: PlatformError };

/** Reads the platform's processing report of one delivered file and settles its listings. */
export async function readFeedReport(engine: Engine, submissionId: string): Promise<ReportOutcome> {
  const row = await engine.db.selectFrom('feed_submissions').selectAll().where('id', '=', submissionId).executeTakeFirst();
  if (!row || row.state !== 'PROCESSING' || !row.platform_submission_id) return { kind: 'done' };
  const connection = await findConnection(engine.db, row.connection_id);
  const connector = connection && engine.registry.get(connection.platform);
  if (!connection || connection.status !== 'ACTIVE' || !connector?.feed) return { kind: 'done' };
  let report: FeedReport;
  try {
    report = await connector.feed.report(engine.sessions.get(connector, connection), engine.callFor(connector), row.platform_submission_id);
  } catch (raw) {
    const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
    const wait = waitBeforeRetry(error);
    if (wait !== null) return { kind: 'later', retryAfterMs: wait };
    if (error.kind === 'TRANSIENT') return { kind: 'retry', error };
    if (error.kind === 'AUTH_REVOKED') await credentialsRevoked(engine, connection.id, error.message);
    throw error;
  }
  if (report.state === 'PROCESSING') return { kind: 'later', retryAfterMs: engine.feedTiming.reportEveryMs };

  const name = connector.manifest.name;
  await engine.db.transaction().execute(async (trx) => {
    const listings = await trx
      .selectFrom('listings as li')
      .innerJoin('locations as lo', 'lo.id', 'li.location_id')
      .select(['li.id', 'lo.store_code', 'li.location_id'])
      .where('li.feed_submission_id', '=', submissionId)
      .where('li.status', '=', 'SUBMITTED')
      .execute();
    const byCode = new Map(listings.map((l) => [l.store_code, l]));
    const accepted = report.state === 'DONE' ? report.accepted.map((c) => byCode.get(c)?.id).filter((x): x is string => x !== undefined) : [];
    if (accepted.length > 0) {
      await trx.updateTable('listings').set({ status: 'IN_SYNC', status_reason: `Accepted in ${name}'s report on ${row.file_name}.`, updated_at: new Date() }).where('id', 'in', accepted).execute();
    }
    const rejections = report.state === 'DONE' ? report.rejected : listings.map((l) => ({ storeCode: l.store_code, message: report.message, platformCode: null }));
    for (const r of rejections) {
      const listing = byCode.get(r.storeCode);
      if (!listing) continue;
      const problem = { kind: 'ACTION_REQUIRED' as const, field: null, rule: `${connector.manifest.id}.feed.${r.platformCode ?? 'rejected'}`, message: `${name} rejected this store in ${row.file_name}: ${r.message}` };
      await trx
        .updateTable('listings')
        .set({ status: 'ACTION_REQUIRED', status_reason: null, problems: JSON.stringify([problem]), delivered_hash: null, updated_at: new Date() })
        .where('id', '=', listing.id)
        .execute();
    }
    await trx
      .updateTable('feed_submissions')
      .set({
        state: report.state,
        accepted: report.state === 'DONE' ? report.accepted.length : 0,
        rejected: rejections.length,
        message: report.state === 'FAILED' ? report.message : null,
        reported_at: new Date(),
      })
      .where('id', '=', submissionId)
      .execute();
    await resyncDependants(engine, trx, row.org_id, listings.map((l) => l.location_id), row.platform);
  });
  return { kind: 'done' };
}
