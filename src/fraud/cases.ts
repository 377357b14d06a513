import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { FraudCasesTable } from '../db/fraudSchema.ts';
import type { CaseStatus, ScreeningKind } from './model.ts';

/** `created_key`: created_at at full precision, for cursors (a Date keeps only milliseconds). */
export type FraudCaseRow = Selectable<FraudCasesTable> & { kind: string; score: number; created_key: string };

function cases(db: Db) {
  return db
    .selectFrom('fraud_cases as c')
    .innerJoin('fraud_decisions as d', 'd.id', 'c.decision_id')
    .selectAll('c')
    .select(['d.kind', 'd.score', sql<string>`c.created_at::text`.as('created_key')]);
}

export function findCase(db: Db, id: string): Promise<FraudCaseRow | undefined> {
  return cases(db).where('c.id', '=', id).executeTakeFirst();
}

/**
 * The case queue: oldest open case first, so nothing waits forever; `after` is the last
 * (created_at, id) seen.
 */
export function listCases(
  db: Db,
  orgId: string,
  filter: { status: CaseStatus | null; kind: ScreeningKind | null },
  after: { createdKey: string; id: string } | null,
  limit: number,
): Promise<FraudCaseRow[]> {
  let q = cases(db).where('c.org_id', '=', orgId);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.kind) q = q.where('d.kind', '=', filter.kind);
  if (after) q = q.where(sql<boolean>`(c.created_at, c.id) > (${after.createdKey}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('c.created_at').orderBy('c.id').limit(limit).execute();
}
