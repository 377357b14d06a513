import type { Connector, DeliverResult, JsonValue, PlatformCall, Projection } from '../../connectors/runtime/connector.ts';
import { waitBeforeRetry } from '../../connectors/runtime/call.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { RunOutcome } from '../db/schema.ts';
import { canonicalJson } from '../lib/canonicalJson.ts';
import { toRecord } from '../locations/repository.ts';
import { appendOutbox } from '../outbox/repository.ts';
import { credentialsRevoked } from '../platforms/service.ts';
import { scheduleFeed } from '../../jobs/feeds.ts';
import type { Engine } from './engine.ts';
import { stageForFeed } from './feeds.ts';
import { prepareManual, resyncDependants, syncThroughAggregator } from './network.ts';
import { listingError, recordRefusal, sharedListingRefusal } from './refusals.ts';
import {
  recordDelivered,
  recordError,
  recordProblems,
  recordStatusReason,
  recordUnchanged,
  storeHoldingListing,
  type ListingError,
  type SyncSubject,
} from './repository.ts';
import { changedKeys, driftedKeys, fieldStatuses, projectionHash } from './state.ts';

/**
 * Data flow 2 for one listing: project the location into the platform's shape (or record why it
 * cannot be published), diff against what was last delivered, deliver only the change within
 * the platform's quotas, and record the listing's state. Idempotent: run twice, the second
 * finds nothing changed and makes no call.
 */
export type SyncResult =
  | { kind: 'done'; outcome: RunOutcome }
  /** Quota or circuit: try again after `retryAfterMs`, without counting an attempt. */
  | { kind: 'deferred'; retryAfterMs: number; reason: string }
  /** Handed on: the aggregator's delivery or the feed upload answers the run item later. */
  | { kind: 'waiting' }
  | { kind: 'gone' };


/** How soon a change held by a platform's review is tried again when the platform does not say. */
const PENDING_RECHECK_MS = 3_600_000;

async function finish(engine: Engine, subject: SyncSubject, outcome: RunOutcome): Promise<SyncResult> {
  await engine.answerRunItems({ listingId: subject.listing.id, outcome, readAt: subject.readAt });
  engine.metrics?.outcome(subject.listing.platform, outcome);
  // Platforms fed by this one follow its new state (a navigation system fed by HERE).
  if (outcome !== 'UNCHANGED' && engine.registry.fedBy(subject.listing.platform).length > 0) {
    await engine.db.transaction().execute((trx) => resyncDependants(engine, trx, subject.listing.org_id, [subject.location.id], subject.listing.platform));
  }
  return { kind: 'done', outcome };
}

