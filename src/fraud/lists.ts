import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { FraudListEntriesTable } from '../db/fraudSchema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { fieldError, type Result } from '../locations/model.ts';
import { sql, type Selectable } from 'kysely';
import type { FraudEngine } from './engine.ts';
import { identityValue, scopeOf } from './identity.ts';
import type { EntityKind, ListName } from './model.ts';

export type ListEntryRow = Selectable<FraudListEntriesTable>;

export interface NewListEntry {
  list: ListName;
  kind: EntityKind;
  /** The raw value as a person types it; normalized and hashed like a screening's identities. */
  value: string;
  /** For an address: its country (JP by default). */
  country?: string | undefined;
  reason: string;
  startsAt?: Date | undefined;
  expiresAt?: Date | undefined;
}

/** Adds an identity to the organisation's allow or block list; only its hash and a masked form are kept. */
export async function addListEntry(engine: FraudEngine, actor: Actor, orgId: string, entry: NewListEntry): Promise<Result<ListEntryRow>> {
  const { db, hash } = engine;
  // Read the way screenings read addresses, so the entry matches them.
  const registered = entry.kind === 'ADDRESS' && engine.normalizeAddress ? await engine.normalizeAddress(entry.value) : null;
  const id = identityValue(entry.kind, entry.value, entry.country, registered ? () => registered : undefined);
  if (!id) return { ok: false, errors: [fieldError('INVALID_INPUT', ['value'], `Not a valid ${entry.kind.toLowerCase()}.`)] };
  const reason = entry.reason.trim();
  if (!reason || reason.length > 500) return { ok: false, errors: [fieldError('INVALID_INPUT', ['reason'], 'Give a reason of 1 to 500 characters.')] };
  if (entry.expiresAt && entry.expiresAt <= (entry.startsAt ?? new Date())) {
    return { ok: false, errors: [fieldError('INVALID_INPUT', ['expiresAt'], 'Must be after the start.')] };
  }
  try {
    const row = await db
      .insertInto('fraud_list_entries')
      .values({
        id: randomUUID(),
        org_id: orgId,
        list: entry.list,
        kind: entry.kind,
        key_hash: hash(entry.kind, id.value, scopeOf(entry.kind, orgId)),
        display: id.display,
        reason,
        ...(entry.startsAt ? { starts_at: entry.startsAt } : {}),
        expires_at: entry.expiresAt ?? null,
        created_by: actor.label,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, value: row };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, errors: [fieldError('INVALID_INPUT', ['value'], `Already on the ${entry.list.toLowerCase()} list.`)] };
    throw err;
  }
}

export async function removeListEntry(db: Db, orgId: string, id: string): Promise<Result<ListEntryRow>> {
  const row = await db.deleteFrom('fraud_list_entries').where('id', '=', id).where('org_id', '=', orgId).returningAll().executeTakeFirst();
  return row ? { ok: true, value: row } : { ok: false, errors: [fieldError('NOT_FOUND', ['id'], 'No such list entry.')] };
}

/** Newest first; `after` is the last (created_key, id) seen. */
export function listEntries(db: Db, orgId: string, list: ListName | null, after: { createdKey: string; id: string } | null, limit: number) {
  let q = db.selectFrom('fraud_list_entries').selectAll().select(sql<string>`created_at::text`.as('created_key')).where('org_id', '=', orgId);
  if (list) q = q.where('list', '=', list);
  if (after) q = q.where(sql<boolean>`(created_at, id) < (${after.createdKey}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
