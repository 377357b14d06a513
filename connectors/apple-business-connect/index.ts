/**
 * The Apple Business (Apple Business Connect) connector: `createAppleBusinessConnectConnector(config)`
 * wires the modules of this folder into the runtime's Connector interface. Every call goes through
 * the runtime's PlatformCall, so quotas and retries stay the runtime's.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { deliver } from './deliver.ts';
import { classifyError } from './errors.ts';
import { FIELDS } from './keys.ts';
import { appleBusinessConnectManifest } from './manifest.ts';
import { project } from './project.ts';
import { discover, readBack, verify } from './readBack.ts';
import { toLocationPatch } from './reversePatch.ts';
import { AppleSession, openSession, parseCredentials } from './session.ts';
import type { AppleBusinessConnectConfig } from './session.ts';

export type { AppleBusinessConnectConfig, AppleCredentials } from './session.ts';
export { AppleSession } from './session.ts';
export { appleBusinessConnectManifest } from './manifest.ts';

export function createAppleBusinessConnectConnector(config: AppleBusinessConnectConfig): ConnectorWith<AppleSession, 'deliver' | 'readBack' | 'discover'> {
  return {
    manifest: appleBusinessConnectManifest,
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
