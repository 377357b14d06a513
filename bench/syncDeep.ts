/**
 * The deep connectors' side of bench:sync --network, run in the `deep` child (syncChild.ts): the
 * fake of each platform with a connector of its own besides Google, each seeded with the chain's
 * account, and what the parent needs to connect them: the deployment's TENPO_CONNECTOR_CONFIG
 * and, per platform, the input a merchant gives connectPlatform.
 *
 * As with Google, request quotas are lifted on both sides (a partner with raised quotas), so the
 * run measures Tenpo's work rather than a platform's rate limit. Platforms that review or process
 * on their own schedule do it here as soon as they can: Apple publishes, Foursquare accepts
 * suggestions, Yahoo!プレイス publishes after review, Yelp applies ingestion jobs, and HERE and
 * TomTom report on feeds.
 */
import type { Calls } from './syncReport.ts';
import { startFakeApple } from '../test/fakes/apple-business-connect/server.ts';
import { startFakeBing } from '../test/fakes/bing-places/server.ts';
import { startFakeFacebook } from '../test/fakes/facebook/server.ts';
import { startFakeFoursquare } from '../test/fakes/foursquare/server.ts';
import { startFakeHere } from '../test/fakes/here/server.ts';
import { seedInstagramStore, startFakeInstagram } from '../test/fakes/instagram/server.ts';
import { startFakePublisher } from '../test/fakes/publisher/server.ts';
import { startFakeTomTom } from '../test/fakes/tomtom/server.ts';
import { startFakeTripadvisor } from '../test/fakes/tripadvisor/server.ts';
import { startFakeYahoo } from '../test/fakes/yahoo-place-jp/server.ts';
import { startFakeYelp } from '../test/fakes/yelp/server.ts';

export interface DeepConnection {
  platform: string;
  account: string | null;
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
}

interface Recorded {
  calls: object[];
  serverErrors: string[];
}

const UNLIMITED = 1_000_000_000;
/**
 * Category ids for the bench chain's categories the connectors do not build in. They stand in for
 * the ids a deployment copies from each platform's list (connection settings `categoryIds` and
 * `bingCategories`); the fakes are taught the same ids.
 */
const BENCH_CATEGORIES = ['restaurant', 'cafe', 'bakery', 'dessert_shop', 'drugstore', 'pharmacy', 'cosmetics_store', 'optician', 'hotel'] as const;
const FACEBOOK_CATEGORIES: Record<string, string> = Object.fromEntries(BENCH_CATEGORIES.map((c, i) => [c, String(900_000_000_000_001 + i)]));
const BING_CATEGORIES = Object.fromEntries(BENCH_CATEGORIES.filter((c) => c !== 'restaurant').map((c, i) => [c, { id: 790_001 + i, name: `Bench ${c}` }]));

export interface DeepFakes {
  config: Record<string, Record<string, string>>;
  connections: DeepConnection[];
  /** Calls since the last clear, by platform; `failed` counts answers of 500 and above. */
  calls(clear: boolean): Calls;
  close(): Promise<void>;
}