export async function syncListing(engine: Engine, listingId: string, attempt: { final: boolean }): Promise<SyncResult> {
  const subject = await engine.loadSyncSubject(listingId);
  if (!subject) return { kind: 'gone' };
  const { listing, connection, location } = subject;
  const log = engine.log.child({ listingId, locationId: location.id, connectionId: connection.id, platform: listing.platform });

  const connector = engine.registry.get(listing.platform);
  if (!connector) {
    const message = engine.registry.unavailable(listing.platform) ?? 'Connector unavailable.';
    await recordError(engine.db, listingId, { code: 'PERMANENT', message, field: null, rule: null, platformMessage: null, at: new Date().toISOString() }, 'FAILED');
    return finish(engine, subject, 'FAILED');
  }
  if (connection.status !== 'ACTIVE') {
    const message = connection.status_message ?? `The ${connector.manifest.name} connection needs attention before listings can sync.`;
    await recordError(engine.db, listingId, { code: 'CONNECTION', message, field: null, rule: null, platformMessage: null, at: new Date().toISOString() }, 'ACTION_REQUIRED');
    return finish(engine, subject, 'ACTION_REQUIRED');
  }
  // Archiving a store in Tenpo stops syncing it; it does not close it on the platforms.
  if (location.archived_at) return finish(engine, subject, 'UNCHANGED');

  const settings = connection.settings as Record<string, JsonValue>;
  const projected = connector.project(toRecord(location).data, { settings });
  if (!projected.ok) {
    const status = projected.problems.some((p) => p.kind === 'NOT_ELIGIBLE') ? 'NOT_ELIGIBLE' : 'ACTION_REQUIRED';
    // A re-sync of a store still refused for the same reasons writes nothing.
    if (listing.status !== status || canonicalJson(listing.problems) !== canonicalJson(projected.problems)) await recordProblems(engine.db, listingId, status, projected.problems);
    return finish(engine, subject, status);
  }

  const route = connector.manifest.delivery.kind;
  const settle = async (outcome: RunOutcome | null): Promise<SyncResult> => (outcome ? finish(engine, subject, outcome) : { kind: 'waiting' });
  if (route === 'aggregator') return settle(await syncThroughAggregator(engine, subject, connector, projected));
  if (route === 'manual') return settle(await prepareManual(engine, subject, connector, projected));
  if (connector.feed) return settle(await stageForFeed(engine, subject, connector, projected, (id) => scheduleFeed(engine.queues, id, engine.feedTiming.debounceMs)));

  const { projection, notSupported } = projected;
  // The platform refused exactly this data last time: sending it again would be refused again
  // (and spend its quota) until the store, the connection's settings or the platform's listing changes.
  const hash = projectionHash(projection);
  if (listing.status === 'ACTION_REQUIRED' && listing.force_keys.length === 0 && (listing.last_error as ListingError | null)?.refusedHash === hash) {
    return finish(engine, subject, 'ACTION_REQUIRED');
  }
  const delivered = (listing.delivered_state as Projection | null) ?? null;
  const changed = changedKeys(delivered, projection, listing.force_keys);
  const statuses = fieldStatuses(connector.fields, projection, null, notSupported);
  if (listing.platform_listing_id && delivered && changed.length === 0) {
    await recordUnchanged(engine.db, listing, location.version, statuses);
    return finish(engine, subject, 'UNCHANGED');
  }

  if (!listing.platform_listing_id) {
    // Until the account's existing listings are linked by store code, creating one could duplicate it.
    if (!connection.linked_at) return { kind: 'deferred', retryAfterMs: 2_000, reason: 'connection not linked yet' };
    if (settings.createListings === false) {
      await recordProblems(engine.db, listingId, 'ACTION_REQUIRED', [
        {
          kind: 'ACTION_REQUIRED',
          field: 'storeCode',
          rule: 'tenpo.listing_not_linked',
          message: `No ${connector.manifest.name} listing has store code "${location.store_code}". Link the store to its listing, or let Tenpo create listings for this connection.`,
        },
      ]);
      return finish(engine, subject, 'ACTION_REQUIRED');
    }
  }

  const deliver = connector.deliver;
  if (!deliver) throw new Error(`${connector.manifest.id} has no per-listing delivery (reach "${connector.manifest.reach}")`);
  let result: DeliverResult;
  let stale: string[] = [];
  try {
    const session = engine.sessions.get(connector, connection);
    const call = engine.callFor(connector);
    result = await deliver(session, call, {
      platformListingId: listing.platform_listing_id,
      storeCode: location.store_code,
      projection,
      changed: listing.platform_listing_id ? changed : Object.keys(projection).sort(),
      firstWrite: listing.delivered_at === null,
      requestId: listing.id,
    });
    if (!listing.platform_listing_id) stale = await staleAfterCreate(connector, session, call, result.platformListingId, projection);
  } catch (raw) {
    const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
    return handleFailure(engine, subject, connector, error, { ...attempt, hash }, log);
  }
  // A platform that matches by name and address can answer with a listing another store already
  // holds: two Tenpo stores cannot share one listing, and a person must tell them apart.
  if (result.platformListingId !== listing.platform_listing_id) {
    const holder = await storeHoldingListing(engine.db, connection.id, result.platformListingId, listingId);
    if (holder) return handleFailure(engine, subject, connector, sharedListingRefusal(connector, location.store_code, holder), { ...attempt, hash }, log);
  }
  // Outside the try: a database error here is ours, not the platform's. It fails the job, which
  // is retried; the retry delivers the same data again (an identical write) and records it.
  const state = {
    status: result.status,
    projection,
    hash,
    locationVersion: location.version,
    platformListingId: result.platformListingId,
    publicUrl: result.publicUrl,
    fieldStatus: statuses,
  };
  if (stale.length === 0) {
    await recordDelivered(engine.db, listingId, state);
  } else {
    log.info({ stale }, 'the created listing holds older data (a retried create); delivering again');
    await engine.db.transaction().execute(async (trx) => {
      await recordDelivered(trx, listingId, { ...state, status: 'PENDING', forceKeys: stale });
      await appendOutbox(trx, [{ orgId: listing.org_id, aggregateType: 'listing', aggregateId: listingId, eventType: 'listing.resync', aggregateVersion: 1, payload: {} }]);
    });
  }
  log.debug({ changed }, 'listing delivered');
  return finish(engine, subject, 'DELIVERED');
}

