/**
 * The Yelp connector: `createYelpConnector(config)` wires this folder's modules into the runtime's
 * Connector interface. Every request goes through the runtime's PlatformCall, so quotas and
 * retries stay the runtime's. Yelp lists no owner's businesses by store code, hence no `discover`.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { yelpManifest } from './manifest.ts';
import { project } from './project.ts';
import { readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { yelpReviews } from './reviews.ts';
import { openSession, parseCredentials, type YelpConfig, type YelpSession } from './session.ts';

export type { YelpConfig, YelpCredentials } from './session.ts';
export { YelpSession } from './session.ts';
export { yelpManifest } from './manifest.ts';

export function createYelpConnector(config: YelpConfig): ConnectorWith<YelpSession, 'deliver' | 'readBack' | 'reviews'> {
  return {
    manifest: yelpManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openSession(config, input),
    verify,
    project,
    deliver,
    readBack,
    toLocationPatch,
    classifyError,
    reviews: yelpReviews,
  };
}
