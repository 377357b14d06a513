/**
 * The start command rebuilds the dashboard only when a stamp of its inputs changes, so every
 * server module the app imports must be one of those inputs, or an edit to it would be served stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SHARED_SOURCES } from '../../src/dashboard/build.ts';

const APP = path.resolve(import.meta.dirname, '../../src/dashboard/app');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

it('counts every server module the app imports among the inputs of its build', () => {
  const imported = new Set<string>();
  for (const file of files(APP).filter((f) => /\.tsx?$/.test(f))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      if (!target.startsWith(APP)) imported.add(target);
    }
  }
  expect(imported.size).toBeGreaterThan(0);
  expect([...imported].sort()).toEqual([...SHARED_SOURCES].sort());
});
