/**
 * A Yahoo!プレイス place as the partner API keeps it (inferred shape): the projection's keys plus
 * `placeId`, `storeCode`, the public `uid` (YOLP's Property.Uid, once Yahoo! published the place)
 * and `reviewStatus` (IN_REVIEW, PUBLISHED or REJECTED: Yahoo! checks changes before showing them).
 */
import type { JsonValue, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { PROJECTION_KEYS, asString, isObject } from './keys.ts';

export interface PlaceRecord {
  placeId: string;
  storeCode: string | null;
  uid: string | null;
  reviewStatus: string;
  rejectionReason: string | null;
  fields: Projection;
}

export function recordOf(value: unknown): PlaceRecord {
  const place = isObject(value) && isObject(value.place) ? value.place : value;
  if (!isObject(place) || !asString(place.placeId)) {
    throw new PlatformError('PERMANENT', 'Yahoo!プレイス answered without the place.', { rule: 'yahoo-place-jp.place.shape' });
  }
  const fields: Record<string, JsonValue> = {};
  for (const key of PROJECTION_KEYS) {
    const v = place[key];
    if (v !== undefined && v !== null && v !== '') fields[key] = v;
  }
  return {
    placeId: place.placeId as string,
    storeCode: asString(place.storeCode) ?? null,
    uid: asString(place.uid) ?? null,
    reviewStatus: asString(place.reviewStatus) ?? 'IN_REVIEW',
    rejectionReason: asString(place.rejectionReason) ?? null,
    fields,
  };
}

/** The public Yahoo!マップ page of a published place (inferred URL pattern, keyed by YOLP's Uid). */
export function publicUrlOf(uid: string | null): string | null {
  return uid ? `https://map.yahoo.co.jp/place?uid=${encodeURIComponent(uid)}` : null;
}

