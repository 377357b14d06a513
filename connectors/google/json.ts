/**
 * Proto3 JSON canonical form. Google leaves out default values when it answers (empty strings
 * and lists, 0, false, unset messages), so the projection and what read-back finds go through
 * the same function: equal content then has equal JSON whichever side wrote it.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { JsonObject } from './keys.ts';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` without proto3 defaults; undefined when nothing is left of a scalar or list. */
export function canonical(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined || value === '' || value === 0 || value === false) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    // List elements keep their position even when empty: `[{}]` is not `[]`.
    const items = value.map((v) => canonical(v) ?? {});
    return items.length > 0 ? items : undefined;
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const c = canonical(v);
      if (c !== undefined) out[k] = c;
    }
    // An empty message is still a set message (a midnight TimeOfDay is `{}`).
    return out;
  }
  return undefined;
}

/** Copies only the named members of a Google message, canonically. */
export function pick(source: unknown, keys: readonly string[]): JsonObject | undefined {
  if (!isObject(source)) return undefined;
  const out: JsonObject = {};
  for (const k of keys) {
    const c = canonical(source[k]);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function setPath(obj: JsonObject, path: string, value: JsonValue): void {
  const keys = path.split('.');
  const leaf = keys.pop() as string;
  let cur = obj;
  for (const key of keys) {
    const next = cur[key];
    if (!isObject(next)) cur[key] = {};
    cur = cur[key] as JsonObject;
  }
  cur[leaf] = value;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
