/** Instagram (business profile location): the data half of the connector (see connectors/runtime/manifest.ts). */
import { defineManifest } from '../runtime/manifest.ts';

export const instagramManifest = defineManifest({
  id: 'instagram',
  name: 'Instagram (business profile location)',
  countries: 'GLOBAL',
  kind: 'social',
  reach: 'api',
  // Instagram API with Facebook Login: the IG User is read with instagram_basic and
  // pages_read_engagement; the linked Page is written with pages_manage_metadata.
  auth: { kind: 'oauth2', scopes: ['instagram_basic', 'pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'business_management'] },
  baseUrl: 'https://graph.facebook.com',
  // The Page writes share the Facebook Page's Business Use Case budget.
  quotas: { requestsPerMinute: 60, perListing: { editsPerMinute: 10 } },
  fieldLimits: { addressLinesMax: 1, phonesMax: 1 },
  // No reviews on Instagram (platforms.csv), and the profile itself cannot be written.
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  eligibility: {},
  factsInferred: ['quotas.requestsPerMinute', 'quotas.perListing.editsPerMinute', 'capabilities.listingWrite'],
  sources: [
    '../shared/platforms.csv (instagram)',
    'developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user ("Creating: This operation is not supported"; readable fields biography, name, username, website)',
    'developers.facebook.com/docs/instagram-api/reference/ig-user',
    'developers.facebook.com/docs/graph-api/reference/page (instagram_business_account: "Instagram account linked to page")',
    'developers.facebook.com/docs/graph-api/reference/page/locations',
    'developers.facebook.com/docs/graph-api/overview/rate-limiting',
  ],
});
