import type { LocationData } from './model.ts';

/**
 * The input a partial write validates: the stored location with the given fields laid over it.
 * Absent (undefined) fields keep their stored value; null clears. The address merges the same
 * way one level down, so a CSV without a building column does not erase buildings. A status change without a
 * statusDate drops the old date: a reopening date means nothing once a store is OPEN, and is
 * not an opening date when it becomes OPENING_SOON.
 */
export function mergePatch(current: LocationData, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const merged: Record<string, unknown> = { ...current, ...given };
  if (isPlainObject(given.address)) {
    const address = Object.fromEntries(Object.entries(given.address).filter(([, v]) => v !== undefined));
    merged.address = { ...current.address, ...address };
  }
  const statusChanged = 'status' in given && given.status !== current.status;
  if (statusChanged && !('statusDate' in given)) merged.statusDate = null;
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
