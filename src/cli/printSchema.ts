import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSortedSchema } from '../graphql/schema.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

export function printSchemaCommand(check: boolean): void {
  const printed = printSortedSchema();
  if (!check) {
    writeFileSync(SCHEMA_FILE, printed);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (current !== printed) {
    process.stderr.write('schema.graphql is stale: run `npm run schema:print` and commit it.\n');
    process.exit(1);
  }
  process.stdout.write('schema.graphql is up to date.\n');
}
