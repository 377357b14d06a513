import type { Credentials } from '../../connectors/runtime/connector.ts';
import { open, seal, type Keyring } from '../crypto/keyring.ts';

// The row id is the AAD context: a sealed value copied onto another connection does not open.
const context = (connectionId: string) => `platform_connections:${connectionId}`;

export function sealCredentials(keyring: Keyring, connectionId: string, credentials: Credentials): string {
  return seal(keyring, JSON.stringify(credentials), context(connectionId));
}

export function openCredentials(keyring: Keyring, connectionId: string, sealed: string): Credentials {
  return JSON.parse(open(keyring, sealed, context(connectionId))) as Credentials;
}
