import { GraphQLError } from 'graphql';
import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import { idOf } from '../../graphql/ids.ts';
import { REVIEW_EVENT_KINDS, type ReviewEventKind } from '../events.ts';
import { findReviewView, type ReviewView } from '../views.ts';
import { ReviewRef } from './types.ts';

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
      for await (const event of events.subscribe(orgId)) {
        // Read as this caller may see it, now: the event says only which review changed.
        if (!(await ctx.access.canSeeLocation({ id: event.locationId, org_id: orgId }))) continue;
        const review = await findReviewView(ctx.db, event.reviewId);
        if (review) yield { kind: event.kind, review } satisfies DeliveredEvent;
      }
    },
    resolve: (event) => event,
  }),
);
