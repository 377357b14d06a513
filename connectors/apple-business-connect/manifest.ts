/** Apple Business (Apple Business Connect): the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';
import { LIMITS } from './rules.ts';

export const appleBusinessConnectManifest = defineManifest({
  id: 'apple-business-connect',
  name: 'Apple Maps (Apple Business Connect)',
  countries: 'GLOBAL',
  kind: 'maps',
  reach: 'partner-api',
  // Service Account: OAuth 2.0 client_credentials, scope "business", 60-minute bearer tokens.
  auth: { kind: 'oauth2', scopes: ['business'] },
  baseUrl: 'https://business.apple.com',
  // Apple does not publish request quotas outside the partner onboarding; these are conservative.
  quotas: { requestsPerMinute: 60, perListing: { editsPerMinute: 2 } },
  fieldLimits: {
    nameMax: LIMITS.nameMax,
    descriptionMax: LIMITS.descriptionMax,
    phonesMax: 1 + LIMITS.additionalPhonesMax,
    addressLinesMax: 1,
  },
  // Location read and write. Apple Maps ratings come from Apple's own users and review partners;
  // its review APIs only take reviews from approved review providers ("Location owners cannot
  // use these API"), so there is nothing to read or reply to. Showcases are not written here.
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  eligibility: {},
  factsInferred: ['quotas.requestsPerMinute', 'quotas.perListing.editsPerMinute', 'fieldLimits.nameMax', 'fieldLimits.descriptionMax', 'fieldLimits.phonesMax', 'eligibility'],
  sources: [
    '../shared/platforms.csv (apple-business-connect)',
    'business.apple.com/docs/api/v1/faq (base URLs: business.apple.com, api-qualification and data-qualification hosts)',
    'business.apple.com/docs/api/v1/references/request_svc_acct_token (POST /api/v1/oauth2/token, client_credentials, scope "business")',
    'business.apple.com/docs/api/v1/service_accounts/overview (60-minute tokens, no refresh token)',
    'business.apple.com/docs/api/v1/location/create (POST /api/{version}/orgs/{orgId}/locations)',
    'business.apple.com/docs/api/v1/location/update (PUT with If-Match; omitted fields are deleted)',
    'business.apple.com/docs/api/v1/location/get_by_id (etag header, state, placeCardUrl)',
    'business.apple.com/docs/api/v1/location/get_by_partner_id (GET .../locations/by-partner-locationId/{partnersLocationId})',
    'business.apple.com/docs/api/v1/processes/location (SUBMITTED → PUBLISHED / REJECTED, poll every 15 minutes)',
    'business.apple.com/docs/api/v1/guidance/location_status (CLOSED, OPENING_SOON ≤ 180 days, TEMPORARILY_CLOSED with reopenDate)',
    'business.apple.com/docs/api/v1/guidance/opening_hours_by_day (startTime/endTime HH:MM 00-24, OSM opening_hours)',
    'business.apple.com/docs/api/v1/guidance/phone_numbers (E.164, VOICE rather than LANDLINE)',
    'business.apple.com/docs/api/v1/guidance/main_address',
    'business.apple.com/docs/api/v1/guidance/misc (coordinates as strings, at least five decimals)',
    'business.apple.com/docs/api/v1/guidance/urls',
    'business.apple.com/docs/api/v1/faq (review APIs are for review providers, not location owners)',
    'github.com developermarius Apple Business Connect PHP client (request/response examples: specialHours.hoursByDay, categories, locationStatus, error array)',
    // Categories (categories.ts): every id is in this list, and the recorded API answer echoes ids
    // from it. Not Apple's own publication, so the map stays to be checked against the partner list.
    'github.com/DeveloperMarius/apple-business-connect-api src/models/AppleCategory.php (location category ids, e.g. restaurants.japanese.ramen, food.bakeries, shopping.drugstores; no generic restaurant)',
    'github.com/DeveloperMarius/apple-business-connect-api src/AppleBusinessConnectClient.php (API answer with "categories": ["food.desserts", "food.gelato", "health.dietitians"])',
    'developer.apple.com/documentation/apple-ads-platform-api/businesscategory (qualifiedId such as dining.restaurant: the Apple Ads taxonomy, not the location categories)',
    'support.apple.com/guide/apple-business-connect/abcb5add1f54 (Apple expanded its business categories)',
  ],
});
