/**
 * One canonical JSON form for what is projected and what is read back: object keys sorted, null
 * and undefined members dropped, so "same content" compares as "same JSON" whatever order Apple
 * answers in.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { JsonObject } from './keys.ts';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function canonical(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical(value[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

export const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a) ?? null) === JSON.stringify(canonical(b) ?? null);
}
