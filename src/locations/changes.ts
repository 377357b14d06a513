import type { Transaction } from 'kysely';
import type { Actor } from '../auth/principal.ts';
import type { Database } from '../db/schema.ts';
import { appendOutbox, type LocationEventType } from '../outbox/repository.ts';
import { insertAudit, type FieldChange } from './repository.ts';

export type ChangeAction = 'CREATE' | 'UPDATE' | 'ARCHIVE' | 'RESTORE';

const EVENT_TYPES: Record<ChangeAction, LocationEventType> = {
  CREATE: 'location.created',
  UPDATE: 'location.updated',
  ARCHIVE: 'location.archived',
  RESTORE: 'location.restored',
};

export interface LocationChange {
  orgId: string;
  locationId: string;
  /** The version the change produced. */
  version: number;
  action: ChangeAction;
  changes: FieldChange[];
}

/**
 * Step two of every location write (DESIGN.md, data flow 1): the audit rows saying who changed
 * which fields, and the outbox rows the sync engine relays, in the write's own transaction.
 */
export async function recordLocationChanges(trx: Transaction<Database>, actor: Actor, changes: LocationChange[]): Promise<void> {
  await insertAudit(
    trx,
    changes.map((c) => ({ ...c, actor })),
  );
  await appendOutbox(
    trx,
    changes.map((c) => ({
      orgId: c.orgId,
      aggregateType: 'location',
      aggregateId: c.locationId,
      eventType: EVENT_TYPES[c.action],
      aggregateVersion: c.version,
      payload: { changedFields: c.changes.map((f) => f.field) },
    })),
  );
}