/** Starts every deep fake; `stores` are the chain's store codes and names (Instagram accounts exist per store). */
export async function startDeepFakes(stores: { storeCode: string; name: string }[]): Promise<DeepFakes> {
  const apple = await startFakeApple({ autoPublish: true });
  const appleOrg = '9467895078742654934';
  apple.share(appleOrg);

  const bing = await startFakeBing();
  const identity = { Puid: 'puid-bench', AuthProvider: 'MSA', EmailId: 'bench@tenpo.example' };
  bing.addIdentity(identity);

  const facebook = await startFakeFacebook({ pageCallsPerMinute: UNLIMITED });
  for (const [category, id] of Object.entries(FACEBOOK_CATEGORIES)) facebook.state.categories.set(id, `Bench ${category}`);
  const fbMain = facebook.seedMainPage({ name: 'Tenpo Bench Chain' });

  // An Instagram professional account per store, each linked to the store's location Page.
  const instagram = await startFakeInstagram({ pageCallsPerMinute: UNLIMITED });
  const igMain = instagram.seedMainPage({ name: 'Tenpo Bench Chain' });
  for (const s of stores) seedInstagramStore(instagram, igMain.page.id, s.storeCode, `tenpo_${s.storeCode.toLowerCase().replace(/[^a-z0-9]/g, '_')}`, { name: s.name });

  const foursquare = await startFakeFoursquare({ requestsPerMinute: UNLIMITED, autoAcceptEdits: true });
  const foursquareKey = foursquare.issueKey('service');

  const here = await startFakeHere({ processingDelayMs: 0 });
  const hereProject = here.seedProject('Tenpo Bench Chain');

  const tomtom = await startFakeTomTom({ processingDelayMs: 0 });
  const tomtomSource = tomtom.seedSource('Tenpo Bench Chain');

  const tripadvisorContent = await startFakeTripadvisor();
  const tripadvisorPartner = await startFakePublisher();
  tripadvisorPartner.keys.set('bench-tripadvisor', { id: 'ta-bench', name: 'Tenpo Bench Chain' });

  const yahoo = await startFakeYahoo({ requestsPerMinute: UNLIMITED });
  const yahooToken = yahoo.issueToken('biz_bench', 'てんぽベンチ株式会社');

  const yelp = await startFakeYelp({ processImmediately: true });
  const yelpOwner = yelp.seedOwner();

  // The platforms' own review and processing, on their schedule: here, every 200 ms.
  const timer = setInterval(() => {
    for (const s of foursquare.suggestions.values()) if (s.status === 'pending') foursquare.accept(s.id);
    for (const [id, place] of yahoo.places) if (place.reviewStatus === 'IN_REVIEW') yahoo.publish(id);
    for (const b of bing.businesses.values()) if (b.status !== 'Published' || b.hasPendingPublish) bing.publish(String(b.listing.StoreId));
    tripadvisorPartner.processFeeds();
  }, 200);

  // Each platform's recorded calls; Tripadvisor's are its Content API's and its publisher partner's.
  const recorded: Record<string, Recorded> = {
    'apple-business-connect': apple,
    'bing-places': bing,
    facebook,
    instagram,
    foursquare,
    here,
    tomtom,
    tripadvisor: { calls: tripadvisorContent.calls, serverErrors: tripadvisorContent.serverErrors },
    'tripadvisor (publisher partner)': { calls: tripadvisorPartner.requests, serverErrors: tripadvisorPartner.serverErrors },
    'yahoo-place-jp': yahoo,
    yelp,
  };

  return {
    config: {
      'apple-business-connect': { clientId: apple.clientId, clientSecret: apple.clientSecret, baseUrl: apple.url },
      'bing-places': { baseUrl: bing.url },
      facebook: { baseUrl: facebook.url },
      instagram: { baseUrl: instagram.url },
      foursquare: { baseUrl: foursquare.url },
      here: { accessKeyId: here.app.accessKeyId, accessKeySecret: here.app.accessKeySecret, baseUrl: here.url, tokenUrl: here.tokenUrl, lookupUrl: here.url },
      tomtom: { apiKey: tomtom.apiKey, baseUrl: tomtom.url },
      tripadvisor: { contentApiKey: tripadvisorContent.key, baseUrl: tripadvisorContent.url },
      'yahoo-place-jp': { appId: yahoo.appId, partnerBaseUrl: yahoo.url, yolpBaseUrl: yahoo.url },
      yelp: {
        clientId: yelp.client.id,
        clientSecret: yelp.client.secret,
        partnerUser: yelp.partner.user,
        partnerPassword: yelp.partner.password,
        apiKey: yelp.apiKey,
        baseUrl: yelp.url,
        apiBaseUrl: yelp.url,
      },
    },
    connections: [
      { platform: 'apple-business-connect', account: appleOrg, credentials: {}, settings: { orgId: appleOrg, brandId: '9467895078742654946' } },
      { platform: 'bing-places', account: null, credentials: { puid: identity.Puid, authProvider: identity.AuthProvider, emailId: identity.EmailId }, settings: { bingCategories: BING_CATEGORIES } },
      { platform: 'facebook', account: null, credentials: { pageAccessToken: fbMain.token }, settings: { pageId: fbMain.page.id, categoryIds: FACEBOOK_CATEGORIES } },
      { platform: 'instagram', account: null, credentials: { pageAccessToken: igMain.token }, settings: { pageId: igMain.page.id } },
      { platform: 'foursquare', account: null, credentials: { serviceApiKey: foursquareKey }, settings: {} },
      { platform: 'here', account: null, credentials: { projectHrn: hereProject }, settings: {} },
      { platform: 'tomtom', account: null, credentials: { sourceId: tomtomSource }, settings: {} },
      { platform: 'tripadvisor', account: null, credentials: { apiKey: 'bench-tripadvisor' }, settings: { endpoint: tripadvisorPartner.url } },
      { platform: 'yahoo-place-jp', account: null, credentials: { partnerToken: yahooToken }, settings: {} },
      { platform: 'yelp', account: null, credentials: { refreshToken: yelpOwner.refreshToken }, settings: {} },
    ],
    calls(clear) {
      const byKind: Record<string, number> = {};
      const failures: string[] = [];
      const serverErrors: string[] = [];
      let failed = 0;
      for (const [id, fake] of Object.entries(recorded)) {
        if (fake.calls.length) byKind[id] = fake.calls.length;
        // The publisher fake records requests, not answers; its server errors still count below.
        const bad = fake.calls.filter((c) => {
          const status = (c as { status?: unknown }).status;
          return typeof status === 'number' && status >= 500;
        }).length;
        failed += bad;
        if (bad) failures.push(`${id}: ${bad} answered 5xx`);
        serverErrors.push(...fake.serverErrors.slice(0, 3).map((e) => `${id}: ${e}`));
        if (clear) fake.calls.length = 0;
      }
      return { total: Object.values(byKind).reduce((a, n) => a + n, 0), byKind, failed, failures, quotaViolations: 0, serverErrors };
    },
    async close() {
      clearInterval(timer);
      await Promise.all([apple, bing, facebook, instagram, foursquare, here, tomtom, tripadvisorContent, tripadvisorPartner, yahoo, yelp].map((f) => f.close()));
    },
  };
}
