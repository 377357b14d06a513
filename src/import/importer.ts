import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { upsertBatch, type BulkRow } from '../locations/bulk.ts';
import type { FieldError } from '../locations/model.ts';
import { readLocationCsv } from './csvLayout.ts';

export interface ImportFailure {
  line: number;
  storeCode: string | null;
  errors: FieldError[];
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: ImportFailure[];
}

export const IMPORT_BATCH_ROWS = 500;
const ANALYZE_AFTER_ROWS = 5_000;

/**
 * Reads a location CSV and upserts it by store code in batches. Rows with layout or
 * validation errors are reported with their line numbers and the rest go in; a row that is
 * identical to what is stored changes nothing, so re-running a file is a no-op.
 */
export async function importLocations(
  db: Db,
  options: { orgId: string; actor: Actor; source: Readable | string; onBatch?: (summary: ImportSummary) => void },
): Promise<ImportSummary> {
  const summary: ImportSummary = { rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, failures: [] };
  let batch: { line: number; row: BulkRow }[] = [];
  // One batch is written while the next is read: CSV parsing then runs during the database's
  // round trips instead of after them.
  let writing: Promise<void> = Promise.resolve();

  const write = async (rows: { line: number; row: BulkRow }[]) => {
    const results = await upsertBatch(
      db,
      options.orgId,
      options.actor,
      rows.map((b) => b.row),
    );
    results.forEach((r, i) => {
      if (r.outcome === 'CREATED') summary.created++;
      else if (r.outcome === 'UPDATED') summary.updated++;
      else if (r.outcome === 'UNCHANGED') summary.unchanged++;
      else {
        summary.failed++;
        summary.failures.push({ line: rows[i]!.line, storeCode: r.storeCode, errors: r.errors });
      }
    });
    options.onBatch?.(summary);
  };
  const flush = async () => {
    await writing;
    if (batch.length === 0) return;
    writing = write(batch);
    // Marked handled now; the failure still surfaces at the next `await writing`.
    writing.catch(() => {});
    batch = [];
  };

  for await (const record of readLocationCsv(options.source)) {
    summary.rows++;
    if (!record.ok) {
      summary.failed++;
      summary.failures.push({ line: record.line, storeCode: record.storeCode, errors: record.errors });
      continue;
    }
    batch.push({ line: record.line, row: { input: record.input, groups: record.groups.length ? record.groups : null } });
    if (batch.length >= IMPORT_BATCH_ROWS) await flush();
  }
  await flush();
  await writing;
  // A large import changes the table faster than autovacuum's statistics follow; fresh ones
  // keep the planner on the right indexes for the next import and for lists.
  if (summary.created + summary.updated >= ANALYZE_AFTER_ROWS) await sql`analyze locations`.execute(db);
  summary.failures.sort((a, b) => a.line - b.line);
  return summary;
}
