/** Every connector of the network, built as the conformance suite and catalog specs need them. */
import type { Connector } from '../../../connectors/runtime/connector.ts';
import { createGoogleConnector } from '../../../connectors/google/index.ts';
import { createAppleBusinessConnectConnector } from '../../../connectors/apple-business-connect/index.ts';
import { createBingPlacesConnector } from '../../../connectors/bing-places/index.ts';
import { createFacebookConnector } from '../../../connectors/facebook/index.ts';
import { createFoursquareConnector } from '../../../connectors/foursquare/index.ts';
import { createHereConnector } from '../../../connectors/here/index.ts';
import { createInstagramConnector } from '../../../connectors/instagram/index.ts';
import { createTomTomConnector } from '../../../connectors/tomtom/index.ts';
import { createTripadvisorConnector } from '../../../connectors/tripadvisor/index.ts';
import { createYahooPlaceConnector } from '../../../connectors/yahoo-place-jp/index.ts';
import { createYelpConnector } from '../../../connectors/yelp/index.ts';
import { manifestConnectors } from '../../../src/platforms/registry.ts';

export function everyConnector(): Connector[] {
  return [
    ...manifestConnectors(),
    createGoogleConnector({ clientId: 'test-client-id', clientSecret: 'test-client-secret' }) as Connector,
    createFoursquareConnector() as Connector,
    createFacebookConnector() as Connector,
    createAppleBusinessConnectConnector({ clientId: 'c', clientSecret: 's' }) as Connector,
    createBingPlacesConnector() as Connector,
    createInstagramConnector() as Connector,
    createYahooPlaceConnector({ appId: 'test-app', partnerBaseUrl: 'https://partner.example' }) as Connector,
    createYelpConnector({ clientId: 'c', clientSecret: 's', partnerUser: 'u', partnerPassword: 'p', apiKey: 'k' }) as Connector,
    createTripadvisorConnector({ contentApiKey: 'k' }) as Connector,
    createHereConnector({ accessKeyId: 'id', accessKeySecret: 'secret' }) as Connector,
    createTomTomConnector({ apiKey: 'k' }) as Connector,
  ];
}
