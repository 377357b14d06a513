import type { Connector, Projection } from '../../connectors/runtime/connector.ts';
import type { ListingProblem } from '../../connectors/runtime/connector.ts';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, ListingRow, RunOutcome } from '../db/schema.ts';
import { canonicalJson } from '../lib/canonicalJson.ts';
import type { LocationField } from '../locations/model.ts';
import { appendOutbox } from '../outbox/repository.ts';
import type { Engine } from './engine.ts';
import { recordUnchanged, type SyncSubject } from './repository.ts';
import { fieldStatuses, projectionHash, type FieldStatus } from './state.ts';

/**
 * The routes that are not a per-listing API call (DESIGN.md data flow 2, "deliver"): a platform
 * fed by an aggregator, one a person fills in by hand, and one that takes a bulk feed. Each
 * returns the run outcome, or null when the run item stays open until a later step answers it
 * (the aggregator's own delivery, or the feed upload).
 */

const BEST = ['IN_SYNC', 'SUBMITTED', 'PENDING', 'ACTION_REQUIRED', 'FAILED', 'NOT_ELIGIBLE'];

type Statuses = Partial<Record<LocationField, FieldStatus>>;

/** Writes the listing's new state; returns false, writing nothing, when it is already so (a re-sync). */
async function setStatus(
  db: Db,
  listing: ListingRow,
  set: { status: 'PENDING' | 'SUBMITTED' | 'ACTION_REQUIRED'; reason: string | null; problems?: ListingProblem[]; fieldStatus?: Statuses; version?: number },
): Promise<boolean> {
  const problems = set.problems ?? [];
  const same =
    listing.status === set.status &&
    listing.status_reason === set.reason &&
    listing.last_error === null &&
    canonicalJson(listing.problems) === canonicalJson(problems) &&
    (set.fieldStatus === undefined || canonicalJson(listing.field_status) === canonicalJson(set.fieldStatus)) &&
    (set.version === undefined || listing.delivered_version === set.version);
  if (same) return false;
  await db
    .updateTable('listings')
    .set({
      status: set.status,
      status_reason: set.reason,
      problems: JSON.stringify(problems),
      last_error: null,
      updated_at: new Date(),
      ...(set.fieldStatus ? { field_status: JSON.stringify(set.fieldStatus) } : {}),
      ...(set.version !== undefined ? { delivered_version: set.version } : {}),
    })
    .where('id', '=', listing.id)
    .execute();
  return true;
}

/**
 * A platform that takes its data from another (car navigation from HERE, Siri from Apple Maps):
 * its status follows the store's listing on that platform and is never better than SUBMITTED,
 * since nothing tells Tenpo when the downstream platform shows the data.
 */
