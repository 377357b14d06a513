import type { Connector, JsonValue, PlatformCall, Projection } from '../../connectors/runtime/connector.ts';
import { waitBeforeRetry } from '../../connectors/runtime/call.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { ListingRow, LocationRow } from '../db/schema.ts';
import { toRecord } from '../locations/repository.ts';
import { findConnection } from '../platforms/repository.ts';
import { credentialsRevoked } from '../platforms/service.ts';
import type { Engine } from './engine.ts';
import { recordProblems, storeHoldingListing } from './repository.ts';
import { recordRefusal, sharedListingRefusal } from './refusals.ts';
import { driftedKeys, fieldStatuses, projectionHash } from './state.ts';
import { recordPlatformEdits } from './suggestedEdits.ts';
import { appendOutbox } from '../outbox/repository.ts';

/**
 * Data flow 3: fetch each listing as the platform shows it. Where it shows something other than
 * what we delivered, the fields turn MISMATCH and the listing is delivered again (Tenpo is the
 * source of truth); edits the platform made on its own side and flags (Google's diffMask)
 * become suggested edits for a person to accept or reject instead.
 */
export type ReadBackOutcome =
  | { kind: 'done'; read: number }
  /** Quota or open circuit: continue after `after` once `retryAfterMs` has passed. */
  | { kind: 'deferred'; retryAfterMs: number; after: string | null; read: number }
  /** The platform failed transiently: retry from `after` with backoff. */
  | { kind: 'retry'; error: PlatformError; after: string | null; read: number };

const PAGE = 50;

export async function readBackConnection(engine: Engine, connectionId: string, after: string | null): Promise<ReadBackOutcome> {
  const connection = await findConnection(engine.db, connectionId);
  const connector = connection && engine.registry.get(connection.platform);
  if (!connection || connection.status !== 'ACTIVE' || !connector?.manifest.capabilities.readBack) return { kind: 'done', read: 0 };
  const session = engine.sessions.get(connector, connection);
  const call = engine.callFor(connector);
  const settings = connection.settings as Record<string, JsonValue>;
  let cursor = after;
  let read = 0;
  for (;;) {
    const page = await engine.db
      .selectFrom('listings as li')
      .innerJoin('locations as lo', 'lo.id', 'li.location_id')
      .selectAll('li')
      .where('li.connection_id', '=', connectionId)
      .where('li.platform_listing_id', 'is not', null)
      .where('li.delivered_state', 'is not', null)
      .where('lo.archived_at', 'is', null)
      .$if(cursor !== null, (q) => q.where('li.id', '>', cursor!))
      .orderBy('li.id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return { kind: 'done', read };
    const locations = new Map(
      (await engine.db.selectFrom('locations').selectAll().where('id', 'in', page.map((l) => l.location_id)).execute()).map((l) => [l.id, l]),
    );
    for (const listing of page) {
      try {
        await readBackListing(engine, connector, session, call, listing, locations.get(listing.location_id)!, settings);
      } catch (raw) {
        const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
        const wait = waitBeforeRetry(error);
        if (wait !== null) return { kind: 'deferred', retryAfterMs: wait, after: cursor, read };
        // Still under the platform's review: nothing to read there yet; the next sweep tries again.
        if (error.kind === 'PENDING') {
          cursor = listing.id;
          continue;
        }
        if (error.kind === 'AUTH_REVOKED') {
          await credentialsRevoked(engine, connectionId, error.message);
          return { kind: 'done', read };
        }
        if (error.kind === 'NOT_FOUND') {
          await recordProblems(engine.db, listing.id, 'ACTION_REQUIRED', [
            { kind: 'ACTION_REQUIRED', field: null, rule: `${connector.manifest.id}.listing_gone`, message: `The linked listing ${listing.platform_listing_id} no longer exists on ${connector.manifest.name}; link the store to its current listing.` },
          ]);
        } else if (error.kind === 'TRANSIENT') {
          // The listings already read keep their results; the retry starts after them.
          return { kind: 'retry', error, after: cursor, read };
        } else {
          engine.log.warn({ err: error, listingId: listing.id }, 'read-back of a listing failed');
        }
      }
      cursor = listing.id;
      read += 1;
    }
  }
}

async function readBackListing(
  engine: Engine,
  connector: Connector,
  session: unknown,
  call: PlatformCall,
  listing: ListingRow,
  location: LocationRow,
  settings: Record<string, JsonValue>,
): Promise<void> {
  if (!connector.readBack) return;
  const shown = await connector.readBack(session, call, listing.platform_listing_id!);
  const delivered = (listing.delivered_state ?? {}) as Projection;
  const projected = connector.project(toRecord(location).data, { settings });
  const ours = projected.ok ? projected.projection : delivered;
  // A listing the platform now knows under another id (a suggestion made into a place) follows
  // it, unless another store already holds that id: then what is shown is the other store's, and
  // a person tells the two apart, as when a delivery meets the same.
  const moved = shown.listingId !== undefined && shown.listingId !== listing.platform_listing_id ? shown.listingId : null;
  const holder = moved && (await storeHoldingListing(engine.db, listing.connection_id, moved, listing.id));
  if (holder) {
    await recordRefusal(engine.db, listing.id, connector, sharedListingRefusal(connector, location.store_code, holder), projectionHash(ours));
    return;
  }
  const edits = shown.platformEdits;
  await recordPlatformEdits(engine.db, listing, edits, ours, connector.fields);

  // What the public sees is the platform's current value, with its own edits on top.
  const visible = { ...shown.current, ...edits };
  const drift = driftedKeys(delivered, shown.current).filter((k) => !(k in edits) && !shown.unseen?.includes(k));
  const statuses = fieldStatuses(connector.fields, ours, visible, projected.ok ? projected.notSupported : []);
  // A delivery the platform held for review is confirmed once it shows it.
  const confirmed = drift.length === 0 && (listing.status === 'SUBMITTED' || listing.status === 'IN_SYNC') ? (shown.status ?? 'IN_SYNC') : null;
  // The resync goes through the outbox, so it is enqueued if and only if the state is saved.
  await engine.db.transaction().execute(async (trx) => {
    await trx
    .updateTable('listings')
    .set({
      field_status: JSON.stringify(statuses),
      read_back_at: new Date(),
      public_url: shown.publicUrl ?? listing.public_url,
      ...(moved ? { platform_listing_id: moved } : {}),
      ...(confirmed ? { status: confirmed, status_reason: null } : {}),
      ...(drift.length > 0 ? { force_keys: JSON.stringify([...new Set([...listing.force_keys, ...drift])]), status: 'PENDING' as const } : {}),
    })
    .where('id', '=', listing.id)
    .execute();
    if (drift.length > 0) {
      await appendOutbox(trx, [{ orgId: listing.org_id, aggregateType: 'listing', aggregateId: listing.id, eventType: 'listing.resync', aggregateVersion: 1, payload: {} }]);
    }
  });
  if (moved) engine.log.info({ listingId: listing.id, from: listing.platform_listing_id, to: moved }, 'the platform knows the listing under a new id; linked to it');
  if (drift.length > 0) engine.log.info({ listingId: listing.id, drift }, 'platform shows something other than what we delivered; delivering again');
}
