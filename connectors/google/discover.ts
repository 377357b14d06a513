/**
 * Every location of a Google account, for linking existing listings to stores by store code
 * when an account is connected. Pages of 100, Google's maximum, each through the runtime's call.
 */
import type { PlatformCall, PlatformListingSummary } from '../runtime/connector.ts';
import { asString } from './json.ts';
import type { GoogleSession } from './session.ts';

export async function* discover(session: GoogleSession, call: PlatformCall, account: string): AsyncIterable<PlatformListingSummary> {
  let pageToken: string | undefined;
  do {
    const res = await call({ kind: 'read' }, ({ signal, timeoutMs }) =>
      session.info.accounts.locations.list(
        { parent: account, pageSize: 100, pageToken, readMask: 'name,storeCode,title,metadata' },
        { signal, timeout: timeoutMs, retry: false },
      ),
    );
    for (const location of res.data.locations ?? []) {
      const name = asString(location.name);
      if (!name) continue;
      yield { platformListingId: name, storeCode: asString(location.storeCode) ?? null, title: asString(location.title) ?? '', publicUrl: asString(location.metadata?.mapsUri) ?? null };
    }
    pageToken = asString(res.data.nextPageToken) ?? undefined;
  } while (pageToken);
}
