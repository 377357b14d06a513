/**
 * Writes a projection to Bing Places. Bing keys a partner's businesses by the partner's own
 * StoreId, so Tenpo's store code is the listing id and a retried create cannot duplicate: a create
 * Bing refuses because the StoreId "already exists in your account" (the first attempt landed) is
 * sent again as an update. Bing's UpdateBusinesses takes the whole business (its required members
 * included), so an update sends the whole projection; it does nothing when no key changed.
 * Bing checks quality and publishes later, so a delivery is SUBMITTED until the status says
 * Published (read-back).
 */
import type { DeliverRequest, DeliverResult, PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { isProjectionKey } from './keys.ts';
import { outcome, toBusiness } from './listing.ts';
import { ID } from './rules.ts';
import type { BingSession } from './session.ts';
import { statusOf } from './status.ts';

const ALREADY_EXISTS = /already exists/i;
const DOES_NOT_EXIST = /does not exist/i;

async function write(session: BingSession, call: PlatformCall, operation: 'CreateBusinesses' | 'UpdateBusinesses', req: DeliverRequest): Promise<{ status: string; message: string }> {
  const business = toBusiness(req.storeCode, req.projection);
  const body = await call({ kind: operation === 'CreateBusinesses' ? 'create' : 'edit', listingKey: req.storeCode }, ({ signal }) => session.post(operation, { Businesses: [business] }, signal));
  return outcome(body, operation === 'CreateBusinesses' ? 'CreatedBusinesses' : 'UpdatedBusinesses');
}

function failed(result: { status: string; message: string }): PlatformError {
  return new PlatformError('INVALID', `Bing Places refused the business: ${result.message || result.status}. Check the store's data in Tenpo and publish again.`, {
    rule: `${ID}.business.${result.status || 'FAILED'}`,
    platformMessage: result.message,
  });
}

async function done(session: BingSession, call: PlatformCall, storeId: string): Promise<DeliverResult> {
  const status = await statusOf(session, call, storeId);
  return { platformListingId: storeId, publicUrl: status?.publicUrl ?? null, status: status?.live ? 'IN_SYNC' : 'SUBMITTED' };
}

const ok = (status: string) => status === 'SUCCESSFUL' || status === 'SUCCESSFUL_WITH_WARNING';

export async function deliver(session: BingSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  for (const key of req.changed) {
    if (!isProjectionKey(key)) throw new PlatformError('PERMANENT', `Tenpo asked Bing to update "${key}", which is not a Bing member it writes.`, { rule: `${ID}.update.unknownKey` });
  }
  if (req.platformListingId === null) {
    const created = await write(session, call, 'CreateBusinesses', req);
    if (ok(created.status)) return done(session, call, req.storeCode);
    if (!ALREADY_EXISTS.test(created.message)) throw failed(created);
    const updated = await write(session, call, 'UpdateBusinesses', req);
    if (!ok(updated.status)) throw failed(updated);
    return done(session, call, req.storeCode);
  }
  if (req.platformListingId !== req.storeCode) {
    throw new PlatformError('INVALID', `This listing is Bing business "${req.platformListingId}" but the store code is now "${req.storeCode}"; Bing keys businesses by store code, so link the store again.`, { field: 'storeCode', rule: `${ID}.storeId.changed` });
  }
  if (req.changed.length === 0) return done(session, call, req.storeCode);
  const updated = await write(session, call, 'UpdateBusinesses', req);
  if (!ok(updated.status)) {
    if (DOES_NOT_EXIST.test(updated.message)) throw new PlatformError('NOT_FOUND', 'The business no longer exists in the Bing Places account.', { rule: `${ID}.business.notFound`, platformMessage: updated.message });
    throw failed(updated);
  }
  return done(session, call, req.storeCode);
}
