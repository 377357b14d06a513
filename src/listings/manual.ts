import type { Connector, JsonValue, Projection } from '../../connectors/runtime/connector.ts';
import type { Access } from '../auth/access.ts';
import type { ListingRow, LocationRow } from '../db/schema.ts';
import { canonicalJson } from '../lib/canonicalJson.ts';
import { fieldError, type LocationField, type Result } from '../locations/model.ts';
import { toRecord } from '../locations/repository.ts';
import type { Engine } from './engine.ts';
import { displayValue, wordsFor } from './manualValues.ts';
import { fieldStatuses, projectionHash } from './state.ts';

/**
 * A manual platform's task: the exact values to enter on the platform, in its language,
 * which of them changed since the last confirmation, and the hash a confirmation must quote so
 * that a person never confirms values other than the ones they were shown.
 */
export interface ManualTask {
  submitUrl: string;
  values: { key: string; label: string; value: string; changed: boolean }[];
  valuesHash: string;
  confirmedAt: Date | null;
}

export function manualTaskOf(connector: Connector, listing: ListingRow, location: LocationRow): ManualTask | null {
  return preparedTask(connector, listing, location)?.task ?? null;
}

/** The task and the projection it was made from, which a confirmation records as delivered. */
function preparedTask(connector: Connector, listing: ListingRow, location: LocationRow): { task: ManualTask; projection: Projection; notSupported: LocationField[] } | null {
  if (connector.manifest.delivery.kind !== 'manual') return null;
  const projected = connector.project(toRecord(location).data, { settings: {} });
  if (!projected.ok) return null;
  const confirmed = (listing.delivered_state as Projection | null) ?? null;
  const same = (a: JsonValue | undefined, b: JsonValue | undefined) => canonicalJson(a) === canonicalJson(b);
  const words = wordsFor(connector.manifest);
  const task = {
    submitUrl: connector.manifest.delivery.submitUrl,
    values: Object.keys(connector.fields)
      .filter((key) => projected.projection[key] !== undefined)
      .map((key) => ({ key, label: words.labels[key] ?? key, value: displayValue(words, key, projected.projection[key]!), changed: !same(projected.projection[key], confirmed?.[key]) })),
    valuesHash: projectionHash(projected.projection),
    confirmedAt: listing.confirmed_at,
  };
  return { task, projection: projected.projection, notSupported: projected.notSupported };
}

/** A person entered the task's values on the platform: the listing is IN_SYNC for exactly those values. */
export async function confirmManualListing(engine: Engine, access: Access, input: { listingId: string; valuesHash: string }): Promise<Result<string>> {
  const notFound = fieldError('NOT_FOUND', ['listing'], 'No such listing, or you may not see it.');
  const listing = await engine.db.selectFrom('listings').selectAll().where('id', '=', input.listingId).executeTakeFirst();
  if (!listing || !(await access.canSeeLocation({ id: listing.location_id, org_id: listing.org_id }))) return { ok: false, errors: [notFound] };
  if (!(await access.can(listing.org_id, 'manageLocations'))) return { ok: false, errors: [fieldError('FORBIDDEN', [], 'Your role may not confirm listings.')] };
  const connector = engine.registry.get(listing.platform);
  const location = await engine.db.selectFrom('locations').selectAll().where('id', '=', listing.location_id).executeTakeFirstOrThrow();
  const prepared = connector && preparedTask(connector, listing, location);
  if (!connector || !prepared) return { ok: false, errors: [fieldError('INVALID_STATE', ['listing'], 'This listing is not one a person submits by hand, or the store cannot be published there yet (see its problems).')] };
  const { task, projection, notSupported } = prepared;
  if (task.valuesHash !== input.valuesHash) {
    return { ok: false, errors: [fieldError('VERSION_CONFLICT', ['valuesHash'], 'The store changed since these values were shown; enter the current values and confirm again.')] };
  }
  const now = new Date();
  await engine.db
    .updateTable('listings')
    .set({
      status: 'IN_SYNC',
      status_reason: 'Confirmed by a person.',
      delivered_state: JSON.stringify(projection),
      delivered_hash: task.valuesHash,
      delivered_version: location.version,
      delivered_at: now,
      platform_listing_id: listing.platform_listing_id ?? location.store_code,
      field_status: JSON.stringify(fieldStatuses(connector.fields, projection, null, notSupported)),
      problems: '[]',
      last_error: null,
      confirmed_by: access.principal.kind === 'USER' ? access.principal.userId : null,
      confirmed_at: now,
      updated_at: now,
    })
    .where('id', '=', listing.id)
    .execute();
  return { ok: true, value: listing.id };
}