export async function syncThroughAggregator(engine: Engine, subject: SyncSubject, connector: Connector, projected: { projection: Projection; notSupported: LocationField[] }): Promise<RunOutcome | null> {
  const { listing, location } = subject;
  if (connector.manifest.delivery.kind !== 'aggregator') throw new Error(`${connector.manifest.id} is not fed by an aggregator`);
  const viaId = connector.manifest.delivery.via;
  const name = connector.manifest.name;
  const viaName = engine.registry.manifest(viaId)?.name ?? viaId;
  const candidates = await engine.db
    .selectFrom('listings as li')
    .innerJoin('platform_connections as c', 'c.id', 'li.connection_id')
    .select(['li.status', 'li.problems', 'li.delivered_version', 'li.delivered_at', 'li.last_error'])
    .where('li.location_id', '=', location.id)
    .where('li.platform', '=', viaId)
    .where('c.status', '=', 'ACTIVE')
    .execute();
  // Several accounts on the aggregator: the best-delivered one speaks for the store.
  const via = candidates.sort((a, b) => BEST.indexOf(a.status) - BEST.indexOf(b.status))[0];
  if (!via) {
    const problem: ListingProblem = {
      kind: 'ACTION_REQUIRED',
      field: null,
      rule: `${connector.manifest.id}.aggregator.notConnected`,
      message: `${name} takes its data from ${viaName}; connect ${viaName} to publish this store on ${name}.`,
    };
    await setStatus(engine.db, listing, { status: 'ACTION_REQUIRED', reason: `Delivered through ${viaName}, which is not connected.`, problems: [problem] });
    return 'ACTION_REQUIRED';
  }
  if (via.status === 'IN_SYNC' || via.status === 'SUBMITTED') {
    const current = via.delivered_version === location.version;
    const statuses = fieldStatuses(connector.fields, projected.projection, null, projected.notSupported);
    const when = via.delivered_at ? new Date(via.delivered_at).toISOString().slice(0, 10) : 'recently';
    const changed = await setStatus(engine.db, listing, {
      status: current ? 'SUBMITTED' : 'PENDING',
      reason: current
        ? `Delivered through ${viaName} (${when}); ${name} takes the data from there on its own schedule, which Tenpo cannot confirm.`
        : `Waiting for ${viaName} to receive the latest change.`,
      fieldStatus: statuses,
      version: current ? location.version : undefined,
    });
    if (!current) return null;
    return changed ? 'DELIVERED' : 'UNCHANGED';
  }
  if (via.status === 'PENDING') {
    await setStatus(engine.db, listing, { status: 'PENDING', reason: `Waiting for the delivery to ${viaName}.` });
    return null;
  }
  const upstream = (via.problems as ListingProblem[])[0]?.message ?? (via.last_error as { message?: string } | null)?.message ?? `the store is ${via.status.toLowerCase().replace('_', ' ')} there`;
  const problem: ListingProblem = { kind: 'ACTION_REQUIRED', field: (via.problems as ListingProblem[])[0]?.field ?? null, rule: `${connector.manifest.id}.aggregator.blocked`, message: `${name} gets this store only through ${viaName}: ${upstream}` };
  await setStatus(engine.db, listing, { status: 'ACTION_REQUIRED', reason: `${viaName} has not published the store.`, problems: [problem] });
  return 'ACTION_REQUIRED';
}

/**
 * A platform with no automated route: Tenpo prepares the values (Listing.manualTask) and the
 * listing waits for a person to enter them and confirm. It is IN_SYNC only for exactly the
 * values that were confirmed; any change to them opens the task again.
 */
export async function prepareManual(engine: Engine, subject: SyncSubject, connector: Connector, projected: { projection: Projection; notSupported: LocationField[] }): Promise<RunOutcome> {
  const { listing, location } = subject;
  if (connector.manifest.delivery.kind !== 'manual') throw new Error(`${connector.manifest.id} is not a manual platform`);
  const confirmed = (listing.delivered_state as Projection | null) ?? null;
  if (confirmed && listing.delivered_hash === projectionHash(projected.projection)) {
    await recordUnchanged(engine.db, listing, location.version, fieldStatuses(connector.fields, projected.projection, null, projected.notSupported));
    return 'UNCHANGED';
  }
  const problem: ListingProblem = {
    kind: 'ACTION_REQUIRED',
    field: null,
    rule: `${connector.manifest.id}.manual.submit`,
    message: `${connector.manifest.name} has no automated route: enter the prepared values at ${connector.manifest.delivery.submitUrl}, then confirm them in Tenpo.`,
  };
  await setStatus(engine.db, listing, {
    status: 'ACTION_REQUIRED',
    reason: confirmed ? 'The store changed since the values were last confirmed.' : 'Waiting for a person to submit the store.',
    problems: [problem],
    fieldStatus: fieldStatuses(connector.fields, projected.projection, confirmed, projected.notSupported),
  });
  return 'ACTION_REQUIRED';
}

/** Listings of these stores on platforms fed by `platform`, to follow its new state. */
export async function resyncDependants(engine: Engine, db: Transaction<Database>, orgId: string, locationIds: readonly string[], platform: string): Promise<void> {
  const dependants = engine.registry.fedBy(platform);
  if (dependants.length === 0 || locationIds.length === 0) return;
  const rows = await db.selectFrom('listings').select('id').where('location_id', 'in', [...locationIds]).where('platform', 'in', dependants).execute();
  if (rows.length === 0) return;
  await appendOutbox(
    db,
    rows.map((r) => ({ orgId, aggregateType: 'listing' as const, aggregateId: r.id, eventType: 'listing.resync' as const, aggregateVersion: 1, payload: {} })),
  );
}
