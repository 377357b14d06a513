/** The store form's state, and the patch that turns the loaded store into it. */
import type { LocationPatch } from '../api/locationOps.ts';
import type { LocationDetail, LocationStatus } from '../api/types.ts';
import { specialFromApi, specialToApi, weekFromApi, weekToApi, type SpecialDraft, type WeekDraft } from './hours.ts';

export interface LocationDraft {
  name: string;
  primaryPhone: string;
  website: string;
  description: string;
  status: LocationStatus;
  statusDate: string;
  week: WeekDraft;
  special: SpecialDraft[];
}

/** The statuses that carry a date: reopening, or opening. */
export const usesStatusDate = (status: LocationStatus): boolean => status === 'CLOSED_TEMPORARILY' || status === 'OPENING_SOON';

export function draftFromLocation(location: LocationDetail): LocationDraft {
  return {
    name: location.name,
    primaryPhone: location.primaryPhone ?? '',
    website: location.website ?? '',
    description: location.description ?? '',
    status: location.status,
    statusDate: location.statusDate ?? '',
    week: weekFromApi(location.regularHours),
    special: specialFromApi(location.specialHours),
  };
}

/** Empty text clears an optional field, as null does in a patch. */
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so the store's history shows what the person actually edited. */
export function patchFor(location: LocationDetail, draft: LocationDraft): LocationPatch {
  const before = draftFromLocation(location);
  const patch: LocationPatch = {};
  if (draft.name.trim() !== location.name) patch.name = draft.name.trim();
  if (orNull(draft.primaryPhone) !== orNull(before.primaryPhone)) patch.primaryPhone = orNull(draft.primaryPhone);
  if (orNull(draft.website) !== orNull(before.website)) patch.website = orNull(draft.website);
  if (orNull(draft.description) !== orNull(before.description)) patch.description = orNull(draft.description);
  if (draft.status !== location.status) patch.status = draft.status;
  const statusDate = usesStatusDate(draft.status) ? orNull(draft.statusDate) : null;
  if (statusDate !== location.statusDate) patch.statusDate = statusDate;
  const regular = weekToApi(draft.week);
  if (!same(regular, weekToApi(before.week))) patch.regularHours = regular;
  const special = specialToApi(draft.special);
  if (!same(special, specialToApi(before.special))) patch.specialHours = special;
  return patch;
}
