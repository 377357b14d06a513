import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

/**
 * What the dashboard hears without reloading (DESIGN.md data flow 4, "notify the dashboard").
 * Events travel through Redis pub/sub, so one published by a worker process reaches the
 * subscriptions held by every API process. They carry ids only: each subscriber reads the
 * review itself, as its caller is allowed to see it.
 */
export const REVIEW_EVENT_KINDS = ['REVIEW_ADDED', 'REVIEW_UPDATED', 'REVIEW_DELETED', 'REPLY_CHANGED'] as const;
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number];

export interface ReviewEvent {
  kind: ReviewEventKind;
  reviewId: string;
  locationId: string;
}

export interface ReviewEvents {
  /** Call after the change committed: a subscriber reads the review as soon as it hears. */
  publish(orgId: string, events: readonly ReviewEvent[]): void;
  subscribe(orgId: string): AsyncIterable<ReviewEvent>;
  close(): Promise<void>;
}

type Channels = Record<string, [ReviewEvent]>;

export function createReviewEvents(options: { redisUrl: string; prefix: string; log: Logger }): ReviewEvents {
  const connect = () => {
    // Lazy: a process that only publishes never opens the subscriber connection.
    const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', (err) => options.log.debug({ err }, 'review events connection error'));
    return redis;
  };
  const publishClient = connect();
  const subscribeClient = connect();
  const pubsub: PubSub<Channels> = createPubSub<Channels>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  const channel = (orgId: string) => `${options.prefix}:reviews:${orgId}`;
  return {
    publish(orgId, events) {
      // Live updates are a convenience on top of the stored state: a lost event costs a
      // refresh, so a Redis hiccup is logged, never turned into a failed pull or reply.
      for (const event of events) {
        try {
          pubsub.publish(channel(orgId), event);
        } catch (err) {
          options.log.warn({ err, orgId }, 'could not publish a review event');
        }
      }
    },
    subscribe: (orgId) => pubsub.subscribe(channel(orgId)),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
