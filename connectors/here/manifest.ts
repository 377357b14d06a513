/**
 * HERE (HERE WeGo / HERE Places): the data half of the connector. What is HERE's own and
 * documented: the OAuth 2.0 token endpoint and its OAuth 1.0a-signed client-credentials request
 * (project-scoped with `scope`), Geocoding & Search `lookup` and its place shape (structured
 * opening hours, category ids, alpha-3 country codes), the Places category ids. HERE publishes
 * no format for POI supplier feeds (it is agreed per supplier contract), so the feed service's
 * host and paths (feed.ts) and the CSV layout (csv.ts) are Tenpo's design on those documented
 * conventions; they and the limits are listed in factsInferred.
 */
import { defineManifest } from '../runtime/manifest.ts';
import { LIMITS } from './rules.ts';

export const hereManifest = defineManifest({
  id: 'here',
  name: 'HERE (HERE WeGo / HERE Places)',
  countries: 'GLOBAL',
  kind: 'navigation',
  reach: 'feed',
  auth: { kind: 'oauth2' },
  baseUrl: 'https://poi-supplier.data.api.platform.here.com',
  // Geocoding & Search's base plan allows 5 requests per second; the feed service is assumed alike.
  quotas: { requestsPerMinute: 300 },
  fieldLimits: {
    nameMax: LIMITS.nameMax,
    descriptionMax: LIMITS.descriptionMax,
    categoriesMax: 1 + LIMITS.additionalCategoriesMax,
    phonesMax: LIMITS.phonesMax,
  },
  // Listings by feed, read back through Geocoding & Search lookup. HERE shows no reviews.
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  // Embargoed countries are a code rule (rules.ts): the manifest lists only allowed countries.
  eligibility: {},
  factsInferred: ['baseUrl', 'quotas.requestsPerMinute', 'fieldLimits.nameMax', 'fieldLimits.descriptionMax', 'fieldLimits.categoriesMax', 'fieldLimits.phonesMax'],
  sources: [
    '../shared/platforms.csv (here)',
    'developer.here.com/documentation/identity-access-management/dev_guide/topics/dev-token.html (OAuth 2.0 token request, OAuth 1.0a HMAC-SHA256 signature)',
    'account.api.here.com/oauth2/token (OAuth 2.0 Access Token Endpoint API 1.2.0, api-evangelist/here openapi)',
    'github.com/heremaps/here-aaa-java-sdk (token request signing, credentials.properties)',
    'developer.here.com/documentation/geocoding-search-api (lookup, place contacts/categories/openingHours.structured)',
    'docs.aws.amazon.com/location/latest/APIReference/API_geoplaces_OpeningHoursComponents.html (HERE structured hours: T070000, PT12H00M, FREQ:DAILY;BYDAY)',
    'HERE Places category system (100-1000-0000 …; list as published in github makarovlab/spider-template-generator-ui src/api/categories.js)',
    'here.com/learn/blog/authentication-on-here-platform',
  ],
});
