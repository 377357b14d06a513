/**
 * The Facebook Pages connector: `createFacebookConnector(config)` wires this folder's modules into
 * the runtime's Connector interface. A store is a location Page of the chain's main Page; every
 * call goes through the runtime's PlatformCall, so quotas and retries stay the runtime's.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { facebookManifest } from './manifest.ts';
import { project } from './project.ts';
import { discover, readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { facebookReviews } from './reviews.ts';
import { GraphSession, openGraphSession, parseCredentials } from './session.ts';
import type { FacebookConfig } from './session.ts';

export type { FacebookConfig } from './session.ts';
export { GraphSession } from './session.ts';
export { facebookManifest } from './manifest.ts';

export function createFacebookConnector(config: FacebookConfig = {}): ConnectorWith<GraphSession, 'deliver' | 'readBack' | 'reviews' | 'discover'> {
  return {
    manifest: facebookManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openGraphSession(config, facebookManifest.baseUrl as string, input),
    verify: (session, call, account) => verify(session, call, account),
    discover,
    project,
    deliver,
    readBack,
    toLocationPatch,
    classifyError,
    reviews: facebookReviews,
  };
}
