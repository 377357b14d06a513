/**
 * The TomTom POI feed file: one GeoJSON FeatureCollection (RFC 7946, UTF-8 JSON,
 * application/geo+json), one Feature per store. The Feature's `id` is the store code, TomTom's
 * reference for the source's record; its properties follow the Overture Maps Places schema
 * (`names.primary/common`, `categories.primary/alternate`, `operating_status`, `addresses`,
 * `phones`, `websites`, `socials`) with three additions Overture lacks: `opening_hours` (OSM
 * syntax), `opening_date` (OSM key) and `description`.
 */
import type { JsonValue, Projection } from '../runtime/connector.ts';
import type { FeedEntry, FeedFile } from '../runtime/feed.ts';
import { isObject, type JsonObject } from './keys.ts';

export function featureOf(storeCode: string, p: Projection): JsonObject {
  const props: JsonObject = {};
  const names: JsonObject = { primary: p.name ?? '' };
  if (p.localizedNames !== undefined) names.common = p.localizedNames;
  props.names = names;
  if (p.categories !== undefined) props.categories = p.categories;
  if (isObject(p.operatingStatus)) Object.assign(props, p.operatingStatus);
  if (p.address !== undefined) props.addresses = [p.address];
  const phones = [p.phone, ...(Array.isArray(p.additionalPhones) ? p.additionalPhones : [])].filter((x): x is JsonValue => x !== undefined);
  if (phones.length > 0) props.phones = phones;
  if (p.website !== undefined) props.websites = [p.website];
  if (p.socials !== undefined) props.socials = p.socials;
  if (p.description !== undefined) props.description = p.description;
  if (p.openingHours !== undefined) props.opening_hours = p.openingHours;
  return { type: 'Feature', id: storeCode, geometry: p.geometry ?? null, properties: props };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export function renderGeoJson(entries: readonly FeedEntry[], generatedAt: Date): FeedFile {
  const collection = { type: 'FeatureCollection', features: entries.map((e) => featureOf(e.storeCode, e.projection)) };
  return {
    name: `tenpo_tomtom_${stamp(generatedAt)}.geojson`,
    contentType: 'application/geo+json',
    body: new TextEncoder().encode(JSON.stringify(collection)),
    rows: entries.length,
  };
}
