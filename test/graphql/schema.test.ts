import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printSortedSchema } from '../../src/graphql/schema.ts';

it('schema.graphql is what the code prints (run `npm run schema:print` after changing the API)', () => {
  const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
  expect(committed).toBe(printSortedSchema());
});
