/**
 * The HERE connector: `createHereConnector(config)` wires this folder's modules into the
 * runtime's Connector. HERE takes POI data as files (reach "feed"): `project` runs per store,
 * `feed` renders every store's projection into one CSV, uploads it and reads HERE's report;
 * `readBack` confirms through HERE Geocoding & Search what the public sees.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { classifyError } from './errors.ts';
import { hereFeed } from './feed.ts';
import { FIELDS } from './keys.ts';
import { hereManifest } from './manifest.ts';
import { project } from './project.ts';
import { readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { HereSession, openSession, parseCredentials, type HereConfig } from './session.ts';

export type { HereConfig, HereCredentials } from './session.ts';
export { HereSession } from './session.ts';
export { hereManifest } from './manifest.ts';

export function createHereConnector(config: HereConfig): ConnectorWith<HereSession, 'feed' | 'readBack'> {
  return {
    manifest: hereManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openSession(config, input),
    verify,
    project,
    feed: hereFeed,
    readBack,
    toLocationPatch,
    classifyError,
  };
}
