import type { Connector, Credentials, JsonValue } from '../../connectors/runtime/connector.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Db } from '../db/database.ts';
import type { PlatformConnectionRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { openCredentials, sealCredentials } from './credentials.ts';
import { storeCredentials } from './repository.ts';

/**
 * Platform sessions (an authorized OAuth client, say) kept per connection, so a worker does not
 * refresh a token for every job. A session is rebuilt when the stored credentials change (a
 * reconnect, or another process refreshed the token). Refreshed credentials are sealed and stored
 * at once, so other workers pick them up instead of refreshing again.
 */
export interface SessionCache {
  get(connector: Connector, connection: PlatformConnectionRow): unknown;
  forget(connectionId: string): void;
}

const MAX_SESSIONS = 2_000;

export function createSessionCache(deps: { db: Db; keyring: Keyring; log: Logger }): SessionCache {
  const sessions = new Map<string, { sealed: string; session: unknown }>();
  return {
    get(connector, connection) {
      const cached = sessions.get(connection.id);
      if (cached && cached.sealed === connection.credentials) return cached.session;
      const credentials = openCredentials(deps.keyring, connection.id, connection.credentials);
      const entry = { sealed: connection.credentials, session: undefined as unknown };
      entry.session = connector.openSession({
        credentials,
        settings: connection.settings as Record<string, JsonValue>,
        onCredentials(next: Credentials) {
          const sealed = sealCredentials(deps.keyring, connection.id, next);
          entry.sealed = sealed;
          storeCredentials(deps.db, connection.id, sealed).catch((err: unknown) =>
            deps.log.error({ err, connectionId: connection.id, platform: connection.platform }, 'could not store refreshed platform credentials'),
          );
        },
      });
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
      sessions.set(connection.id, entry);
      return entry.session;
    },
    forget: (id) => void sessions.delete(id),
  };
}
