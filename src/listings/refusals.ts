import type { Connector } from '../../connectors/runtime/connector.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { Db } from '../db/database.ts';
import { recordError, recordProblems, type ListingError } from './repository.ts';

/**
 * A platform's refusal as a person's task, whether a sync or a read-back met it: the listing is
 * ACTION_REQUIRED with the platform's words, and refused data is not sent again unchanged.
 */
export function listingError(error: PlatformError): ListingError {
  return {
    code: error.kind,
    message: error.message,
    field: error.details.field ?? null,
    rule: error.details.rule ?? null,
    platformMessage: error.details.platformMessage ?? null,
    at: new Date().toISOString(),
  };
}

/** `hash`: the projection refused. A listing gone from the platform may be made again, so only INVALID keeps it. */
export async function recordRefusal(db: Db, listingId: string, connector: Connector, error: PlatformError, hash: string): Promise<void> {
  const problem = {
    kind: 'ACTION_REQUIRED' as const,
    field: error.details.field ?? null,
    rule: error.details.rule ?? `${connector.manifest.id}.${error.kind}`,
    message: error.message,
  };
  await recordError(db, listingId, error.kind === 'INVALID' ? { ...listingError(error), refusedHash: hash } : listingError(error));
  await recordProblems(db, listingId, 'ACTION_REQUIRED', [problem]);
}

/** Refused as the platform would refuse invalid data: one platform listing cannot stand for two stores. */
export function sharedListingRefusal(connector: Connector, storeCode: string, holder: string): PlatformError {
  const name = connector.manifest.name;
  return new PlatformError(
    'INVALID',
    `${name} matched store ${storeCode} to the listing already linked to store ${holder}. One ${name} listing cannot stand for two stores: ` +
      'make their names, addresses or phone numbers tell them apart (or archive the duplicate store), then sync again.',
    { rule: 'tenpo.listing.heldByOtherStore', field: null },
  );
}
