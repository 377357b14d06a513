/**
 * The Yahoo!プレイス connector: `createYahooPlaceConnector(config)` wires this folder's modules into
 * the runtime's Connector interface. Reads use YOLP (documented); writes and discovery use the
 * partner API named in the partner agreement (inferred shape, see session.ts). Yahoo! publishes no
 * API for 口コミ, so there is no `reviews`.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { yahooPlaceManifest } from './manifest.ts';
import { project } from './project.ts';
import { discover, readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { YahooPlaceSession, openSession, parseCredentials } from './session.ts';
import type { YahooPlaceConfig } from './session.ts';

export type { YahooPlaceConfig } from './session.ts';
export { YahooPlaceSession } from './session.ts';
export { yahooPlaceManifest } from './manifest.ts';

export function createYahooPlaceConnector(config: YahooPlaceConfig): ConnectorWith<YahooPlaceSession, 'deliver' | 'readBack' | 'discover'> {
  return {
    manifest: yahooPlaceManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openSession(config, yahooPlaceManifest.baseUrl as string, input),
    verify,
    discover,
    project,
    deliver,
    readBack,
    toLocationPatch,
    classifyError,
  };
}
