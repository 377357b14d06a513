import type { UserError } from '../api/client.ts';

export type ErrorsByPath = ReadonlyMap<string, UserError[]>;

const pathKey = (path: readonly string[]): string => path.join('.');

export function errorsByPath(errors: readonly UserError[]): ErrorsByPath {
  const map = new Map<string, UserError[]>();
  for (const error of errors) {
    const key = pathKey(error.path);
    map.set(key, [...(map.get(key) ?? []), error]);
  }
  return map;
}

/** Errors no input on the form shows, so they are listed at the top instead of being lost. */
export function unplacedErrors(errors: readonly UserError[], placed: ReadonlySet<string>): UserError[] {
  return errors.filter((e) => !placed.has(pathKey(e.path)));
}
