import { randomUUID } from 'node:crypto';
import type { Access } from '../auth/access.ts';
import { actorOf, type Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { insertJsonRows } from '../db/jsonInsert.ts';
import { ensureGroups, groupNamesOf, replaceGroupMemberships, sameGroups } from './groups.ts';
import { organizationNotFound, type FieldError, type LocationData } from './model.ts';
import {
  CONTENT_COLUMNS,
  contentColumns,
  contentHash,
  diffLocation,
  findLocationsByStoreCode,
  toColumns,
  toRecord,
  type FieldChange,
  type LocationRecord,
} from './repository.ts';
import { validateGroupNames } from './validateGroups.ts';
import { validateLocation } from './validate.ts';
import { mergePatch } from './merge.ts';
import { recordLocationChanges } from './changes.ts';

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
  row: BulkRow;
  data: LocationData;
  hash: string;
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
  if (!(await access.roleIn(orgId))) return { ok: false, errors: [organizationNotFound()] };
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

/**
 * The write path shared by bulkUpsertLocations and the CSV importer; callers check permission.
 * A row for an existing store code is a patch: fields it leaves out keep their stored values.
 */
export async function upsertBatch(db: Db, orgId: string, actor: Actor, rows: BulkRow[]): Promise<BulkRowResult[]> {
  const results: BulkRowResult[] = rows.map((row, index) => ({
    index,
    storeCode: rawStoreCode(row.input),
    outcome: 'FAILED',
    location: null,
    errors: [],
  }));
  const existing = await findLocationsByStoreCode(
    db,
    orgId,
    [...new Set(results.map((r) => r.storeCode).filter((c): c is string => c !== null))],
  );
  const existingGroups = await groupNamesOf(
    db,
    rows.flatMap((row, i) => {
      const current = existing.get(results[i]!.storeCode ?? '');
      return row.groups && current ? [current.id] : [];
    }),
  );
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  rows.forEach((row, index) => {
    const result = results[index]!;
    const current = existing.get(result.storeCode ?? '') ?? null;
    const p = planRow(index, row, current, current ? (existingGroups.get(current.id) ?? []) : []);
    if (!p.ok) {
      result.errors.push(...p.errors);
      return;
    }
    result.storeCode = p.value.data.storeCode;
    const earlier = seen.get(p.value.data.storeCode);
    if (earlier !== undefined) {
      result.errors.push({
        code: 'DUPLICATE_STORE_CODE',
        path: ['storeCode'],
        message: `Store code "${p.value.data.storeCode}" already appears in row ${earlier + 1} of this batch.`,
      });
      return;
    }
    seen.set(p.value.data.storeCode, index);
    if (p.value.changes.length === 0) Object.assign(result, { outcome: 'UNCHANGED', location: current });
    else planned.push(p.value);
  });
  if (planned.length === 0) return results;

  try {
    const written = await write(db, orgId, actor, planned);
    for (const p of planned) {
      Object.assign(results[p.index]!, { outcome: p.existing ? 'UPDATED' : 'CREATED', location: written.get(p.index)! });
    }
  } catch (err) {
    if (!isRowConflict(err)) throw err;
    for (const p of planned) Object.assign(results[p.index]!, await retryAlone(db, orgId, actor, p));
  }
  return results;
}

/** The store code as sent, to find the stored location before the row is validated. */
function rawStoreCode(input: unknown): string | null {
  if (input && typeof input === 'object' && 'storeCode' in input) {
    const code = (input as { storeCode: unknown }).storeCode;
    return typeof code === 'string' && code.trim() !== '' ? code.trim() : null;
  }
  return null;
}

function planRow(
  index: number,
  row: BulkRow,
  current: LocationRecord | null,
  currentGroups: string[],
): { ok: true; value: Planned } | { ok: false; errors: FieldError[] } {
  const validated = validateLocation(current ? mergePatch(current.data, row.input) : row.input);
  const groups = validateGroupNames(row.groups);
  if (!validated.ok || !groups.ok) {
    return { ok: false, errors: [...(validated.ok ? [] : validated.errors), ...(groups.ok ? [] : groups.errors)] };
  }
  const hash = contentHash(validated.value);
  // Equal hashes mean equal content: the common re-import case skips the field-by-field diff.
  const changes = current?.contentHash === hash ? [] : diffLocation(current?.data ?? null, validated.value);
  if (groups.value && !sameGroups(currentGroups, groups.value)) {
    changes.push({ field: 'groups', from: currentGroups, to: groups.value });
  }
  return {
    ok: true,
    value: { index, row, data: validated.value, hash, groups: groups.value, existing: current, existingGroups: currentGroups, changes },
  };
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
      const rows = await insertJsonRows<{ id: string; store_code: string; version: number; created_at: Date; updated_at: Date }>(
        trx,
        'locations',
        ['id', 'org_id', ...CONTENT_COLUMNS],
        inserts.map((p) => ({ id: randomUUID(), org_id: orgId, ...contentColumns(p.data, p.hash) })),
        ['id', 'store_code', 'version', 'created_at', 'updated_at'],
      );
      // The content is what was sent; only the database's own values come back.
      const byCode = new Map(rows.map((r) => [r.store_code, r]));
      for (const p of inserts) {
        const r = byCode.get(p.data.storeCode)!;
        written.set(p.index, {
          id: r.id,
          orgId,
          version: r.version,
          contentHash: p.hash,
          archivedAt: null,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
          data: p.data,
        });
      }
    }
    for (const p of planned.filter((x) => x.existing)) {
      const row = await trx
        .updateTable('locations')
        .set((eb) => ({ ...toColumns(p.data, p.hash), version: eb('version', '+', 1), updated_at: new Date() }))
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
      await replaceGroupMemberships(
        trx,
        new Map(withGroups.map((p) => [written.get(p.index)!.id, p.groups!.map((n) => ids.get(n)!)])),
      );
    }
    await recordLocationChanges(
      trx,
      actor,
      planned.map((p) => {
        const record = written.get(p.index)!;
        return { orgId, locationId: record.id, version: record.version, action: p.existing ? 'UPDATE' : 'CREATE', changes: p.changes };
      }),
    );
    return written;
  });
}

/** One row in its own transaction, planned again against what the database holds now. */
async function retryAlone(db: Db, orgId: string, actor: Actor, p: Planned): Promise<Partial<BulkRowResult>> {
  const current = (await findLocationsByStoreCode(db, orgId, [p.data.storeCode])).get(p.data.storeCode) ?? null;
  const currentGroups = current ? ((await groupNamesOf(db, [current.id])).get(current.id) ?? []) : [];
  const planned = planRow(p.index, p.row, current, currentGroups);
  if (!planned.ok) return { outcome: 'FAILED', errors: planned.errors };
  const again = planned.value;
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