/**
 * A create retried after its answer was lost gets back, by its request id, the listing the first
 * attempt made, with that attempt's data. Reading it back tells which keys still need sending.
 * A failed read is left to the scheduled read-back.
 */
async function staleAfterCreate(connector: Connector, session: unknown, call: PlatformCall, platformListingId: string, projection: Projection): Promise<string[]> {
  if (!connector.readBack) return [];
  try {
    const shown = await connector.readBack(session, call, platformListingId);
    return driftedKeys(projection, shown.current).filter((k) => k in projection);
  } catch {
    return [];
  }
}

/**
 * The last attempt ended in an error of Tenpo's own (not the platform's): the listing says so and
 * its run items are answered, so that no sync run waits for it forever. The error is logged by the
 * worker; the next edit or sync run tries again.
 */
export async function recordSyncCrash(engine: Engine, listingId: string): Promise<void> {
  const message = 'Tenpo could not finish this sync because of an error on our side; it has been logged, and the next sync tries again.';
  await recordError(engine.db, listingId, { code: 'INTERNAL', message, field: null, rule: 'tenpo.sync.internal', platformMessage: null, at: new Date().toISOString() }, 'FAILED');
  await engine.answerRunItems({ listingId, outcome: 'FAILED', readAt: new Date() });
}

async function handleFailure(
  engine: Engine,
  subject: SyncSubject,
  connector: Connector,
  error: PlatformError,
  attempt: { final: boolean; hash: string },
  log: Engine['log'],
): Promise<SyncResult> {
  const { listing, connection } = subject;
  const wait = waitBeforeRetry(error);
  if (wait !== null) return { kind: 'deferred', retryAfterMs: wait, reason: error.message };
  if (error.kind === 'PENDING') {
    // The platform is still reviewing the listing, possibly for days: the change waits, the
    // listing says why, and the run is answered rather than held open.
    if (listing.status_reason !== error.message) await recordStatusReason(engine.db, listing.id, error.message);
    await engine.answerRunItems({ listingId: listing.id, outcome: 'WAITING', readAt: subject.readAt });
    return { kind: 'deferred', retryAfterMs: error.details.retryAfterMs ?? PENDING_RECHECK_MS, reason: error.message };
  }
  if (error.kind === 'TRANSIENT') {
    await recordError(engine.db, listing.id, listingError(error), attempt.final ? 'FAILED' : undefined);
    if (attempt.final) {
      log.warn({ err: error }, 'listing sync failed after its last attempt');
      return finish(engine, subject, 'FAILED');
    }
    throw error;
  }
  if (error.kind === 'AUTH_REVOKED') {
    await credentialsRevoked(engine, connection.id, error.message);
    await recordError(engine.db, listing.id, listingError(error), 'ACTION_REQUIRED');
    log.warn({ kind: error.kind }, 'platform credentials no longer work; connection needs a person');
    return finish(engine, subject, 'ACTION_REQUIRED');
  }
  if (error.kind === 'INVALID' || error.kind === 'NOT_FOUND') {
    await recordRefusal(engine.db, listing.id, connector, error, attempt.hash);
    return finish(engine, subject, 'ACTION_REQUIRED');
  }
  log.error({ err: error, platformMessage: error.details.platformMessage }, 'listing sync failed permanently');
  await recordError(engine.db, listing.id, listingError(error), 'FAILED');
  return finish(engine, subject, 'FAILED');
}
