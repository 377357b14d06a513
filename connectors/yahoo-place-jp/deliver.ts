/**
 * Writes a projection to Yahoo!プレイス through the partner API (inferred, see session.ts):
 * `POST /v1/places` with the store code and every field for a new place, carrying the listing's
 * stable request id as `Idempotency-Key` so a retried create returns the place the first attempt
 * made; `PATCH /v1/places/{placeId}` with only the changed keys (null clears one) for a known place.
 * Yahoo! reviews changes before showing them: PUBLISHED is IN_SYNC, IN_REVIEW is SUBMITTED and
 * REJECTED is a refusal a person must look at.
 */
import type { DeliverRequest, DeliverResult, JsonValue, PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { isProjectionKey } from './keys.ts';
import { publicUrlOf, recordOf } from './record.ts';
import type { PlaceRecord } from './record.ts';
import type { YahooPlaceSession } from './session.ts';

function result(record: PlaceRecord): DeliverResult {
  if (record.reviewStatus === 'REJECTED') {
    throw new PlatformError('INVALID', `Yahoo!プレイス rejected the change${record.rejectionReason ? `: ${record.rejectionReason}` : ''}. Correct the store's data in Tenpo and publish again.`, {
      rule: 'yahoo-place-jp.review.rejected',
      ...(record.rejectionReason ? { platformMessage: record.rejectionReason } : {}),
    });
  }
  return { platformListingId: record.placeId, publicUrl: publicUrlOf(record.uid), status: record.reviewStatus === 'PUBLISHED' ? 'IN_SYNC' : 'SUBMITTED' };
}

export async function deliver(session: YahooPlaceSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  if (req.platformListingId === null) {
    const body = { storeCode: req.storeCode, ...req.projection } as JsonValue;
    const res = await call({ kind: 'create' }, ({ signal }) => session.partner<unknown>('POST', '/v1/places', signal, { body, idempotencyKey: req.requestId }));
    return result(recordOf(res));
  }
  const id = req.platformListingId;
  const path = `/v1/places/${encodeURIComponent(id)}`;
  const patch: Record<string, JsonValue> = {};
  for (const key of new Set(req.changed)) {
    if (!isProjectionKey(key)) throw new PlatformError('PERMANENT', `Tenpo asked Yahoo!プレイス to update "${key}", which is not a field it writes.`, { rule: 'yahoo-place-jp.key.unknown' });
    patch[key] = req.projection[key] ?? null;
  }
  if (Object.keys(patch).length === 0) {
    return result(recordOf(await call({ kind: 'read', listingKey: id }, ({ signal }) => session.partner<unknown>('GET', path, signal))));
  }
  const res = await call({ kind: 'edit', listingKey: id }, ({ signal }) => session.partner<unknown>('PATCH', path, signal, { body: patch }));
  return result(recordOf(res));
}
