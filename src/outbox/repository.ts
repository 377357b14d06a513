import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { insertJsonRows } from '../db/jsonInsert.ts';

export type LocationEventType = 'location.created' | 'location.updated' | 'location.archived' | 'location.restored';

/** Payloads hold ids and field names, never secrets: the relay turns them into job data, which Redis keeps in clear. */
export type OutboxEvent =
  | {
      orgId: string;
      aggregateType: 'location';
      aggregateId: string;
      eventType: LocationEventType;
      aggregateVersion: number;
      payload: { changedFields: string[] };
    }
  | {
      orgId: string;
      aggregateType: 'sync_run';
      aggregateId: string;
      eventType: 'sync_run.requested';
      aggregateVersion: 1;
      payload: Record<string, never>;
    }
  | {
      orgId: string;
      aggregateType: 'platform_connection';
      aggregateId: string;
      eventType: 'platform_connection.connected';
      aggregateVersion: number;
      payload: Record<string, never>;
    }
  | {
      orgId: string;
      aggregateType: 'listing';
      aggregateId: string;
      /** A listing must be delivered again though its location did not change (relinked, edit rejected). */
      eventType: 'listing.resync';
      aggregateVersion: 1;
      payload: Record<string, never>;
    }
  | {
      orgId: string;
      aggregateType: 'feed_submission';
      aggregateId: string;
      /** A feed file reached the platform: its processing report is to be read. */
      eventType: 'feed_submission.delivered';
      aggregateVersion: 1;
      payload: Record<string, never>;
    }
  | {
      orgId: string;
      aggregateType: 'review';
      aggregateId: string;
      /** A reply is to be published or deleted on the platform; the version is the reply's. */
      eventType: 'review_reply.requested';
      aggregateVersion: number;
      payload: Record<string, never>;
    };

export type OutboxEventType = OutboxEvent['eventType'];

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
