/** Yelp: the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';
import { ADDRESS_LINES_MAX } from './address.ts';
import { REPLY_MAX_CHARS } from './reviews.ts';
import { LIMITS, YELP_COUNTRIES } from './rules.ts';

export const yelpManifest = defineManifest({
  id: 'yelp',
  name: 'Yelp',
  countries: [...YELP_COUNTRIES],
  kind: 'review-site',
  reach: 'partner-api',
  // Per connection: the business owner's OAuth grant (Respond to Reviews and the owner profile).
  // Data Ingestion (HTTP Basic) and business details (API key) use Tenpo's own app credentials.
  auth: { kind: 'oauth2', scopes: ['r2r', 'r2r_business_owner'] },
  baseUrl: 'https://partner-api.yelp.com',
  // Yelp's API keys default to 5,000 calls a day (Places API plans); partner contracts vary.
  quotas: { requestsPerDay: 5000 },
  fieldLimits: {
    nameMax: LIMITS.nameMax,
    descriptionMax: LIMITS.specialtiesMax,
    addressLinesMax: ADDRESS_LINES_MAX,
    categoriesMax: LIMITS.categoriesMax,
    phonesMax: 1,
  },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: true, posts: false, insights: false },
  // Respond to Reviews: response_text up to 5,000 characters, "Emojis are not currently supported",
  // "a maximum of 20 comments for each location per biz owner per day". Yelp has no API to flag a
  // review: the owner reports it from the review on Yelp for Business.
  reviews: { replyMaxChars: REPLY_MAX_CHARS, replyEmoji: false, repliesPerListingPerDay: 20, report: 'manual', reportUrl: 'https://biz.yelp.com/' },
  eligibility: { countries: [...YELP_COUNTRIES] },
  factsInferred: [
    'quotas.requestsPerDay',
    'fieldLimits.nameMax',
    'fieldLimits.descriptionMax',
    'fieldLimits.categoriesMax',
    // Data Ingestion's writable attributes are contract-dependent; the names and shapes of hours,
    // special_hours, specialties, url, is_closed and temporarily_closed in `update` follow business
    // details and are not in the public reference. So is the job status's per-business error shape.
    'capabilities.listingWrite',
    'reviews.reportUrl',
  ],
  sources: [
    '../shared/platforms.csv (yelp)',
    'docs.developer.yelp.com/docs/data-ingestion-api',
    'docs.developer.yelp.com/reference/create_business_update_v1 (POST partner-api.yelp.com/v1/ingest/create; matching_criteria address1-3 max 64, allowed characters)',
    'docs.developer.yelp.com/reference/get_business_update_status_v1 (GET /v1/ingest/status/{job_id}?detail_level=2)',
    'docs.developer.yelp.com/docs/respond-to-reviews-api-v2 (POST /reviews/v1/{review_id}, response_type public_comment, no emoji)',
    'docs.developer.yelp.com/reference/create-review-response (R2R errors; R2R_COMMENT_QUOTA_EXCEEDED 20 per location per day; 5K characters)',
    'docs.developer.yelp.com/docs/authorization-code-workflow (scopes r2r, r2r_business_owner)',
    'docs.developer.yelp.com/docs/refresh-tokens (POST api.yelp.com/oauth2/token; access 7 days, refresh 365 days)',
    'docs.developer.yelp.com/reference/redeem-authorization-code-for-access-token (token error ids)',
    'Yelp Fusion / Places API business details and reviews (GET /v3/businesses/{id}, /v3/businesses/{id}/reviews; hours day 0 = Monday, "HHMM", is_overnight)',
    // Categories (categories.ts): every alias but shabushabu is in this copy of Yelp's list.
    'docs.developer.yelp.com/docs/resources-categories; docs.developer.yelp.com/reference/v3_all_categories (Yelp category aliases)',
    'github.com/alexrisch/yelp-client src/lib/categories.ts (copy of Yelp\'s category list: alias, title, parents, country lists)',
  ],
});
