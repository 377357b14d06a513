/**
 * What Google shows for a listing, keyed like project(), and the edits Google made on its side
 * (`metadata.hasGoogleUpdated` → `getGoogleUpdated`, whose diffMask names the fields).
 */
import type { JsonValue, PlatformCall, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ProjectionKey } from './keys.ts';
import { PROJECTION_KEYS, keyForGooglePath } from './keys.ts';
import { asString, getPath } from './json.ts';
import { projectionFromGoogle, valueFromGoogle } from './normalize.ts';
import { sendsLatlng } from './project.ts';
import type { GoogleSession } from './session.ts';

/** The keys this connection projects: latlng only where it is sent (see project.ts). */
export function projectedKeys(session: GoogleSession): ProjectionKey[] {
  return PROJECTION_KEYS.filter((k) => k !== 'latlng' || sendsLatlng(session.settings));
}

function readMask(keys: readonly ProjectionKey[]): string {
  return [...new Set(['name', ...keys.map((k) => k.split('.')[0] as string), 'metadata'])].join(',');
}

export async function readBack(session: GoogleSession, call: PlatformCall, name: string): Promise<ReadBackResult> {
  const keys = projectedKeys(session);
  const mask = readMask(keys);
  const res = await call({ kind: 'read', listingKey: name }, ({ signal, timeoutMs }) =>
    session.info.locations.get({ name, readMask: mask }, { signal, timeout: timeoutMs, retry: false }),
  );
  const location = res.data;
  const platformEdits: Record<string, JsonValue> = {};
  if (location.metadata?.hasGoogleUpdated === true) {
    const updated = await call({ kind: 'read', listingKey: name }, ({ signal, timeoutMs }) =>
      session.info.locations.getGoogleUpdated({ name, readMask: mask }, { signal, timeout: timeoutMs, retry: false }),
    );
    const paths = (updated.data.diffMask ?? '').split(',').filter((p) => p.trim() !== '');
    for (const path of paths) {
      const key = keyForGooglePath(path);
      if (!key || !keys.includes(key)) continue;
      // The whole key's value, as Google now shows it; null when Google removed it.
      platformEdits[key] = valueFromGoogle(updated.data.location, key) ?? null;
    }
  }
  return {
    current: projectionFromGoogle(location, keys),
    platformEdits,
    publicUrl: asString(getPath(location, 'metadata.mapsUri')) ?? null,
  };
}

/** Proves the credentials reach `account`, or finds the first account they manage. */
export async function verify(session: GoogleSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  if (account !== null) {
    if (!/^accounts\/[^/]+$/.test(account)) {
      throw new PlatformError('INVALID', `"${account.slice(0, 60)}" is not a Google account name; expected accounts/<id>.`, { rule: 'google.account.name' });
    }
    const res = await call({ kind: 'read' }, ({ signal, timeoutMs }) =>
      session.accounts.accounts.get({ name: account }, { signal, timeout: timeoutMs, retry: false }),
    );
    return { externalAccount: asString(res.data.name) ?? account, displayName: asString(res.data.accountName) ?? account };
  }
  const res = await call({ kind: 'read' }, ({ signal, timeoutMs }) =>
    session.accounts.accounts.list({ pageSize: 20 }, { signal, timeout: timeoutMs, retry: false }),
  );
  const first = res.data.accounts?.[0];
  const name = asString(first?.name);
  if (!first || !name) {
    throw new PlatformError('NOT_FOUND', 'This Google user manages no Business Profile account; sign in with the Google user that manages the stores.', { rule: 'google.account.none' });
  }
  return { externalAccount: name, displayName: asString(first.accountName) ?? name };
}
