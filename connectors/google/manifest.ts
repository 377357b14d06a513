/** Google Business Profile: the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';
import { ADDRESS_LINES_MAX } from './address.ts';
import { ADDITIONAL_PHONES_MAX } from './phones.ts';
import { LIMITS } from './rules.ts';

export const googleManifest = defineManifest({
  id: 'google',
  name: 'Google Business Profile (Google Search & Maps)',
  countries: 'GLOBAL',
  kind: 'search',
  reach: 'api',
  auth: { kind: 'oauth2', scopes: ['https://www.googleapis.com/auth/business.manage'] },
  baseUrl: 'https://mybusinessbusinessinformation.googleapis.com/v1',
  // 300 requests/min per API and project, 10 edits/min per profile (cannot be raised), 10,000
  // location updates per day.
  quotas: { requestsPerMinute: 300, editsPerDay: 10_000, perListing: { editsPerMinute: 10 } },
  fieldLimits: {
    nameMax: LIMITS.titleMax,
    descriptionMax: LIMITS.descriptionMax,
    addressLinesMax: ADDRESS_LINES_MAX,
    categoriesMax: 1 + LIMITS.additionalCategoriesMax,
    labelsMax: LIMITS.labelsMax,
    labelMax: LIMITS.labelMax,
    phonesMax: 1 + ADDITIONAL_PHONES_MAX,
  },
  // Listings (Business Information API), reviews and replies (My Business v4), local posts (v4),
  // insights (Business Profile Performance API).
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: true, posts: true, insights: true },
  // The v4 API takes replies (comment up to 4,096 bytes) but has no call to flag a review: the
  // owner reports it in the Reviews Management Tool.
  reviews: { replyMaxBytes: 4096, report: 'manual', reportUrl: 'https://support.google.com/business/answer/4596773' },
  // Google excludes business situations, not categories (see categories.ts), and the countries
  // it does not serve are a code rule (rules.ts) since the manifest lists only allowed countries.
  eligibility: {},
  factsInferred: ['fieldLimits.nameMax', 'fieldLimits.labelsMax'],
  sources: [
    '../shared/platforms.csv (google)',
    'developers.google.com/my-business/content/limits',
    'developers.google.com/my-business/reference/businessinformation/rest/v1/accounts.locations',
    'developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews',
    'developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews/updateReply (comment: 4,096 bytes)',
    'developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts',
    'developers.google.com/my-business/reference/performance/rest',
    'support.google.com/business/answer/3038177 (guidelines for representing your business)',
    'support.google.com/business/answer/13763036 (business eligibility)',
    'support.google.com/google-ads/answer/6163740 (Google services and OFAC-sanctioned regions)',
  ],
});
