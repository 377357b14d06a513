/**
 * Yahoo!プレイス: the data half of the connector (see connectors/runtime/manifest.ts). The read side
 * is YOLP's documented Local Search API; the write side is a partner API that Yahoo! JAPAN does not
 * publish, so its facts are marked inferred.
 */
import { defineManifest } from '../runtime/manifest.ts';
import { LIMITS } from './rules.ts';

export const yahooPlaceManifest = defineManifest({
  id: 'yahoo-place-jp',
  name: 'Yahoo!プレイス (Yahoo! JAPAN Search / Yahoo!マップ)',
  countries: ['JP'],
  kind: 'search',
  reach: 'partner-api',
  // The partner token as a Bearer header; YOLP reads take Tenpo's Client ID as `appid`.
  auth: { kind: 'api-key', placement: 'header', name: 'Authorization' },
  baseUrl: 'https://map.yahooapis.jp',
  // Inferred: Yahoo! JAPAN's Web API guideline of 50,000 requests a day per Client ID, spread
  // evenly; the partner API's own limits come with the agreement.
  quotas: { requestsPerMinute: 60, requestsPerDay: 50_000 },
  fieldLimits: { nameMax: LIMITS.nameMax, descriptionMax: LIMITS.descriptionMax, phonesMax: 1 },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  eligibility: { countries: ['JP'] },
  factsInferred: [
    'auth.kind',
    'quotas.requestsPerMinute',
    'quotas.requestsPerDay',
    'fieldLimits.nameMax',
    'fieldLimits.descriptionMax',
    'capabilities.listingWrite',
    'capabilities.readBack',
  ],
  sources: [
    '../shared/platforms.csv (yahoo-place-jp)',
    'developer.yahoo.co.jp/webapi/map/openlocalplatform/v1/localsearch.html (Yahoo!ローカルサーチAPI: appid, output=json, uid, gc=0115001 カフェ)',
    'developer.yahoo.co.jp/webapi/map/openlocalplatform/v1/ydf/reference.html (YDF: ResultInfo, Feature, Property)',
    'developer.yahoo.co.jp/webapi/map/openlocalplatform/genre.html (YOLP 業種コード)',
    'white-link.com/sem-plus/yahoo-meo (Yahoo!プレイス for businesses)',
  ],
});
