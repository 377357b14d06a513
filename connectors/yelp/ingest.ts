/**
 * Yelp Data Ingestion (partner-api.yelp.com/v1/ingest): a write is a job. `POST /v1/ingest/create`
 * takes businesses, each with `matching_criteria` (how Yelp finds it), `options` and `update` (the
 * attributes to change), and answers a job id; `GET /v1/ingest/status/{job_id}` says per business
 * and per attribute whether it was processed. With `detail_level=2` an attribute that is live on
 * Yelp reads APPLIED. An attribute sent as "" is deleted on Yelp (docs: "Value Types").
 */
import { z } from 'zod';
import type { JsonValue, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { tenpoFieldForAttribute } from './keys.ts';
import type { YelpSession } from './session.ts';

/** Tenpo's stand-in id for a business Yelp has not matched or created yet: the job that will. */
const PENDING = /^job:(.+)$/;

export function pendingJob(platformListingId: string): string | null {
  return PENDING.exec(platformListingId)?.[1] ?? null;
}

export const pendingId = (jobId: string): string => `job:${jobId}`;

export function publicUrl(businessId: string): string {
  return `https://www.yelp.com/biz/${encodeURIComponent(businessId)}`;
}

const createdSchema = z.object({ job_id: z.string().min(1) });

const resultSchema = z.object({
  status: z.string(),
  yelp_business_id: z.string().min(1).nullable().optional(),
  partner_business_id: z.string().nullable().optional(),
  update_results: z.record(z.string(), z.object({ status: z.string(), requested_value: z.unknown().optional(), error: z.string().optional() })).default({}),
  error: z.object({ id: z.string().optional(), code: z.string().optional(), description: z.string().optional() }).nullable().optional(),
});
export type BusinessResult = z.output<typeof resultSchema>;

const statusSchema = z.object({
  status: z.string(),
  created_at: z.string().nullable().optional(),
  completed_at: z.string().nullable().optional(),
  business_results: z.array(resultSchema).default([]),
});

const FAILED = new Set(['REJECTED', 'FAILED', 'ERROR']);
/** Yelp has taken the business result in: processed (COMPLETED) or live (APPLIED). */
export const isDone = (status: string): boolean => status === 'COMPLETED' || status === 'APPLIED';

function parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new PlatformError('PERMANENT', `Yelp answered ${what} in a shape Tenpo does not know; the Tenpo operator must check the Yelp connector.`, {
    rule: 'yelp.ingest.responseShape',
    platformMessage: r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; '),
  });
}

const ADDRESS_PARTS = ['address1', 'address2', 'address3', 'city', 'state', 'postal_code', 'country'] as const;

/** What Yelp matches the business on: the projection's name, address and phone, and the id once known. */
export function matchingCriteria(projection: Projection, businessId: string | null): JsonObject {
  const location = (projection.location ?? {}) as JsonObject;
  const out: JsonObject = { name: projection.name ?? null };
  for (const part of ADDRESS_PARTS) out[part] = location[part] ?? null;
  out.phone = projection.phone ?? null;
  if (businessId) out.yelp_business_id = businessId;
  return out;
}

/** A removed attribute in the type Yelp deletes it with. */
function cleared(key: ProjectionKey): JsonValue {
  if (key === 'categories' || key === 'hours' || key === 'special_hours') return [];
  if (key === 'is_closed' || key === 'temporarily_closed') return false;
  return '';
}

/** The `update` object for `keys`: the address spreads into Yelp's separate address attributes. */
export function updateOf(projection: Projection, keys: readonly ProjectionKey[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) {
    const value = projection[key];
    if (key === 'location') {
      const location = (value ?? {}) as JsonObject;
      for (const part of ADDRESS_PARTS) out[part] = location[part] ?? '';
    } else out[key] = value === undefined ? cleared(key) : value;
  }
  return out;
}

export async function submitJob(session: YelpSession, signal: AbortSignal, business: JsonObject): Promise<string> {
  const body = await session.partner('ingest', 'POST', '/v1/ingest/create', signal, { businesses: [business] });
  return parse(createdSchema, body, 'the new ingestion job').job_id;
}

/** The job's result for our one business, or null while Yelp has not got to it. */
export async function jobResult(session: YelpSession, signal: AbortSignal, jobId: string): Promise<BusinessResult | null> {
  const body = await session.partner('ingest', 'GET', `/v1/ingest/status/${encodeURIComponent(jobId)}?detail_level=2`, signal);
  return parse(statusSchema, body, 'the ingestion job status').business_results[0] ?? null;
}

/** A business result Yelp refused, as the INVALID error that names what to change. */
export function refusal(result: BusinessResult): PlatformError | null {
  const refused = Object.entries(result.update_results).filter(([, r]) => FAILED.has(r.status));
  if (!FAILED.has(result.status) && refused.length === 0) return null;
  const first = refused[0];
  const field = first ? tenpoFieldForAttribute(first[0]) : null;
  const reasons = refused.map(([attr, r]) => `${attr}: ${r.error ?? r.status}`);
  const overall = result.error?.description;
  const what = [overall, ...reasons].filter((x): x is string => Boolean(x)).join('; ') || 'no reason given';
  return new PlatformError('INVALID', `Yelp refused the store's data (${what}).${field ? ` Change the ${field} in Tenpo and publish again.` : ''}`, {
    field,
    rule: `yelp.ingest.${result.error?.id ?? result.error?.code ?? first?.[1].status ?? result.status}`,
    platformMessage: what,
  });
}
