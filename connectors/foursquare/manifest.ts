/** Foursquare Places: the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';
import { LIMITS } from './rules.ts';

export const foursquareManifest = defineManifest({
  id: 'foursquare',
  name: 'Foursquare (Places data)',
  countries: 'GLOBAL',
  kind: 'aggregator',
  reach: 'partner-api',
  // Service Account API key as a Bearer token (Places Feedback overview, migration guide).
  auth: { kind: 'api-key', placement: 'header', name: 'Authorization' },
  baseUrl: 'https://places-api.foursquare.com',
  quotas: { requestsPerMinute: 100 },
  fieldLimits: { nameMax: LIMITS.nameMax, descriptionMax: LIMITS.descriptionMax, phonesMax: 1 },
  // Suggest new place / edit / remove; place details for read-back; tips for reviews (no replies).
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: false, posts: false, insights: false },
  eligibility: {},
  factsInferred: ['quotas.requestsPerMinute', 'fieldLimits.nameMax'],
  sources: [
    '../shared/platforms.csv (foursquare)',
    'docs.foursquare.com/fsq-developers-places/reference/migration-guide (places-api.foursquare.com, Bearer key, X-Places-Api-Version)',
    'docs.foursquare.com/fsq-developers-places/reference/places-suggest-place',
    'docs.foursquare.com/fsq-developers-places/reference/place-suggest-edit (hours format, description up to 300 characters, unset_fields)',
    'docs.foursquare.com/fsq-developers-places/reference/place-suggest-remove',
    'docs.foursquare.com/fsq-developers-places/reference/place-suggest-status',
    'docs.foursquare.com/fsq-developers-places/reference/place-details',
    'docs.foursquare.com/fsq-developers-places/reference/place-tips',
    'docs.foursquare.com/developer/reference/places-feedback (Service Account key required)',
    'docs.foursquare.com/data-products/docs/categories (Category Taxonomy)',
    // Categories (categories.ts): the ids marked "list" are in this copy of the taxonomy's first two levels.
    'github.com/adviceinteractivegroup/foursquare_categories index.js (category_id and title, e.g. Drugstore 5745c2e4498e11e7bccabdbd, Burger Joint 4bf58dd8d48988d16c941735)',
  ],
});
