import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { insertJsonRows } from '../db/jsonInsert.ts';

export interface OutboxEvent {
  orgId: string;
  aggregateType: 'location';
  aggregateId: string;
  eventType: 'location.created' | 'location.updated' | 'location.archived' | 'location.restored';
  aggregateVersion: number;
  /** What changed, never secrets: the relay turns this into job data, which Redis keeps in clear. */
  payload: { changedFields: string[] };
}

/** Takes a Transaction: an outbox row is only ever written beside the change it announces. */
export async function appendOutbox(trx: Transaction<Database>, events: OutboxEvent[]): Promise<void> {
  await insertJsonRows(
    trx,
    'outbox',
    ['org_id', 'aggregate_type', 'aggregate_id', 'event_type', 'aggregate_version', 'payload'],
    events.map((e) => ({
      org_id: e.orgId,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      event_type: e.eventType,
      aggregate_version: e.aggregateVersion,
      payload: e.payload,
    })),
  );
}
