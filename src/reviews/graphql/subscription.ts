import { GraphQLError } from 'graphql';
import { Access } from '../../auth/access.ts';
import { stillValid } from '../../auth/principal.ts';
import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import { idOf } from '../../graphql/ids.ts';
import { REVIEW_EVENT_KINDS, type ReviewEventKind } from '../events.ts';
import { findReviewView, type ReviewView } from '../views.ts';
import { ReviewRef } from './types.ts';

/** How often a live subscription checks that its caller is still signed in and a member. */
export const RECHECK_MS = 30_000;

const ReviewEventKindEnum = builder.enumType('ReviewEventKind', {
  values: {
    REVIEW_ADDED: { description: 'A review new to Tenpo.' },
    REVIEW_UPDATED: { description: 'The reviewer edited it, or it was marked or screened.' },
    REVIEW_DELETED: { description: 'A pull found it deleted on the platform.' },
    REPLY_CHANGED: { description: "The reply's text or state changed." },
  } satisfies Record<(typeof REVIEW_EVENT_KINDS)[number], { description: string }>,
});

interface DeliveredEvent {
  kind: ReviewEventKind;
  review: ReviewView;
}

const ReviewEventRef = builder.objectRef<DeliveredEvent>('ReviewEvent').implement({
  fields: (t) => ({
    kind: t.field({ type: ReviewEventKindEnum, resolve: (e) => e.kind }),
    review: t.field({ type: ReviewRef, resolve: (e) => e.review }),
  }),
});

builder.subscriptionField('reviewEvents', (t) =>
  t.field({
    type: ReviewEventRef,
    description:
      'New reviews and reply states as they happen, across every API and worker process (Redis pub/sub). Over SSE: POST /graphql with "Accept: text/event-stream". A store manager hears only about their stores.',
    args: { organizationId: t.arg.id() },
    subscribe: async function* (_root, args, ctx) {
      requireCaller(ctx);
      const orgId = idOf(String(args.organizationId), 'Organization');
      if (!orgId || !(await ctx.access.roleIn(orgId))) throw new GraphQLError('No such organisation.', { extensions: { code: 'NOT_FOUND' } });
      const events = ctx.engine?.events;
      if (!events) throw new GraphQLError('Live updates need Redis, which this process runs without.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
      let access = ctx.access;
      let checkedAt = Date.now();
      for await (const event of events.subscribe(orgId)) {
        // A subscription outlives the request it came in on: a signed-out session, a revoked
        // key or a removed membership ends it within RECHECK_MS.
        if (Date.now() - checkedAt > RECHECK_MS) {
          if (!(await stillValid(ctx.db, access.principal))) throw new GraphQLError('The session ended; sign in again.', { extensions: { code: 'UNAUTHENTICATED' } });
          access = new Access(ctx.db, access.principal);
          checkedAt = Date.now();
          if (!(await access.roleIn(orgId))) return;
        }
        // Read as this caller may see it, now: the event says only which review changed.
        if (!(await access.canSeeLocation({ id: event.locationId, org_id: orgId }))) continue;
        const review = await findReviewView(ctx.db, event.reviewId);
        if (review) yield { kind: event.kind, review } satisfies DeliveredEvent;
      }
    },
    resolve: (event) => event,
  }),
);
