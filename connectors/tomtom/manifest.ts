/**
 * TomTom (Maps & Places): the data half of the connector. What is TomTom's own and documented:
 * the API key as the `key` query parameter, the Search API's Place by Id (read-back), the error
 * body `{ errorText, detailedError: { code, message }, httpStatusCode }` of its newer APIs, and
 * that Orbis Maps is built with Overture and OpenStreetMap data, whose Places schema and
 * `opening_hours` syntax the feed uses. TomTom publishes no POI supplier feed API (sources
 * deliver under a data agreement), so the ingestion paths (feed.ts) and the feature layout
 * (geojson.ts) are Tenpo's design on those conventions, listed with the limits in factsInferred.
 */
import { defineManifest } from '../runtime/manifest.ts';
import { LIMITS } from './rules.ts';

export const tomtomManifest = defineManifest({
  id: 'tomtom',
  name: 'TomTom (Maps & Places)',
  countries: 'GLOBAL',
  kind: 'navigation',
  reach: 'feed',
  auth: { kind: 'api-key', placement: 'query', name: 'key' },
  baseUrl: 'https://api.tomtom.com',
  // TomTom's Search API default is 5 queries per second per key.
  quotas: { requestsPerMinute: 300 },
  fieldLimits: { nameMax: LIMITS.nameMax, descriptionMax: LIMITS.descriptionMax, categoriesMax: 1 + LIMITS.alternateCategoriesMax },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  eligibility: {},
  factsInferred: ['quotas.requestsPerMinute', 'fieldLimits.nameMax', 'fieldLimits.descriptionMax', 'fieldLimits.categoriesMax'],
  sources: [
    '../shared/platforms.csv (tomtom)',
    'developer.tomtom.com/search-api/documentation/search-service/place-by-id (GET /search/2/place.json?entityId=&key=)',
    'docs.tomtom.com/maps-sdk-js/guides/services/places/place-by-id',
    'developer.tomtom.com/map-feedback-api/documentation/service/create-feedback (key and apiVersion parameters, referenceId, error bodies)',
    'docs.tomtom.com/map-feedback-api/documentation/service/get-feedback-status-by-feedback-id (errorText/detailedError/httpStatusCode)',
    'docs.overturemaps.org/schema/reference/places/place (names, categories, operating_status, addresses, phones, websites, socials)',
    // Every category name in categories.ts is in this list.
    'github.com/OvertureMaps/schema docs/guides/places/csv/2025-04-01-Original-Taxonomy.csv (Overture Places category keys)',
    'developers.google.com/earth-engine/datasets/catalog/overture-maps_places_place (Overture Places fields)',
    'wiki.openstreetmap.org/wiki/Key:opening_hours; wiki.openstreetmap.org/wiki/Key:opening_date',
  ],
});
