import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Credentials, JsonValue } from '../../connectors/runtime/connector.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { Access } from '../auth/access.ts';
import type { PlatformConnectionRow } from '../db/schema.ts';
import type { Engine } from '../listings/engine.ts';
import { fieldError, organizationNotFound, type FieldError, type Result } from '../locations/model.ts';
import { appendOutbox } from '../outbox/repository.ts';
import { sealCredentials } from './credentials.ts';
import { setConnectionStatus } from './repository.ts';

export interface ConnectPlatformInput {
  orgId: string;
  platform: string;
  /** The platform account to connect, e.g. "accounts/123"; the credentials' first account when null. */
  account: string | null;
  credentials: unknown;
  /** Connector settings, e.g. `{ createListings: false }`. */
  settings: Record<string, JsonValue>;
}

const unavailable = (message: string): FieldError => fieldError('PLATFORM_UNAVAILABLE', ['platform'], message);
const invalidCredentials = (message: string): FieldError => fieldError('INVALID_CREDENTIALS', ['credentials'], message);

/**
 * Connects (or reconnects) an organisation's account on a platform. The credentials are checked
 * against the platform before anything is stored, then sealed with the keyring. Reconnecting the
 * same account replaces its credentials and brings it back to ACTIVE. The outbox row makes the
 * workers link the account's existing listings to stores by store code, then sync.
 */
export async function connectPlatform(engine: Engine, access: Access, input: ConnectPlatformInput): Promise<Result<PlatformConnectionRow>> {
  if (!(await access.roleIn(input.orgId))) return { ok: false, errors: [organizationNotFound()] };
  if (!(await access.can(input.orgId, 'administer'))) {
    return { ok: false, errors: [fieldError('FORBIDDEN', [], 'Only an OWNER or ADMIN can connect platform accounts.')] };
  }
  const connector = engine.registry.get(input.platform);
  if (!connector) return { ok: false, errors: [unavailable(engine.registry.unavailable(input.platform) ?? 'Unknown platform.')] };

  let credentials: Credentials;
  try {
    credentials = connector.parseCredentials(input.credentials);
  } catch (err) {
    if (err instanceof PlatformError) return { ok: false, errors: [invalidCredentials(err.message)] };
    throw err;
  }
  let latest = credentials;
  const session = connector.openSession({ credentials, settings: input.settings, onCredentials: (c) => (latest = c) });
  let verified;
  try {
    verified = await connector.verify(session, engine.callFor(connector), input.account);
  } catch (raw) {
    const error = raw instanceof PlatformError ? raw : connector.classifyError(raw);
    if (error.kind === 'AUTH_REVOKED' || error.kind === 'INVALID' || error.kind === 'NOT_FOUND') {
      return { ok: false, errors: [invalidCredentials(error.message)] };
    }
    engine.log.warn({ err: error, platform: input.platform }, 'could not verify platform credentials');
    return { ok: false, errors: [unavailable(`${connector.manifest.name} did not answer; try again in a minute. (${error.message})`)] };
  }

  const connection = await engine.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('platform_connections')
      .select('id')
      .where('org_id', '=', input.orgId)
      .where('platform', '=', input.platform)
      .where('external_account', '=', verified.externalAccount)
      .forUpdate()
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    const settings = JSON.stringify({ ...input.settings, account: verified.externalAccount });
    const sealed = sealCredentials(engine.keyring, id, latest);
    const row = await trx
      .insertInto('platform_connections')
      .values({
        id,
        org_id: input.orgId,
        platform: input.platform,
        external_account: verified.externalAccount,
        display_name: verified.displayName,
        status: 'ACTIVE',
        status_message: null,
        credentials: sealed,
        settings,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'platform', 'external_account']).doUpdateSet({
          display_name: verified.displayName,
          status: 'ACTIVE',
          status_message: null,
          credentials: sealed,
          settings,
          linked_at: null,
          updated_at: sql`now()`,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendOutbox(trx, [
      { orgId: input.orgId, aggregateType: 'platform_connection', aggregateId: id, eventType: 'platform_connection.connected', aggregateVersion: 1, payload: {} },
    ]);
    return row;
  });
  engine.sessions.forget(connection.id);
  return { ok: true, value: connection };
}

/** Stops syncing to the account and forgets its credentials; listings keep their last state. */
export async function disconnectPlatform(engine: Engine, access: Access, connectionId: string): Promise<Result<PlatformConnectionRow>> {
  const row = await engine.db.selectFrom('platform_connections').select(['org_id']).where('id', '=', connectionId).executeTakeFirst();
  const notFound = fieldError('NOT_FOUND', ['id'], 'No such platform connection, or you may not see it.');
  if (!row || !(await access.roleIn(row.org_id))) return { ok: false, errors: [notFound] };
  if (!(await access.can(row.org_id, 'administer'))) {
    return { ok: false, errors: [fieldError('FORBIDDEN', [], 'Only an OWNER or ADMIN can disconnect platform accounts.')] };
  }
  const updated = await engine.db
    .updateTable('platform_connections')
    .set({ status: 'DISCONNECTED', status_message: 'Disconnected by a user.', credentials: sealCredentials(engine.keyring, connectionId, {}), updated_at: new Date() })
    .where('id', '=', connectionId)
    .returningAll()
    .executeTakeFirstOrThrow();
  engine.sessions.forget(connectionId);
  return { ok: true, value: updated };
}

/**
 * The platform refused the stored credentials: the connection waits for a person to reconnect
 * the account, and no worker goes on using the session it has cached for it.
 */
export async function credentialsRevoked(engine: Engine, connectionId: string, message: string): Promise<void> {
  await setConnectionStatus(engine.db, connectionId, 'ACTION_REQUIRED', message);
  engine.sessions.forget(connectionId);
}
