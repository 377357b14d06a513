/**
 * What Tenpo can put on an Instagram professional account. The Instagram Graph API has no way to
 * write a profile ("IG User … Creating: This operation is not supported", and no update
 * operation); it reads `name`, `biography`, `website`, `username`. What a business account shows
 * as its contact options and location comes from the Facebook Page it is linked to, so Tenpo
 * writes those on the Page: its address and its phone. The profile's name, bio and website are the
 * account's own and only its owner can change them in the app, so they are NOT_SUPPORTED rather
 * than silently left stale (that includes the description, so Facebook's 100-character limit
 * does not apply here). Keys and values are the Facebook connector's, shared by import.
 */
import type { ProjectContext, ProjectResult } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectLocation } from '../facebook/address.ts';
import { compact, notSupported as pageNotSupported } from '../facebook/project.ts';
import { PAGE_RULES, listingProblems } from '../facebook/rules.ts';
import type { ProjectionKey } from '../facebook/keys.ts';
import { FIELDS as PAGE_FIELDS } from '../facebook/keys.ts';

export const INSTAGRAM_KEYS = ['location', 'phone'] as const satisfies readonly ProjectionKey[];
export type InstagramKey = (typeof INSTAGRAM_KEYS)[number];

export const FIELDS: Readonly<Record<InstagramKey, readonly LocationField[]>> = { location: PAGE_FIELDS.location, phone: PAGE_FIELDS.phone };

function notSupported(loc: LocationData): LocationField[] {
  const own: LocationField[] = ['name'];
  if (loc.description !== null) own.push('description');
  if (loc.website !== null) own.push('website');
  if (loc.regularHours.length > 0) own.push('regularHours');
  if (loc.status !== 'OPEN') own.push('status');
  const page = pageNotSupported(loc);
  return [...own, ...page.filter((f) => !own.includes(f))];
}

export function project(loc: LocationData, { settings }: ProjectContext): ProjectResult {
  const problems = listingProblems(loc, { prefix: 'instagram', label: 'Instagram', settings }, [PAGE_RULES.eligibility, PAGE_RULES.address]);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, projection: compact({ location: projectLocation(loc), phone: loc.primaryPhone ?? undefined }), notSupported: notSupported(loc) };
}
