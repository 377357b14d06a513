/**
 * What Bing holds for a business (GetBusinesses by StoreId), keyed like project(), with its
 * publishing status; the connection check; and every business of the account for linking by store
 * code. Bing does not report its own edits separately: a change on Bing's side shows as drift.
 */
import type { PlatformCall, PlatformListingSummary, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { JsonObject } from './keys.ts';
import { fromBusiness } from './listing.ts';
import { ID } from './rules.ts';
import type { BingSession } from './session.ts';
import { statusOf } from './status.ts';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const PAGE_SIZE = 100;

async function page(session: BingSession, call: PlatformCall, pageNumber: number, pageSize: number, criteria: JsonObject): Promise<JsonObject[]> {
  const body = await call({ kind: 'read' }, ({ signal }) => session.post('GetBusinesses', { PageNumber: pageNumber, PageSize: pageSize, SearchCriteria: criteria }, signal));
  return Array.isArray(body.Businesses) ? body.Businesses.filter(isObject) : [];
}

export async function readBack(session: BingSession, call: PlatformCall, storeId: string): Promise<ReadBackResult> {
  const found = (await page(session, call, 1, 1, { CriteriaType: 'SearchByStoreIds', StoreIds: [storeId] })).find((b) => b.StoreId === storeId);
  if (!found) throw new PlatformError('NOT_FOUND', 'The business no longer exists in the Bing Places account.', { rule: `${ID}.business.notFound` });
  const status = await statusOf(session, call, storeId);
  return { current: fromBusiness(found), platformEdits: {}, publicUrl: status?.publicUrl ?? null, status: status?.live ? 'IN_SYNC' : 'SUBMITTED' };
}

export async function verify(session: BingSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  if (account !== null && account.toLowerCase() !== session.emailId.toLowerCase()) {
    throw new PlatformError('INVALID', `These credentials are for the Bing Places user ${session.emailId}, not ${account.slice(0, 80)}.`, { rule: `${ID}.account.mismatch` });
  }
  await page(session, call, 1, 1, { CriteriaType: 'GetInBatches' });
  return { externalAccount: session.emailId, displayName: `Bing Places (${session.emailId})` };
}

export async function* discover(session: BingSession, call: PlatformCall, _account: string): AsyncIterable<PlatformListingSummary> {
  for (let n = 1; ; n++) {
    const businesses = await page(session, call, n, PAGE_SIZE, { CriteriaType: 'GetInBatches' });
    for (const b of businesses) {
      const storeId = typeof b.StoreId === 'string' ? b.StoreId : null;
      if (storeId) yield { platformListingId: storeId, storeCode: storeId, title: typeof b.BusinessName === 'string' ? b.BusinessName : storeId, publicUrl: null };
    }
    if (businesses.length < PAGE_SIZE) return;
  }
}
