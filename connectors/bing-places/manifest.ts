/** Bing Places for Business: the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';

export const bingPlacesManifest = defineManifest({
  id: 'bing-places',
  name: 'Bing Places for Business (Bing Search & Maps)',
  countries: 'GLOBAL',
  kind: 'search',
  reach: 'partner-api',
  // Trusted partners are allow-listed by Bing; each request names the Bing Places user (Identity)
  // it acts for. No token or key travels with the request.
  auth: { kind: 'none' },
  baseUrl: 'https://www.bingplaces.com/trustedPartnerApi/v1',
  // Up to 1,000 businesses per request (Bing's own bound); the request rate is not published.
  quotas: { requestsPerMinute: 60 },
  fieldLimits: { addressLinesMax: 2, phonesMax: 1 },
  // Listings only: the partner API creates, updates and reads businesses and their status (and
  // impressions, which Tenpo does not read). Bing Places has no reviews API: reviews shown on Bing
  // come from other sites.
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  eligibility: {},
  factsInferred: ['auth', 'quotas.requestsPerMinute', 'eligibility'],
  sources: [
    '../shared/platforms.csv (bing-places)',
    'bpprodpublicstorage.blob.core.windows.net/bingplacesapi/BingPlaces_API_v1.0.pdf (Bing Places for Business API for trusted partners), as cited by github.com/incubyte/bing-places-node-sdk',
    'github.com/incubyte/bing-places-node-sdk (endpoints www.bingplaces.com/trustedPartnerApi/v1 and the sandbox; CreateBusinesses, UpdateBusinesses, GetBusinesses, GetBusinessStatusInfo bodies and answers; BusinessListing members; OperatingHours "Mon 08:00 AM-08:00 PM"; HolidayHours; Restaurants = BPCategoryId 700341)',
    'vdocuments.us copy of "Bing Places for Business API documentation" (trusted-partner API outline: authentication, request and response, errors)',
  ],
});
