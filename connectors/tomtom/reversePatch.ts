/**
 * The Tenpo patch that makes a location show what TomTom shows for a key: the inverse of
 * project() for the keys read-back compares (name, main phone); null for the rest.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData } from '../../src/locations/model.ts';

export function toLocationPatch(key: string, value: JsonValue | undefined, _current: LocationData): Partial<LocationData> | null {
  if (key === 'name') return typeof value === 'string' && value.trim() !== '' ? { name: value } : null;
  if (key === 'phone') return value === undefined || value === null ? { primaryPhone: null } : typeof value === 'string' ? { primaryPhone: value } : null;
  return null;
}
