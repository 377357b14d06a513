/**
 * The Bing Places for Business connector: `createBingPlacesConnector(config)` wires the modules of
 * this folder into the runtime's Connector interface. Every call goes through the runtime's
 * PlatformCall, so quotas and retries stay the runtime's.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { bingPlacesManifest } from './manifest.ts';
import { project } from './project.ts';
import { discover, readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { BingSession, openSession, parseCredentials } from './session.ts';
import type { BingPlacesConfig } from './session.ts';

export type { BingPlacesConfig, BingCredentials } from './session.ts';
export { BingSession } from './session.ts';
export { bingPlacesManifest } from './manifest.ts';

export function createBingPlacesConnector(config: BingPlacesConfig = {}): ConnectorWith<BingSession, 'deliver' | 'readBack' | 'discover'> {
  return {
    manifest: bingPlacesManifest,
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
  };
}
