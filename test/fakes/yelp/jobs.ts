/**
 * The fake Yelp's ingestion processing. Matching follows Yelp: the business id when given, else
 * the partner's business id, else name + first address line + city; `create_if_missing` creates
 * only when nothing matched, which is why a retried create finds the business it made.
 */
import { applyAttribute, attributeProblem, emptyBusiness, newId, type FakeBusiness, type FakeJob, type Json } from './state.ts';

function match(businesses: Map<string, FakeBusiness>, c: Json, partnerBusinessId: unknown): FakeBusiness | undefined {
  if (typeof c.yelp_business_id === 'string') return businesses.get(c.yelp_business_id);
  const byPartner = [...businesses.values()].find((b) => b.partnerBusinessId !== null && b.partnerBusinessId === partnerBusinessId);
  return byPartner ?? [...businesses.values()].find((b) => b.name === c.name && b.address1 === c.address1 && b.city === c.city);
}

/** Yelp works through a job: match or create each business, then apply or refuse each attribute. */
export function processJob(job: FakeJob, businesses: Map<string, FakeBusiness>, serverErrors: string[]): void {
  job.results = job.businesses.map((entry) => {
    const c = entry.matching_criteria as Json;
    const options = (entry.options ?? {}) as Json;
    const update = (entry.update ?? {}) as Json;
    let b = match(businesses, c, entry.partner_business_id);
    if (!b && typeof c.yelp_business_id === 'string') {
      return { status: 'REJECTED', yelp_business_id: null, partner_business_id: entry.partner_business_id ?? null, update_results: {}, error: { id: 'BUSINESS_NOT_FOUND', description: 'No business with this yelp_business_id' } };
    }
    if (!b) {
      if (options.create_if_missing !== true) {
        return { status: 'REJECTED', yelp_business_id: null, partner_business_id: entry.partner_business_id ?? null, update_results: {}, error: { id: 'NO_MATCH', description: 'No business matched the matching_criteria' } };
      }
      b = emptyBusiness(newId(), typeof entry.partner_business_id === 'string' ? entry.partner_business_id : null);
      for (const k of ['name', 'address1', 'address2', 'address3', 'city', 'state', 'postal_code', 'country', 'phone']) applyAttribute(b, k, c[k] ?? '');
      businesses.set(b.id, b);
    }
    const results: Json = {};
    for (const [key, value] of Object.entries(update)) {
      const problem = attributeProblem(key, value);
      if (problem?.startsWith('unknown attribute')) serverErrors.push(`job ${job.id}: ${problem}`);
      if (problem) results[key] = { status: 'REJECTED', requested_value: JSON.stringify(value), error: problem };
      else {
        applyAttribute(b, key, value);
        results[key] = { status: 'APPLIED', requested_value: JSON.stringify(value) };
      }
    }
    const rejected = Object.values(results).some((r) => (r as Json).status === 'REJECTED');
    return { status: rejected ? 'REJECTED' : 'APPLIED', yelp_business_id: b.id, partner_business_id: entry.partner_business_id ?? null, update_results: results };
  });
  job.processed = true;
}
