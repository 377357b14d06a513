/**
 * Writes a projection to Yelp as a Data Ingestion job (ingest.ts) and reads the job's status once.
 * Yelp processes jobs asynchronously, so a delivery is at best SUBMITTED; the read-back confirms
 * IN_SYNC once business details show the data.
 *
 * Create: the whole projection with `create_if_missing` and the store code as
 * `partner_business_id`, Yelp's key for the partner's business. A retried create matches the
 * business the first attempt made (Yelp matches before it creates), so it never duplicates it.
 * Until Yelp has matched or created the business the listing's id is the job (`job:<id>`); the next
 * delivery asks the job again and continues with Yelp's business id.
 *
 * Update: only the changed attributes, matched by the business id.
 */
import type { DeliverRequest, DeliverResult, PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { isDone, jobResult, matchingCriteria, pendingId, pendingJob, publicUrl, refusal, submitJob, updateOf } from './ingest.ts';
import { isProjectionKey, PROJECTION_KEYS, type ProjectionKey } from './keys.ts';
import type { YelpSession } from './session.ts';

function changedKeys(req: DeliverRequest): ProjectionKey[] {
  const out: ProjectionKey[] = [];
  for (const key of req.changed) {
    if (!isProjectionKey(key)) {
      throw new PlatformError('PERMANENT', `Tenpo asked Yelp to update "${key}", which is not a Yelp attribute it writes.`, { rule: 'yelp.update.unknownKey' });
    }
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

async function create(session: YelpSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  const keys = PROJECTION_KEYS.filter((k) => req.projection[k] !== undefined);
  const business = {
    partner_business_id: req.storeCode,
    matching_criteria: matchingCriteria(req.projection, null),
    options: { create_if_missing: true, use_matching_criteria_for_update: false },
    update: updateOf(req.projection, keys),
  };
  const jobId = await call({ kind: 'create' }, ({ signal }) => submitJob(session, signal, business));
  const result = await call({ kind: 'read' }, ({ signal }) => jobResult(session, signal, jobId));
  const refused = result && refusal(result);
  if (refused) throw refused;
  const id = result?.yelp_business_id;
  return id ? { platformListingId: id, publicUrl: publicUrl(id), status: 'SUBMITTED' } : { platformListingId: pendingId(jobId), publicUrl: null, status: 'SUBMITTED' };
}

async function update(session: YelpSession, call: PlatformCall, businessId: string, req: DeliverRequest): Promise<DeliverResult> {
  const keys = changedKeys(req);
  const done: DeliverResult = { platformListingId: businessId, publicUrl: publicUrl(businessId), status: 'SUBMITTED' };
  if (keys.length === 0) return done;
  const business = {
    partner_business_id: req.storeCode,
    matching_criteria: matchingCriteria(req.projection, businessId),
    options: { create_if_missing: false, use_matching_criteria_for_update: false },
    update: updateOf(req.projection, keys),
  };
  const jobId = await call({ kind: 'edit', listingKey: businessId }, ({ signal }) => submitJob(session, signal, business));
  const result = await call({ kind: 'read' }, ({ signal }) => jobResult(session, signal, jobId));
  const refused = result && refusal(result);
  if (refused) throw refused;
  return done;
}

/** A listing still known by its create job: continue with Yelp's id, or ask again with today's data. */
async function resume(session: YelpSession, call: PlatformCall, jobId: string, req: DeliverRequest): Promise<DeliverResult> {
  const result = await call({ kind: 'read' }, ({ signal }) => jobResult(session, signal, jobId));
  const refused = result && refusal(result);
  if (refused) throw refused;
  const id = result?.yelp_business_id;
  if (id) return update(session, call, id, req);
  if (result && isDone(result.status)) {
    throw new PlatformError('PERMANENT', 'Yelp finished the job that was to create this business without naming the business; the Tenpo operator must check the job with Yelp.', {
      rule: 'yelp.ingest.noBusiness',
      platformMessage: `job ${jobId}`,
    });
  }
  // Still processing: the job holds the data as it was; send today's, which Yelp matches to the
  // same business by store code.
  return create(session, call, req);
}

export function deliver(session: YelpSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  if (req.platformListingId === null) return create(session, call, req);
  const job = pendingJob(req.platformListingId);
  return job ? resume(session, call, job, req) : update(session, call, req.platformListingId, req);
}
