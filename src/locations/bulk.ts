import { randomUUID } from 'node:crypto';
import type { Access } from '../auth/access.ts';
import { actorOf, type Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { appendOutbox, type OutboxEvent } from '../outbox/repository.ts';
import { ensureGroups, groupNamesOf, replaceGroupMembership, sameGroups } from './groups.ts';
import type { FieldError, LocationData } from './model.ts';
import {
  diffLocation,
  findLocationsByStoreCode,
  insertAudit,
  toColumns,
  toRecord,
  type FieldChange,
  type LocationRecord,
} from './repository.ts';
import { validateGroupNames } from './validateGroups.ts';
import { validateLocation } from './validate.ts';

export const MAX_BULK_ROWS = 1000;

export interface BulkRow {
  input: unknown;
  /** Null leaves an existing location's groups as they are. */
  groups?: string[] | null;
}

export type BulkOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';

export interface BulkRowResult {
  index: number;
  storeCode: string | null;
  outcome: BulkOutcome;
  location: LocationRecord | null;
  errors: FieldError[];
}

interface Planned {
  index: number;
  data: LocationData;
  groups: string[] | null;
  existing: LocationRecord | null;
  existingGroups: string[];
  changes: FieldChange[];
}

export type BulkResult = { ok: true; rows: BulkRowResult[] } | { ok: false; errors: FieldError[] };

/**
 * Creates or updates locations keyed by store code. Each row is whole or not at all: rows are
 * written together in one transaction for speed, and if that transaction fails on a row the
 * batch is replayed one row per transaction so that only the bad row fails.
 */
export async function bulkUpsertLocations(db: Db, access: Access, orgId: string, rows: BulkRow[]): Promise<BulkResult> {
  if (!(await access.roleIn(orgId))) return { ok: false, errors: [{ code: 'NOT_FOUND', path: ['orgId'], message: 'No such organisation.' }] };
  if (!(await access.can(orgId, 'manageLocations'))) {
    return { ok: false, errors: [{ code: 'FORBIDDEN', path: [], message: 'Your role may not bulk upsert locations.' }] };
  }
  if (rows.length > MAX_BULK_ROWS) {
    return {
      ok: false,
      errors: [{ code: 'INVALID_INPUT', path: ['rows'], message: `At most ${MAX_BULK_ROWS} rows per call; split the batch.` }],
    };
  }
  return { ok: true, rows: await upsertBatch(db, orgId, actorOf(access.principal), rows) };
}

/** The write path shared by bulkUpsertLocations and the CSV importer; callers check permission. */
export async function upsertBatch(db: Db, orgId: string, actor: Actor, rows: BulkRow[]): Promise<BulkRowResult[]> {
  const results: BulkRowResult[] = rows.map((_, index) => ({
    index,
    storeCode: null,
    outcome: 'FAILED',
    location: null,
    errors: [],
  }));
  const valid: { index: number; data: LocationData; groups: string[] | null }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const result = results[index]!;
    const validated = validateLocation(row.input);
    const groups = validateGroupNames(row.groups);
    if (!validated.ok) result.errors.push(...validated.errors);
    if (!groups.ok) result.errors.push(...groups.errors);
    if (!validated.ok || !groups.ok) {
      result.storeCode = storeCodeOf(row.input);
      return;
    }
    result.storeCode = validated.value.storeCode;
    const earlier = seen.get(validated.value.storeCode);
    if (earlier !== undefined) {
      result.errors.push({
        code: 'DUPLICATE_STORE_CODE',
        path: ['storeCode'],
        message: `Store code "${validated.value.storeCode}" already appears in row ${earlier + 1} of this batch.`,
      });
      return;
    }
    seen.set(validated.value.storeCode, index);
    valid.push({ index, data: validated.value, groups: groups.value });
  });

  const planned = await plan(db, orgId, valid);
  for (const p of planned) {
    if (p.changes.length === 0) {
      Object.assign(results[p.index]!, { outcome: 'UNCHANGED', location: p.existing });
    }
  }
  const toWrite = planned.filter((p) => p.changes.length > 0);
  if (toWrite.length === 0) return results;

  try {
    const written = await write(db, orgId, actor, toWrite);
    for (const p of toWrite) {
      Object.assign(results[p.index]!, { outcome: p.existing ? 'UPDATED' : 'CREATED', location: written.get(p.index)! });
    }
  } catch (err) {
    if (!isRowConflict(err)) throw err;
    for (const p of toWrite) {
      const retry = await retryAlone(db, orgId, actor, p);
      Object.assign(results[p.index]!, retry);
    }
  }
  return results;
}

