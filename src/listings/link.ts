import { sql } from 'kysely';
import { waitBeforeRetry } from '../../connectors/runtime/call.ts';
import type { PlatformListingSummary } from '../../connectors/runtime/connector.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { Access } from '../auth/access.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { fieldError, type Result } from '../locations/model.ts';
import { appendOutbox } from '../outbox/repository.ts';
import { findConnection } from '../platforms/repository.ts';
import { credentialsRevoked } from '../platforms/service.ts';
import type { Engine } from './engine.ts';
import { ensureListings } from './repository.ts';

/**
 * After a connection: the account's existing listings are linked to the organisation's stores by
 * store code, so a sync updates them instead of creating duplicates. Returns the listing ids
 * to sync, or a deferral when the platform's quota is spent.
 */
export type LinkOutcome =
  | { kind: 'linked'; linked: number; listingIds: string[] }
  | { kind: 'deferred'; retryAfterMs: number }
  | { kind: 'stopped'; reason: string };

const BATCH = 500;

export async function linkConnection(engine: Engine, connectionId: string): Promise<LinkOutcome> {
  const connection = await findConnection(engine.db, connectionId);
  if (!connection || connection.status !== 'ACTIVE') return { kind: 'stopped', reason: 'connection not active' };
  const connector = engine.registry.get(connection.platform);
  if (!connector) return { kind: 'stopped', reason: `no connector for ${connection.platform}` };

  let linked = 0;
  if (connector.discover) {
    const found: PlatformListingSummary[] = [];
    try {
      const session = engine.sessions.get(connector, connection);
      for await (const summary of connector.discover(session, engine.callFor(connector), connection.external_account)) {
        if (summary.storeCode) found.push(summary);
      }
    } catch (raw) {
      const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
      const wait = waitBeforeRetry(error);
      if (wait !== null) return { kind: 'deferred', retryAfterMs: wait };
      if (error.kind === 'AUTH_REVOKED') {
        await credentialsRevoked(engine, connectionId, error.message);
        return { kind: 'stopped', reason: error.message };
      }
      throw error;
    }
    for (let i = 0; i < found.length; i += BATCH) {
      const batch = found.slice(i, i + BATCH);
      const result = await sql`
        update listings li
        set platform_listing_id = v.listing_id, public_url = v.public_url, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(batch.map((b) => ({ store_code: b.storeCode, listing_id: b.platformListingId, public_url: b.publicUrl })))}::jsonb)
             as v(store_code text, listing_id text, public_url text),
             locations lo
        where li.connection_id = ${connectionId}
          and li.platform_listing_id is null
          and lo.id = li.location_id
          and lo.store_code = v.store_code
          and not exists (select 1 from listings o where o.connection_id = li.connection_id and o.platform_listing_id = v.listing_id)`.execute(engine.db);
      linked += Number(result.numAffectedRows ?? 0);
    }
  }
  await engine.db.updateTable('platform_connections').set({ linked_at: new Date() }).where('id', '=', connectionId).execute();
  const listings = await engine.db.selectFrom('listings').select('id').where('connection_id', '=', connectionId).execute();
  engine.log.info({ connectionId, platform: connection.platform, linked, listings: listings.length }, 'listings linked by store code');
  return { kind: 'linked', linked, listingIds: listings.map((l) => l.id) };
}

export interface LinkListingInput {
  locationId: string;
  connectionId: string;
  platformListingId: string;
}

/**
 * Links a store to a listing a person picked on the platform. The next sync is a first write
 * (validated, every key sent), since the listing's content on the platform is unknown to us.
 */
export async function linkListing(engine: Engine, access: Access, input: LinkListingInput): Promise<Result<string>> {
  const location = await engine.db.selectFrom('locations').select(['id', 'org_id']).where('id', '=', input.locationId).executeTakeFirst();
  if (!location || !(await access.canSeeLocation(location))) return { ok: false, errors: [fieldError('NOT_FOUND', ['location'], 'No such location, or you may not see it.')] };
  if (!(await access.can(location.org_id, 'manageLocations'))) {
    return { ok: false, errors: [fieldError('FORBIDDEN', [], 'Your role may not link listings.')] };
  }
  const connection = await findConnection(engine.db, input.connectionId);
  if (!connection || connection.org_id !== location.org_id) {
    return { ok: false, errors: [fieldError('NOT_FOUND', ['connection'], 'No such platform connection in this organisation.')] };
  }
  const platformListingId = input.platformListingId.trim();
  if (!platformListingId) return { ok: false, errors: [fieldError('INVALID_INPUT', ['platformListingId'], 'Give the listing id as the platform shows it, e.g. "locations/123".')] };
  try {
    const id = await engine.db.transaction().execute(async (trx) => {
      await ensureListings(trx, { locationIds: [location.id] });
      const row = await trx
        .updateTable('listings')
        .set({ platform_listing_id: platformListingId, delivered_state: null, delivered_hash: null, delivered_at: null, status: 'PENDING', problems: '[]', last_error: null, updated_at: new Date() })
        .where('location_id', '=', location.id)
        .where('connection_id', '=', connection.id)
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      await appendOutbox(trx, [{ orgId: location.org_id, aggregateType: 'listing', aggregateId: row.id, eventType: 'listing.resync', aggregateVersion: 1, payload: {} }]);
      return row.id;
    });
    if (!id) return { ok: false, errors: [fieldError('INVALID_INPUT', ['connection'], 'The connection is disconnected, or the location archived.')] };
    return { ok: true, value: id };
  } catch (err) {
    if (isUniqueViolation(err, 'listings_platform_listing_key')) {
      return { ok: false, errors: [fieldError('ALREADY_LINKED', ['platformListingId'], `${platformListingId} is already linked to another store on this connection.`)] };
    }
    throw err;
  }
}
