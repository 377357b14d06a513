/** The printed summary: one table for the HTTP scenarios and the import, then ratios against the aims. */
import type { CpuShare } from './cpu.ts';
import type { ImportPhases, ImportRun } from './importBench.ts';
import type { LoadResult } from './load.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);
const pct = (n: number | null) => (n === null ? '?' : String(Math.round(n)));
const cpuCell = (cpu: CpuShare) => `${pct(cpu.server)}/${pct(cpu.self)}/${pct(cpu.postgres)}/${pct(cpu.other)}`;

export interface Header {
  cores: number;
  postgres: string;
  duration: number;
  connections: number;
}

export interface ImportReport {
  rows: number;
  first: ImportRun;
  second: ImportRun;
  phases: ImportPhases | null;
  csvBytes: number;
}

export const LOCATIONS_AIM = 0.4;
export const IMPORT_AIM = 20_000;

export function formatSummary(header: Header, http: LoadResult[], imports: ImportReport | null): string {
  const hello = http[0]!;
  const lines = [
    `bench:api  (${header.cores} cores, PostgreSQL ${header.postgres}, ${header.duration} s x ${header.connections} connections)`,
    `${pad('scenario', 26)}${lpad('req/s', 10)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('errors', 9)}${lpad('ratio vs hello', 16)}   cpu% server/loadgen/pg/other`,
  ];
  for (const r of http) {
    const ratio = r === hello ? '' : (r.rps / hello.rps).toFixed(2);
    lines.push(`${pad(r.name, 26)}${lpad(int(r.rps), 10)}${lpad(ms(r.p50), 9)}${lpad(ms(r.p99), 9)}${lpad(int(r.errors), 9)}${lpad(ratio, 16)}   ${cpuCell(r.cpu)}`);
  }
  if (imports) {
    const { first, second } = imports;
    const errors = (run: ImportRun) => lpad(int(run.summary.failed), 9);
    lines.push(
      `${pad(`import ${int(imports.rows)} rows`, 26)}${lpad(int(first.rowsPerSecond), 10)} rows/s (aim >= ${int(IMPORT_AIM)})  ${first.seconds.toFixed(1)} s ${errors(first)} failed   cpu% node/pg/other ${pct(first.cpu.self)}/${pct(first.cpu.postgres)}/${pct(first.cpu.other)}`,
      `${pad('re-import unchanged', 26)}${lpad(int(second.rowsPerSecond), 10)} rows/s                     ${second.seconds.toFixed(1)} s ${errors(second)} failed   cpu% node/pg/other ${pct(second.cpu.self)}/${pct(second.cpu.postgres)}/${pct(second.cpu.other)}`,
    );
  }
  lines.push(
    '',
    `cpu% is of one core (the machine has ${header.cores * 100}): server process / load generator (autocannon, or the importer) / PostgreSQL / ` +
      'anything else on the machine (another job running here makes every number above lower; rerun when "other" is high).',
  );
  lines.push(...verdicts(http, imports));
  return lines.join('\n');
}

function verdicts(http: LoadResult[], imports: ImportReport | null): string[] {
  const [hello, ...rest] = http;
  const out: string[] = [];
  for (const r of rest) {
    const ratio = r.rps / hello!.rps;
    const aim = r.name.startsWith('locations') ? ` (aim >= ${LOCATIONS_AIM.toFixed(2)}: ${ratio >= LOCATIONS_AIM ? 'met' : 'MISSED'})` : '';
    out.push(`ratio ${r.name} / hello = ${int(r.rps)} / ${int(hello!.rps)} = ${ratio.toFixed(2)}${aim}`);
  }
  if (imports) {
    const { first, second, phases } = imports;
    out.push(
      `import: ${int(first.rowsPerSecond)} rows/s (aim >= ${int(IMPORT_AIM)}: ${first.rowsPerSecond >= IMPORT_AIM ? 'met' : 'MISSED'}); ` +
        `created ${int(first.summary.created)}, failed ${int(first.summary.failed)}; re-import unchanged ${int(second.summary.unchanged)} of ${int(second.summary.rows)}, CSV ${(imports.csvBytes / 1e6).toFixed(1)} MB`,
    );
    if (phases) {
      // Time per row of each phase, so the import's wall time can be split: what is not
      // reading or validating is upsertBatch's planning and writing (PostgreSQL round trips).
      const readUs = 1e6 / phases.readRate;
      const validateUs = 1e6 / phases.readValidateRate - readUs;
      const perRow = (run: ImportRun) => (run.seconds * 1e6) / run.summary.rows;
      out.push(
        `import phases per row (warm passes over ${int(phases.rows)} rows, no database): read CSV ${readUs.toFixed(0)} us (${int(phases.readRate)} rows/s), ` +
          `validateLocation ${validateUs.toFixed(0)} us; whole import ${perRow(first).toFixed(0)} us, so plan + write ~${(perRow(first) - readUs - validateUs).toFixed(0)} us; ` +
          `re-import ${perRow(second).toFixed(0)} us, so plan ~${(perRow(second) - readUs - validateUs).toFixed(0)} us`,
      );
    }
  }
  return out;
}

export function formatFailures(http: LoadResult[]): string[] {
  return http.flatMap((r) => [...r.failures.entries()].map(([what, count]) => `  ${r.name}: ${int(count)} x ${what}`));
}