function storeCodeOf(input: unknown): string | null {
  if (input && typeof input === 'object' && 'storeCode' in input) {
    const code = (input as { storeCode: unknown }).storeCode;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

async function plan(
  db: Db,
  orgId: string,
  valid: { index: number; data: LocationData; groups: string[] | null }[],
): Promise<Planned[]> {
  const existing = await findLocationsByStoreCode(
    db,
    orgId,
    valid.map((v) => v.data.storeCode),
  );
  const needGroups = valid.filter((v) => v.groups && existing.has(v.data.storeCode));
  const existingGroups = await groupNamesOf(
    db,
    needGroups.map((v) => existing.get(v.data.storeCode)!.id),
  );
  return valid.map((v) => {
    const current = existing.get(v.data.storeCode) ?? null;
    const beforeGroups = current ? (existingGroups.get(current.id) ?? []) : [];
    const changes = diffLocation(current?.data ?? null, v.data);
    if (v.groups && !sameGroups(beforeGroups, v.groups)) changes.push({ field: 'groups', from: beforeGroups, to: v.groups });
    return { index: v.index, data: v.data, groups: v.groups, existing: current, existingGroups: beforeGroups, changes };
  });
}

class StaleRowError extends Error {}

function isRowConflict(err: unknown): boolean {
  return err instanceof StaleRowError || isUniqueViolation(err, 'locations_org_store_code_uq');
}

async function write(db: Db, orgId: string, actor: Actor, planned: Planned[]): Promise<Map<number, LocationRecord>> {
  return db.transaction().execute(async (trx) => {
    const written = new Map<number, LocationRecord>();
    const inserts = planned.filter((p) => !p.existing);
    if (inserts.length > 0) {
      const rows = await trx
        .insertInto('locations')
        .values(inserts.map((p) => ({ id: randomUUID(), org_id: orgId, ...toColumns(p.data) })))
        .returningAll()
        .execute();
      const byCode = new Map(rows.map((r) => [r.store_code, r]));
      for (const p of inserts) written.set(p.index, toRecord(byCode.get(p.data.storeCode)!));
    }
    for (const p of planned.filter((x) => x.existing)) {
      const row = await trx
        .updateTable('locations')
        .set((eb) => ({ ...toColumns(p.data), version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', p.existing!.id)
        .where('version', '=', p.existing!.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new StaleRowError(p.data.storeCode);
      written.set(p.index, toRecord(row));
    }
    const withGroups = planned.filter((p) => p.groups && !sameGroups(p.existingGroups, p.groups));
    if (withGroups.length > 0) {
      const ids = await ensureGroups(trx, orgId, withGroups.flatMap((p) => p.groups!));
      for (const p of withGroups) {
        await replaceGroupMembership(trx, written.get(p.index)!.id, p.groups!.map((n) => ids.get(n)!));
      }
    }
    const audits = planned.map((p) => {
      const record = written.get(p.index)!;
      return {
        orgId,
        locationId: record.id,
        version: record.version,
        action: p.existing ? ('UPDATE' as const) : ('CREATE' as const),
        actor,
        changes: p.changes,
      };
    });
    await insertAudit(trx, audits);
    const events: OutboxEvent[] = planned.map((p) => {
      const record = written.get(p.index)!;
      return {
        orgId,
        aggregateType: 'location',
        aggregateId: record.id,
        eventType: p.existing ? 'location.updated' : 'location.created',
        aggregateVersion: record.version,
        payload: { changedFields: p.changes.map((c) => c.field) },
      };
    });
    await appendOutbox(trx, events);
    return written;
  });
}

/** One row in its own transaction, re-planned against what the database holds now. */
async function retryAlone(db: Db, orgId: string, actor: Actor, p: Planned): Promise<Partial<BulkRowResult>> {
  const [again] = await plan(db, orgId, [{ index: p.index, data: p.data, groups: p.groups }]);
  if (!again) throw new Error('re-planning a bulk row returned nothing');
  if (again.changes.length === 0) return { outcome: 'UNCHANGED', location: again.existing };
  try {
    const written = await write(db, orgId, actor, [again]);
    return { outcome: again.existing ? 'UPDATED' : 'CREATED', location: written.get(p.index)! };
  } catch (err) {
    if (isUniqueViolation(err, 'locations_org_store_code_uq')) {
      return {
        outcome: 'FAILED',
        errors: [{ code: 'DUPLICATE_STORE_CODE', path: ['storeCode'], message: `Store code "${p.data.storeCode}" was taken by a concurrent write; retry the row.` }],
      };
    }
    if (err instanceof StaleRowError) {
      return {
        outcome: 'FAILED',
        errors: [{ code: 'VERSION_CONFLICT', path: [], message: 'The location changed while this row was written; retry the row.' }],
      };
    }
    throw err;
  }
}
