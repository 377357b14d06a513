import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Inserts many rows as one JSON parameter expanded by PostgreSQL (jsonb_populate_recordset),
 * instead of one bind parameter per cell: a 500-row batch of wide rows otherwise spends most of
 * its time building and binding thousands of parameters in Node. jsonb columns take nested JSON
 * values as they are. Columns left out of `columns` get their defaults.
 */
export async function insertJsonRows<R extends Record<string, unknown>>(
  trx: Transaction<Database>,
  table: keyof Database,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  returning: readonly string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const returningClause = returning.length ? sql` returning ${sql.join(returning.map((c) => sql.ref(c)))}` : sql``;
  const result = await sql<R>`insert into ${sql.table(table)} (${cols})
    select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)${returningClause}`.execute(trx);
  return result.rows;
}
