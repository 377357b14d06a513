/**
 * Tripadvisor: the data half of the connector. What Tripadvisor publicly documents is read-only:
 * the Content API (api.content.tripadvisor.com/api/v1) gives location details and at most five
 * recent reviews and photos per location; owners edit listings and answer reviews by hand in the
 * Tripadvisor Management Center. Listing writes reach Tripadvisor only under a partner agreement
 * (the catalog's reach is partner-api), so the connector writes through Tenpo's publisher protocol
 * (connectors/runtime/publisher/README.md) at the endpoint that agreement names: every fact about
 * that route is inferred and listed below.
 */
import { defineManifest } from '../runtime/manifest.ts';

/** Tripadvisor lists hotels, restaurants and attractions only (Content API: "Locations are defined within this API as hotels, restaurants or attractions"). */
export const CATEGORY_MAP: Readonly<Record<string, string>> = {
  restaurant: 'restaurant',
  cafe: 'restaurant',
  bar: 'restaurant',
  bakery: 'restaurant',
  dessert_shop: 'restaurant',
  hotel: 'hotel',
  hostel: 'hotel',
  karaoke: 'attraction',
  movie_theater: 'attraction',
  amusement_arcade: 'attraction',
  public_bath: 'attraction',
  shopping_mall: 'attraction',
  souvenir_store: 'attraction',
};

export const tripadvisorManifest = defineManifest({
  id: 'tripadvisor',
  name: 'Tripadvisor',
  countries: 'GLOBAL',
  kind: 'vertical',
  reach: 'partner-api',
  // Per connection: the key of the partner endpoint. The Content API key is Tenpo's (app config).
  auth: { kind: 'api-key', placement: 'header', name: 'Authorization' },
  baseUrl: 'https://api.content.tripadvisor.com/api/v1',
  // Content API: "up to 50 calls per second", billed per call with a daily budget the key's owner sets.
  quotas: { requestsPerMinute: 3000 },
  fieldLimits: { nameMax: 100, descriptionMax: 5000, categoriesMax: 1, phonesMax: 1 },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: false, posts: false, insights: false },
  // No API takes owner responses or reports: both happen in the Management Center.
  reviews: { replyEmoji: true, report: 'manual', reportUrl: 'https://www.tripadvisor.com/Owners' },
  eligibility: { categories: Object.keys(CATEGORY_MAP) },
  delivery: { kind: 'publisher', protocol: 'tenpo-publisher/1' },
  listing: {
    fields: ['name', 'status', 'address', 'latitude', 'longitude', 'primaryPhone', 'website', 'primaryCategory', 'description', 'regularHours', 'specialHours'],
    required: ['address', 'primaryCategory'],
    categories: { map: { ...CATEGORY_MAP } },
  },
  factsInferred: [
    // The partner route: that Tripadvisor (or its connectivity partner) runs Tenpo's publisher
    // protocol, that its listing ids are Tripadvisor location ids, and what it accepts.
    'delivery',
    'capabilities.listingWrite',
    'capabilities.readBack',
    'listing.fields',
    'fieldLimits.nameMax',
    'fieldLimits.descriptionMax',
    'quotas.requestsPerMinute',
    'reviews.reportUrl',
  ],
  sources: [
    '../shared/platforms.csv (tripadvisor)',
    'tripadvisor-content-api.readme.io (Content API overview: location details, up to 5 reviews and 5 photos per location, up to 50 calls per second)',
    'tripadvisor-content-api.readme.io/reference/getlocationreviews (GET /location/{locationId}/reviews?key&language&limit&offset)',
    'tripadvisor-content-api.readme.io/reference/getlocationdetails (GET /location/{locationId}/details)',
    'tripadvisor.com/developers (Content API key, partner programmes)',
    'connectors/runtime/publisher/README.md (tenpo-publisher/1, the partner route)',
  ],
});
