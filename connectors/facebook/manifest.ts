/** Facebook Pages: the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';
import { CATEGORIES_MAX } from './categories.ts';
import { LIMITS } from './rules.ts';

export const facebookManifest = defineManifest({
  id: 'facebook',
  name: 'Facebook Pages',
  countries: 'GLOBAL',
  kind: 'social',
  reach: 'api',
  // Page access tokens from Facebook Login (pages_show_list, pages_read_engagement,
  // pages_manage_metadata, pages_read_user_content, pages_manage_engagement).
  auth: { kind: 'oauth2', scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'pages_read_user_content', 'pages_manage_engagement', 'business_management'] },
  baseUrl: 'https://graph.facebook.com',
  // Pages are metered by Business Use Case limits that scale with the Page's engaged users and
  // are reported in X-Business-Use-Case-Usage; this fixed budget keeps well inside them.
  quotas: { requestsPerMinute: 60, perListing: { editsPerMinute: 10 } },
  fieldLimits: { nameMax: LIMITS.nameMax, descriptionMax: LIMITS.aboutMax, addressLinesMax: 1, categoriesMax: CATEGORIES_MAX, phonesMax: 1 },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: true, posts: false, insights: false },
  // Replies are Page comments on the recommendation's story; a Page reports a recommendation from
  // its "Find support or report" menu, not through the API.
  reviews: { replyMaxChars: 8000, report: 'manual', reportUrl: 'https://www.facebook.com/help/1753719584844061' },
  eligibility: {},
  factsInferred: ['quotas.requestsPerMinute', 'quotas.perListing.editsPerMinute', 'fieldLimits.nameMax', 'fieldLimits.categoriesMax', 'reviews.replyMaxChars'],
  sources: [
    '../shared/platforms.csv (facebook)',
    'developers.facebook.com/docs/graph-api/reference/page (fields, "Updating", error codes; about: "Limit of 100 characters"; hours keys {day}_{number}_{status}, 2 ranges a day; temporary_status values)',
    'developers.facebook.com/docs/graph-api/reference/page/locations (location Pages of a parent Page, store_number, guidelines)',
    'developers.facebook.com/docs/graph-api/reference/location',
    'developers.facebook.com/docs/graph-api/reference/page/ratings ("Parent Page access tokens cannot be used to get recommendations for child Pages")',
    'developers.facebook.com/docs/graph-api/reference/recommendation ("deprecated for v22.0 … will return error code 12")',
    'developers.facebook.com/docs/graph-api/changelog/non-versioned-changes/aug-17-2018 (recommendation_type replaces rating)',
    'developers.facebook.com/docs/graph-api/changelog/versions (v21.0 available until 2027-01-21)',
    'developers.facebook.com/docs/pages/upcoming-changes (proposed changes: upcoming_changes, proposal.category/proposed_value)',
    'developers.facebook.com/docs/pages/managing (Page tokens, tasks, permissions)',
    'developers.facebook.com/docs/graph-api/overview/rate-limiting (Business Use Case limits, X-Business-Use-Case-Usage)',
    'developers.facebook.com/docs/graph-api/guides/error-handling (error object, codes 190, 4, 17, 32, 613, 100)',
    'developers.facebook.com/docs/graph-api/securing-requests (appsecret_proof)',
    'github.com/facebook/facebook-business-sdk-codegen api_specs/specs/Page.json (POST locations and Page update parameters)',
    'www.facebook.com/help/1753719584844061 (reporting abuse)',
  ],
});
