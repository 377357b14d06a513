import type { Projection } from '../../connectors/runtime/connector.ts';
import { canonicalJson, sha256 } from '../lib/canonicalJson.ts';
import type { LocationField } from '../locations/model.ts';

/**
 * Pure bookkeeping of a listing's content: its hash, what changed since the last delivery, and
 * the per-field status a user sees.
 */

export const FIELD_STATUSES = ['MATCH', 'MISMATCH', 'MISSING', 'NOT_SUPPORTED'] as const;
export type FieldStatus = (typeof FIELD_STATUSES)[number];

export function projectionHash(projection: Projection): string {
  return sha256(canonicalJson(projection));
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Keys to send: those whose value differs from the last delivery (a key gone from `next` is
 * sent too, which clears it), plus keys forced by drift or a rejected platform edit.
 */
export function changedKeys(delivered: Projection | null, next: Projection, force: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(delivered ?? {}), ...Object.keys(next)]);
  const changed = [...keys].filter((k) => !same(delivered?.[k], next[k]));
  // A forced key absent on our side is sent too: the mask without a value clears what the platform shows.
  for (const k of force) if (!changed.includes(k)) changed.push(k);
  return changed.sort();
}

const SEVERITY: Record<FieldStatus, number> = { MATCH: 0, NOT_SUPPORTED: 1, MISSING: 2, MISMATCH: 3 };

/**
 * Status per Tenpo field. `platform` is what the platform shows (a read-back); without one, the
 * platform is taken to show what we delivered. A field feeding several keys takes its worst.
 */
export function fieldStatuses(
  fields: Readonly<Record<string, readonly LocationField[]>>,
  ours: Projection,
  platform: Projection | null,
  notSupported: readonly LocationField[],
): Partial<Record<LocationField, FieldStatus>> {
  const result: Partial<Record<LocationField, FieldStatus>> = {};
  const raise = (field: LocationField, status: FieldStatus) => {
    const current = result[field];
    if (!current || SEVERITY[status] > SEVERITY[current]) result[field] = status;
  };
  for (const [key, tenpoFields] of Object.entries(fields)) {
    const theirs = platform ? platform[key] : ours[key];
    const status: FieldStatus = same(ours[key], theirs) ? 'MATCH' : theirs === undefined ? 'MISSING' : 'MISMATCH';
    for (const f of tenpoFields) raise(f, status);
  }
  for (const f of notSupported) raise(f, 'NOT_SUPPORTED');
  return result;
}

/** Keys where the platform shows something other than what we delivered. */
export function driftedKeys(delivered: Projection, platform: Projection): string[] {
  const keys = new Set([...Object.keys(delivered), ...Object.keys(platform)]);
  return [...keys].filter((k) => !same(delivered[k], platform[k])).sort();
}
