import type { Connector } from '../../connectors/runtime/connector.ts';
import { isEmptyField } from '../../connectors/runtime/standard/rules.ts';
import type { LocationData, LocationField } from '../locations/model.ts';

/**
 * How complete a store is for the platforms it is published on: every (platform, field) pair
 * where an eligible platform shows the field is one slot; the score is the share of slots the
 * store fills. A missing field's gain is the points the score rises by when it is filled, so
 * the list reads as "what to fill first".
 */

// Fields a store profile is judged on. Status, store code and internal labels always have a
// value or are not shown to the public; special hours and extra phones are situational.
const PROFILE_FIELDS: readonly LocationField[] = [
  'name',
  'address',
  'primaryPhone',
  'website',
  'primaryCategory',
  'additionalCategories',
  'description',
  'regularHours',
  'photos',
  'socialProfiles',
  'latitude',
  'longitude',
  'attributes',
  'localizedNames',
];

export interface Completeness {
  /** 0 to 100. */
  score: number;
  /** Platforms judged: the eligible ones of the network. */
  platforms: number;
  missing: { field: LocationField; platforms: string[]; gain: number }[];
}

export function completenessOf(location: LocationData, connectors: readonly Connector[]): Completeness {
  const wants = new Map<LocationField, string[]>();
  let slots = 0;
  let judged = 0;
  for (const connector of connectors) {
    const projected = connector.project(location, { settings: {} });
    if (!projected.ok && projected.problems.some((p) => p.kind === 'NOT_ELIGIBLE')) continue;
    judged += 1;
    const shown = new Set(Object.values(connector.fields).flat());
    for (const field of PROFILE_FIELDS) {
      if (!shown.has(field)) continue;
      slots += 1;
      if (isEmptyField(location, field)) wants.set(field, [...(wants.get(field) ?? []), connector.manifest.id]);
    }
  }
  const empty = [...wants.values()].reduce((n, ids) => n + ids.length, 0);
  const points = (n: number) => (slots === 0 ? 0 : Math.round((1000 * n) / slots) / 10);
  return {
    score: slots === 0 ? 100 : Math.round((100 * (slots - empty)) / slots),
    platforms: judged,
    missing: [...wants.entries()]
      .map(([field, platforms]) => ({ field, platforms: platforms.sort(), gain: points(platforms.length) }))
      .sort((a, b) => b.gain - a.gain || a.field.localeCompare(b.field)),
  };
}
