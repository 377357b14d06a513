/**
 * The Google Business Profile connector: `createGoogleConnector(config)` wires the modules of
 * this folder into the runtime's Connector interface. Every call goes through the runtime's
 * PlatformCall, so quotas and retries stay the runtime's.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { discover } from './discover.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { googleManifest } from './manifest.ts';
import { project } from './project.ts';
import { readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { googleReviews } from './reviews.ts';
import { GoogleSession, openSession, parseCredentials } from './session.ts';
import type { GoogleConfig } from './session.ts';

export type { GoogleConfig, GoogleCredentials } from './session.ts';
export { GoogleSession } from './session.ts';
export { googleManifest } from './manifest.ts';

export function createGoogleConnector(config: GoogleConfig): ConnectorWith<GoogleSession, 'deliver' | 'readBack' | 'reviews' | 'discover'> {
  return {
    manifest: googleManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openSession(config, input),
    verify,
    discover,
    project,
    deliver,
    readBack,
    toLocationPatch,
    classifyError,
    reviews: googleReviews,
  };
}
