import { sql } from 'kysely';
import type { JsonValue } from '../../connectors/runtime/connector.ts';
import type { Access } from '../auth/access.ts';
import { actorOf } from '../auth/principal.ts';
import type { SuggestedEditRow } from '../db/schema.ts';
import { fieldError, type FieldError, type Result } from '../locations/model.ts';
import { findLocation } from '../locations/repository.ts';
import { updateLocation } from '../locations/service.ts';
import { appendOutbox } from '../outbox/repository.ts';
import type { Engine } from './engine.ts';

/**
 * A person's decision on a platform-side edit. Accepting copies the platform's value into the
 * store (an ordinary edit: audit, outbox, and the sync that follows settles it on the platform);
 * rejecting delivers our value for that key again, which overrides the platform's.
 */
const notFound = (): FieldError => fieldError('NOT_FOUND', ['id'], 'No such suggested edit, or you may not see it.');

async function openEdit(engine: Engine, access: Access, id: string): Promise<Result<SuggestedEditRow>> {
  const edit = await engine.db.selectFrom('suggested_edits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!edit || !(await access.canSeeLocation({ id: edit.location_id, org_id: edit.org_id }))) return { ok: false, errors: [notFound()] };
  if (!(await access.can(edit.org_id, 'editLocation'))) return { ok: false, errors: [fieldError('FORBIDDEN', [], 'Your role may not edit locations.')] };
  if (edit.status !== 'OPEN') {
    return { ok: false, errors: [fieldError('VERSION_CONFLICT', ['id'], `This suggestion was already ${edit.status.toLowerCase()}.`)] };
  }
  return { ok: true, value: edit };
}

async function decide(engine: Engine, id: string, status: 'ACCEPTED' | 'REJECTED', by: string): Promise<SuggestedEditRow | undefined> {
  return engine.db
    .updateTable('suggested_edits')
    .set({ status, decided_at: new Date(), decided_by: by })
    .where('id', '=', id)
    .where('status', '=', 'OPEN')
    .returningAll()
    .executeTakeFirst();
}

export async function acceptSuggestedEdit(engine: Engine, access: Access, id: string): Promise<Result<SuggestedEditRow>> {
  const found = await openEdit(engine, access, id);
  if (!found.ok) return found;
  const edit = found.value;
  const listing = await engine.db.selectFrom('listings').select(['platform']).where('id', '=', edit.listing_id).executeTakeFirstOrThrow();
  const connector = engine.registry.get(listing.platform);
  const location = await findLocation(engine.db, edit.location_id);
  if (!connector || !location) return { ok: false, errors: [notFound()] };
  const patch = connector.toLocationPatch(edit.projection_key, (edit.platform_value ?? undefined) as JsonValue | undefined, location.data);
  if (!patch) {
    return {
      ok: false,
      errors: [fieldError('INVALID_INPUT', ['id'], `${connector.manifest.name}'s value for ${edit.projection_key} cannot be expressed in Tenpo; edit the store by hand or reject the suggestion.`)],
    };
  }
  const written = await updateLocation(engine.db, access, { id: location.id, expectedVersion: location.version, patch, groups: null });
  if (!written.ok) return { ok: false, errors: written.errors };
  const decided = await decide(engine, id, 'ACCEPTED', actorOf(access.principal).label);
  return decided ? { ok: true, value: decided } : { ok: false, errors: [notFound()] };
}

export async function rejectSuggestedEdit(engine: Engine, access: Access, id: string): Promise<Result<SuggestedEditRow>> {
  const found = await openEdit(engine, access, id);
  if (!found.ok) return found;
  const edit = found.value;
  const decided = await engine.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('suggested_edits')
      .set({ status: 'REJECTED', decided_at: new Date(), decided_by: actorOf(access.principal).label })
      .where('id', '=', id)
      .where('status', '=', 'OPEN')
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable('listings')
      .set({ force_keys: sql`(select coalesce(jsonb_agg(distinct k), '[]'::jsonb) from jsonb_array_elements_text(force_keys || ${JSON.stringify([edit.projection_key])}::jsonb) k)`, status: 'PENDING', updated_at: new Date() })
      .where('id', '=', edit.listing_id)
      .execute();
    await appendOutbox(trx, [{ orgId: edit.org_id, aggregateType: 'listing', aggregateId: edit.listing_id, eventType: 'listing.resync', aggregateVersion: 1, payload: {} }]);
    return row;
  });
  return decided ? { ok: true, value: decided } : { ok: false, errors: [notFound()] };
}
