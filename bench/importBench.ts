/**
 * The CSV import scenario: write a generated file with writeLocationCsv, import it into a fresh
 * organisation, import it again (every row unchanged), and optionally time the import's
 * phases on their own so a slow import can be attributed to parsing, validation or the database.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Actor } from '../src/auth/principal.ts';
import type { Db } from '../src/db/database.ts';
import { importLocations, type ImportSummary } from '../src/import/importer.ts';
import { readLocationCsv, writeLocationCsv } from '../src/import/csvLayout.ts';
import { validateLocation } from '../src/locations/validate.ts';
import { cpuMeter, type CpuShare } from './cpu.ts';
import { EXTRA_LOCALES, benchLocations } from './dataset.ts';

const ACTOR: Actor = { kind: 'SYSTEM', id: null, label: 'bench:api' };

export async function writeBenchCsv(file: string, rows: number): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  const out = createWriteStream(file);
  await writeLocationCsv(benchLocations(rows), out, { locales: EXTRA_LOCALES });
  out.end();
  await once(out, 'finish');
  return { bytes: (await stat(file)).size, seconds: (performance.now() - started) / 1000 };
}

export interface ImportRun {
  summary: ImportSummary;
  seconds: number;
  rowsPerSecond: number;
  cpu: CpuShare;
}

export async function timeImport(db: Db, orgId: string, file: string): Promise<ImportRun> {
  const stopMeter = await cpuMeter();
  const started = performance.now();
  const summary = await importLocations(db, { orgId, actor: ACTOR, source: file });
  const seconds = (performance.now() - started) / 1000;
  return { summary, seconds, rowsPerSecond: summary.rows / seconds, cpu: await stopMeter() };
}

export interface ImportPhases {
  rows: number;
  /** readLocationCsv alone (decoding, csv-parse, building the inputs), rows/s. */
  readRate: number;
  /** The same plus validateLocation on each row, i.e. everything before the database, rows/s. */
  readValidateRate: number;
}

/**
 * Separate passes over the first `rows` rows without the database, to split the import's time
 * into parsing, validation and the rest; a sample keeps them short, and rates are what matter.
 */
export async function timeImportPhases(file: string, rows: number): Promise<ImportPhases> {
  const pass = async (validate: boolean): Promise<number> => {
    const started = performance.now();
    let seen = 0;
    for await (const record of readLocationCsv(file)) {
      if (!record.ok || (validate && !validateLocation(record.input).ok)) throw new Error(`line ${record.line} does not read or validate`);
      if (++seen >= rows) break;
    }
    return seen / ((performance.now() - started) / 1000);
  };
  const readRate = await pass(false);
  return { rows, readRate, readValidateRate: await pass(true) };
}

/** The first failures, for the report: a benchmark whose rows fail is measuring the wrong thing. */
export function describeFailures(summary: ImportSummary, max = 3): string[] {
  return summary.failures.slice(0, max).map((f) => `line ${f.line} (${f.storeCode ?? '?'}): ${f.errors.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
}
