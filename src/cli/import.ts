import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { Transform } from 'node:stream';
import cliProgress from 'cli-progress';
import { importLocations, type ImportFailure } from '../import/importer.ts';
import { CsvLayoutError } from '../import/csvLayout.ts';
import { findOrganization } from '../orgs/service.ts';
import { withDatabase } from './database.ts';

const SHOWN_FAILURES = 50;

function describe(f: ImportFailure): string {
  return f.errors.map((e) => `line ${f.line}${f.storeCode ? ` (${f.storeCode})` : ''}: ${e.path.join('.') || 'row'}: ${e.message} [${e.code}]`).join('\n');
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function importCommand(file: string, orgId: string, errorsFile: string | null): Promise<void> {
  const size = statSync(file).size;
  await withDatabase(async ({ db }) => {
    if (!(await findOrganization(db, orgId))) {
      process.stderr.write(`No organisation with id ${orgId}.\n`);
      process.exitCode = 1;
      return;
    }
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: 'importing [{bar}] {percentage}% | {rows} rows | {created} new, {updated} changed, {unchanged} same, {failed} failed', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    bar?.start(size, 0, { rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0 });
    const started = performance.now();
    try {
      const summary = await importLocations(db, {
        orgId,
        actor: { kind: 'SYSTEM', id: null, label: `tenpo import ${file}` },
        source: createReadStream(file).pipe(counter),
        onBatch: (s) => bar?.update(bytes, { ...s }),
      });
      bar?.update(size, { ...summary });
      bar?.stop();
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `${summary.rows} rows in ${seconds.toFixed(1)} s (${Math.round(summary.rows / seconds)} rows/s): ` +
          `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed\n`,
      );
      if (summary.failures.length > 0) {
        process.stderr.write(`${summary.failures.slice(0, SHOWN_FAILURES).map(describe).join('\n')}\n`);
        if (summary.failures.length > SHOWN_FAILURES) {
          process.stderr.write(`… and ${summary.failures.length - SHOWN_FAILURES} more rows with errors${errorsFile ? '' : ' (use --errors FILE for all)'}.\n`);
        }
        if (errorsFile) {
          const lines = ['line,store_code,field,code,message'];
          for (const f of summary.failures) {
            for (const e of f.errors) {
              lines.push([String(f.line), f.storeCode ?? '', e.path.join('.'), e.code, e.message].map(csvCell).join(','));
            }
          }
          writeFileSync(errorsFile, `${lines.join('\n')}\n`);
        }
        process.exitCode = 1;
      }
    } catch (err: unknown) {
      bar?.stop();
      if (err instanceof CsvLayoutError) {
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw err;
    }
  });
}
