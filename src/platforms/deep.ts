import type { Connector } from '../../connectors/runtime/connector.ts';
import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';
import { appleBusinessConnectManifest, createAppleBusinessConnectConnector } from '../../connectors/apple-business-connect/index.ts';
import { bingPlacesManifest, createBingPlacesConnector } from '../../connectors/bing-places/index.ts';
import { createFacebookConnector, facebookManifest } from '../../connectors/facebook/index.ts';
import { createFoursquareConnector, foursquareManifest } from '../../connectors/foursquare/index.ts';
import { createGoogleConnector } from '../../connectors/google/index.ts';
import { googleManifest } from '../../connectors/google/manifest.ts';
import { createHereConnector, hereManifest } from '../../connectors/here/index.ts';
import { createInstagramConnector, instagramManifest } from '../../connectors/instagram/index.ts';
import { createTomTomConnector, tomtomManifest } from '../../connectors/tomtom/index.ts';
import { createTripadvisorConnector, tripadvisorManifest } from '../../connectors/tripadvisor/index.ts';
import { createYahooPlaceConnector, yahooPlaceManifest } from '../../connectors/yahoo-place-jp/index.ts';
import { createYelpConnector, yelpManifest } from '../../connectors/yelp/index.ts';
import type { Env } from '../env.ts';

/**
 * The platforms with a connector of their own, and what each needs from the deployment: app
 * credentials a platform issues to Tenpo (not to a merchant) and, for sandboxes or local fakes,
 * a base URL. Per connector, from TENPO_CONNECTOR_CONFIG ({"yahoo-place-jp":{"appId":"…"}}).
 */
interface DeepConnector {
  manifest: ConnectorManifest;
  /** The connector, or why this deployment cannot offer it (a user reads it). */
  create(config: Readonly<Record<string, string>>, env: Env): Connector | string;
}

function pick<K extends string>(config: Readonly<Record<string, string>>, keys: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(keys.filter((k) => config[k] !== undefined).map((k) => [k, config[k]])) as Partial<Record<K, string>>;
}

const DEEP: readonly DeepConnector[] = [
  {
    manifest: googleManifest,
    create: (_c, env) =>
      env.GOOGLE_OAUTH_CLIENT_ID && env.GOOGLE_OAUTH_CLIENT_SECRET
        ? (createGoogleConnector({ clientId: env.GOOGLE_OAUTH_CLIENT_ID, clientSecret: env.GOOGLE_OAUTH_CLIENT_SECRET, rootUrl: env.GOOGLE_API_ROOT_URL, tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL }) as Connector)
        : 'Google Business Profile is not configured on this Tenpo deployment: set GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET.',
  },
  {
    manifest: appleBusinessConnectManifest,
    create: (c) =>
      c.clientId && c.clientSecret
        ? (createAppleBusinessConnectConnector({ clientId: c.clientId, clientSecret: c.clientSecret, ...pick(c, ['baseUrl']) }) as Connector)
        : 'Apple Business Connect is not configured on this Tenpo deployment: set the Service Account "clientId" and "clientSecret" under "apple-business-connect" in TENPO_CONNECTOR_CONFIG.',
  },
  {
    // Bing allow-lists partners by the identity in each request: nothing else is needed here.
    manifest: bingPlacesManifest,
    create: (c) => createBingPlacesConnector(pick(c, ['baseUrl'])) as Connector,
  },
  {
    // Merchants bring their main Page's token; an app secret, when set, signs every request.
    manifest: facebookManifest,
    create: (c) => createFacebookConnector(pick(c, ['baseUrl', 'apiVersion', 'ratingsApiVersion', 'appSecret'])) as Connector,
  },
  {
    manifest: instagramManifest,
    create: (c) => createInstagramConnector(pick(c, ['baseUrl', 'apiVersion', 'appSecret'])) as Connector,
  },
  {
    // Merchants bring their own Service Account key; nothing is needed from the deployment.
    manifest: foursquareManifest,
    create: (c) => createFoursquareConnector(pick(c, ['baseUrl', 'apiVersion'])) as Connector,
  },
  {
    manifest: yahooPlaceManifest,
    create: (c) =>
      c.appId && c.partnerBaseUrl
        ? (createYahooPlaceConnector({ appId: c.appId, partnerBaseUrl: c.partnerBaseUrl, ...(c.yolpBaseUrl ? { yolpBaseUrl: c.yolpBaseUrl } : {}) }) as Connector)
        : 'Yahoo!プレイス is not configured on this Tenpo deployment: set "appId" (YOLP Client ID) and "partnerBaseUrl" (from the Yahoo! JAPAN partner agreement) under "yahoo-place-jp" in TENPO_CONNECTOR_CONFIG.',
  },
  {
    manifest: yelpManifest,
    create: (c) =>
      c.clientId && c.clientSecret && c.partnerUser && c.partnerPassword && c.apiKey
        ? (createYelpConnector({
            clientId: c.clientId,
            clientSecret: c.clientSecret,
            partnerUser: c.partnerUser,
            partnerPassword: c.partnerPassword,
            apiKey: c.apiKey,
            ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}),
            ...(c.apiBaseUrl ? { apiBaseUrl: c.apiBaseUrl } : {}),
          }) as Connector)
        : 'Yelp is not configured on this Tenpo deployment: set "clientId", "clientSecret" (Respond to Reviews OAuth client), "partnerUser", "partnerPassword" (Data Ingestion) and "apiKey" under "yelp" in TENPO_CONNECTOR_CONFIG.',
  },
  {
    manifest: hereManifest,
    create: (c) =>
      c.accessKeyId && c.accessKeySecret
        ? (createHereConnector({ accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...pick(c, ['baseUrl', 'tokenUrl', 'lookupUrl']) }) as Connector)
        : 'HERE is not configured on this Tenpo deployment: set the HERE platform credentials "accessKeyId" and "accessKeySecret" under "here" in TENPO_CONNECTOR_CONFIG.',
  },
  {
    manifest: tomtomManifest,
    create: (c) =>
      c.apiKey
        ? (createTomTomConnector({ apiKey: c.apiKey, ...pick(c, ['baseUrl']) }) as Connector)
        : 'TomTom is not configured on this Tenpo deployment: set "apiKey" under "tomtom" in TENPO_CONNECTOR_CONFIG.',
  },
  {
    manifest: tripadvisorManifest,
    create: (c) =>
      c.contentApiKey
        ? (createTripadvisorConnector({ contentApiKey: c.contentApiKey, ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}) }) as Connector)
        : 'Tripadvisor is not configured on this Tenpo deployment: set "contentApiKey" under "tripadvisor" in TENPO_CONNECTOR_CONFIG.',
  },
];

/** The manifests of the platforms with a connector of their own, configured here or not. */
export function deepManifests(): ConnectorManifest[] {
  return DEEP.map((d) => d.manifest);
}

export function deepConnectors(env: Env): { connectors: Connector[]; missing: Record<string, string> } {
  const connectors: Connector[] = [];
  const missing: Record<string, string> = {};
  for (const d of DEEP) {
    const made = d.create(env.TENPO_CONNECTOR_CONFIG[d.manifest.id] ?? {}, env);
    if (typeof made === 'string') missing[d.manifest.id] = made;
    else connectors.push(made);
  }
  return { connectors, missing };
}
