/**
 * A reply is what a store manager waits for: it must not queue behind a pull that a slow
 * platform holds up (a backfill of thousands of reviews, or a platform timing out).
 */
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../jobs/define.ts';
import { pullReviewsJob } from '../../jobs/reviews.ts';
import { eventually } from '../support/sync.ts';
import { useReviewSuite } from './support.ts';

// A stuck request gives up after 15 s, three times the 5 s a reply is given.
const suite = useReviewSuite({ timeoutMs: 15_000 });

describe('queues', () => {
  it('publishes a reply while the reviews pull is stuck on a platform that does not answer', async () => {
    const { locations, connectionId } = await suite.connectStores(['QUEUE-1'], (fake, location) => {
      fake.seedReview(location, { reviewId: 'q-1', starRating: 'FIVE', comment: '素敵なお店でした' });
    });
    const [review] = (await suite.waitForInbox((i) => i.reviews.length === 1, 'the review')).reviews;
    const fake = suite.harness.fake;
    fake.setFaults((req) => (req.api === 'mybusiness-v4' && !req.path.endsWith('/reply') ? { kind: 'hang' } : undefined));
    try {
      // A pull job of its own (the mutation's would be folded into one still queued from the connect).
      await enqueue(suite.harness.queues, pullReviewsJob, [{ payload: { connectionId }, options: { jobId: 'stuck-pull' } }]);
      await eventually(async () => (fake.findCalls({ outcome: 'hang' }).length > 0 ? true : undefined), 10_000, 'the pull to be stuck on Google');

      const started = Date.now();
      await suite.gql(`mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { errors { code } } }`, { input: { reviewId: review!.id, text: 'ありがとうございます' } });
      await eventually(async () => ((await suite.inbox()).reviews[0]?.reply?.state === 'PUBLISHED' ? true : undefined), 10_000, 'the reply published');
      // Long before the stuck request could give up: the reply did not wait behind the pull.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(fake.state.reviewRef(locations.get('QUEUE-1')!, 'q-1')!.reviewReply?.comment).toBe('ありがとうございます');
    } finally {
      fake.setFaults(undefined);
    }
  }, 60_000);
});
