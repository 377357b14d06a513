/**
 * What Yelp shows for a business (business details, `GET /v3/businesses/{id}`), keyed like
 * project(), and `verify` (the owner's profile). Yelp exposes no owner-pending or Yelp-side edit
 * queue, so platformEdits is always empty. The website (`url`) and the "specialties" text are not
 * part of business details: read-back cannot show them.
 */
import { z } from 'zod';
import type { JsonValue, PlatformCall, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { locationFromDetails } from './address.ts';
import { normalizeSpecialHours } from './hours.ts';
import { isDone, jobResult, pendingJob, refusal } from './ingest.ts';
import type { JsonObject } from './keys.ts';
import type { YelpSession } from './session.ts';

// Plain objects: Yelp adds fields over time, and an unknown one must not stop a read-back.
const openSchema = z.object({ day: z.number().int().min(0).max(6), start: z.string(), end: z.string(), is_overnight: z.boolean().optional() });
const detailsSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.string().optional(),
  phone: z.string().optional(),
  is_closed: z.boolean().optional(),
  location: z.unknown().optional(),
  categories: z.array(z.object({ alias: z.string(), title: z.string().optional() })).default([]),
  hours: z.array(z.object({ hour_type: z.string().optional(), open: z.array(openSchema).default([]) })).default([]),
  special_hours: z.array(z.unknown()).optional(),
  attributes: z.object({ business_temp_closed: z.boolean().nullable().optional() }).nullable().optional(),
});
type Details = z.output<typeof detailsSchema>;

const profileSchema = z.object({ id: z.string().min(1), first_name: z.string().optional(), last_name: z.string().optional() });

function regularHours(details: Details): JsonObject[] | undefined {
  const regular = details.hours.find((h) => (h.hour_type ?? 'REGULAR') === 'REGULAR');
  const open = (regular?.open ?? []).map((o) => ({ day: o.day, start: o.start, end: o.end, is_overnight: o.is_overnight === true }));
  return open.length > 0 ? open.sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)) : undefined;
}

/** Business details as the projection holds them. */
export function projectionFromDetails(details: Details): Record<string, JsonValue> {
  const special = normalizeSpecialHours(details.special_hours)?.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.start ?? '').localeCompare(String(b.start ?? '')));
  const values: Record<string, JsonValue | undefined> = {
    name: details.name,
    location: locationFromDetails(details.location),
    phone: details.phone ? details.phone : undefined,
    categories: details.categories.length > 0 ? details.categories.map((c) => c.alias) : undefined,
    hours: regularHours(details),
    special_hours: special,
    is_closed: details.is_closed === true,
    temporarily_closed: details.attributes?.business_temp_closed === true ? true : undefined,
  };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, JsonValue] => e[1] !== undefined));
}

function shape(data: unknown): Details {
  const r = detailsSchema.safeParse(data);
  if (r.success) return r.data;
  throw new PlatformError('PERMANENT', 'Yelp answered business details in a shape Tenpo does not know; the Tenpo operator must check the Yelp connector.', {
    rule: 'yelp.details.responseShape',
    platformMessage: r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; '),
  });
}

/** Yelp's business id for a listing id: itself, or the business its create job matched. */
export async function businessIdOf(session: YelpSession, call: PlatformCall, platformListingId: string): Promise<string | null> {
  const job = pendingJob(platformListingId);
  if (!job) return platformListingId;
  const result = await call({ kind: 'read' }, ({ signal }) => jobResult(session, signal, job));
  const refused = result && refusal(result);
  if (refused) throw refused;
  if (result?.yelp_business_id) return result.yelp_business_id;
  if (result && isDone(result.status)) throw new PlatformError('PERMANENT', 'Yelp finished the job that was to create this business without naming the business.', { rule: 'yelp.ingest.noBusiness' });
  return null;
}

export async function readBack(session: YelpSession, call: PlatformCall, platformListingId: string): Promise<ReadBackResult> {
  const id = await businessIdOf(session, call, platformListingId);
  if (id === null) {
    throw new PlatformError('PERMANENT', 'Yelp is still processing the job that creates this business; there is nothing to read back yet.', { rule: 'yelp.ingest.pending' });
  }
  const details = shape(await call({ kind: 'read', listingKey: id }, ({ signal }) => session.places('details', `/v3/businesses/${encodeURIComponent(id)}`, signal)));
  // Business details never show the website or specialties Yelp took through ingestion.
  return { current: projectionFromDetails(details), platformEdits: {}, publicUrl: details.url ?? null, unseen: ['url', 'specialties'] };
}

/** Proves the owner's authorisation works: the business owner's profile it belongs to. */
export async function verify(session: YelpSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  const body = await call({ kind: 'read' }, ({ signal }) => session.owner('owner', 'GET', '/v1/business_owner/me/profile', signal));
  const r = profileSchema.safeParse(body);
  if (!r.success) throw new PlatformError('PERMANENT', 'Yelp answered the owner profile in a shape Tenpo does not know.', { rule: 'yelp.owner.responseShape' });
  if (account !== null && account !== r.data.id) {
    throw new PlatformError('INVALID', 'The Yelp authorisation belongs to another business owner than the one this connection is for; sign in as that owner.', { rule: 'yelp.owner.mismatch' });
  }
  const displayName = [r.data.first_name, r.data.last_name].filter(Boolean).join(' ') || r.data.id;
  return { externalAccount: r.data.id, displayName };
}
