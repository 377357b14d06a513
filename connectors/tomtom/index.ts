/**
 * The TomTom connector: `createTomTomConnector(config)` wires this folder's modules into the
 * runtime's Connector. TomTom takes POI data as files (reach "feed"): `project` runs per store,
 * `feed` renders every projection into one GeoJSON file, uploads it and reads TomTom's report;
 * `readBack` confirms through TomTom's public Search API what navigation users see.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { classifyError } from './errors.ts';
import { tomtomFeed } from './feed.ts';
import { FIELDS } from './keys.ts';
import { tomtomManifest } from './manifest.ts';
import { project } from './project.ts';
import { readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { openSession, parseCredentials, TomTomSession, type TomTomConfig } from './session.ts';

export type { TomTomConfig, TomTomCredentials } from './session.ts';
export { TomTomSession } from './session.ts';
export { tomtomManifest } from './manifest.ts';

export function createTomTomConnector(config: TomTomConfig): ConnectorWith<TomTomSession, 'feed' | 'readBack'> {
  return {
    manifest: tomtomManifest,
    fields: FIELDS,
    parseCredentials,
    openSession: (input) => openSession(config, input),
    verify,
    project,
    feed: tomtomFeed,
    readBack,
    toLocationPatch,
    classifyError,
  };
}
