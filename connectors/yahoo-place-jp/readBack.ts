/**
 * Read-back, verify and discover. The partner record says what Yahoo!プレイス holds for the place;
 * YOLP Local Search (`uid=` and `detail=full`, documented) says what the public sees. A place counts
 * as live only when it is PUBLISHED and YOLP finds its Uid. Where YOLP shows another name or phone
 * than the record, Yahoo! changed it on its side (it merges directory data into places): those are
 * the platform edits a person may accept or overrule.
 */
import type { JsonValue, PlatformCall, PlatformListingSummary, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { asString, isObject } from './keys.ts';
import { japaneseTel } from './phones.ts';
import { publicUrlOf, recordOf } from './record.ts';
import type { YahooPlaceSession } from './session.ts';
import { toYahooWidth } from './width.ts';

interface PublicView {
  name: string | null;
  tel: string | null;
}

async function publicView(session: YahooPlaceSession, call: PlatformCall, uid: string): Promise<PublicView | null> {
  const res = await call({ kind: 'read' }, ({ signal }) => session.localSearch<unknown>({ uid, detail: 'full', results: '1' }, signal));
  const features = isObject(res) && Array.isArray(res.Feature) ? res.Feature : [];
  const feature = features.find((f) => isObject(f) && isObject(f.Property) && f.Property.Uid === uid);
  if (!isObject(feature) || !isObject(feature.Property)) return null;
  const name = asString(feature.Name);
  const tel = asString(feature.Property.Tel1);
  return { name: name ? toYahooWidth(name) : null, tel: tel ? japaneseTel(tel) : null };
}

export async function readBack(session: YahooPlaceSession, call: PlatformCall, placeId: string): Promise<ReadBackResult> {
  const record = recordOf(await call({ kind: 'read', listingKey: placeId }, ({ signal }) => session.partner<unknown>('GET', `/v1/places/${encodeURIComponent(placeId)}`, signal)));
  const view = record.reviewStatus === 'PUBLISHED' && record.uid ? await publicView(session, call, record.uid) : null;
  const platformEdits: Record<string, JsonValue> = {};
  if (view?.name && view.name !== record.fields.name) platformEdits.name = view.name;
  if (view?.tel && view.tel !== record.fields.tel) platformEdits.tel = view.tel;
  return { current: record.fields, platformEdits, publicUrl: publicUrlOf(record.uid), status: view ? 'IN_SYNC' : 'SUBMITTED' };
}

export async function verify(session: YahooPlaceSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  const res = await call({ kind: 'read' }, ({ signal }) => session.partner<unknown>('GET', '/v1/account', signal));
  const id = isObject(res) ? asString(res.businessId) : undefined;
  if (!id) throw new PlatformError('PERMANENT', 'Yahoo!プレイス answered without the business account.', { rule: 'yahoo-place-jp.account.shape' });
  if (account !== null && account !== id) {
    throw new PlatformError('AUTH_REVOKED', `This Yahoo!プレイス token belongs to business account ${id}, not ${account.slice(0, 60)}; reconnect with the right account.`, { rule: 'yahoo-place-jp.account.mismatch' });
  }
  return { externalAccount: id, displayName: (isObject(res) ? asString(res.businessName) : undefined) ?? id };
}

export async function* discover(session: YahooPlaceSession, call: PlatformCall, _account: string): AsyncIterable<PlatformListingSummary> {
  let cursor: string | undefined;
  do {
    const query: Record<string, string> = cursor ? { limit: '100', cursor } : { limit: '100' };
    const res = await call({ kind: 'read' }, ({ signal }) => session.partner<unknown>('GET', '/v1/places', signal, { query }));
    for (const raw of isObject(res) && Array.isArray(res.places) ? res.places : []) {
      const record = recordOf(raw);
      yield { platformListingId: record.placeId, storeCode: record.storeCode, title: typeof record.fields.name === 'string' ? record.fields.name : '', publicUrl: publicUrlOf(record.uid) };
    }
    cursor = isObject(res) ? asString(res.nextCursor) : undefined;
  } while (cursor);
}
