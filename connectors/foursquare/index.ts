/**
 * The Foursquare connector: `createFoursquareConnector(config)` wires this folder's modules into
 * the runtime's Connector interface. Every request goes through the runtime's PlatformCall.
 * Foursquare cannot list "our" places (no account resource, no lookup by store code), so there
 * is no `discover`.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { foursquareManifest } from './manifest.ts';
import { project } from './project.ts';
import { readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { foursquareReviews } from './reviews.ts';
import { FoursquareSession, openSession, parseCredentials } from './session.ts';
import type { FoursquareConfig } from './session.ts';

export type { FoursquareConfig } from './session.ts';
export { FoursquareSession } from './session.ts';
export { foursquareManifest } from './manifest.ts';

export function createFoursquareConnector(config: FoursquareConfig = {}): ConnectorWith<FoursquareSession, 'deliver' | 'readBack' | 'reviews'> {
  return {
    manifest: foursquareManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openSession(config, foursquareManifest.baseUrl as string, input),
    verify,
    project,
    deliver,
    readBack,
    toLocationPatch,
    classifyError,
    reviews: foursquareReviews,
  };
}
