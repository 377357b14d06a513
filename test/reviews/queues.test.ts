/**
 * A reply is what a store manager waits for: it must not queue behind a pull that a slow
 * platform holds up (a backfill of thousands of reviews, or a platform timing out).
 */
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/sync.ts';
import { useReviewSuite } from './support.ts';

const suite = useReviewSuite();

describe('queues', () => {
  it('publishes a reply while the reviews pull is stuck on a platform that does not answer', async () => {
    const { locations } = await suite.connectStores(['QUEUE-1'], (fake, location) => {
      fake.seedReview(location, { reviewId: 'q-1', starRating: 'FIVE', comment: '素敵なお店でした' });
    });
    const [review] = (await suite.waitForInbox((i) => i.totalCount === 1, 'the review')).reviews;
    const fake = suite.harness.fake;
    fake.setFaults((req) => (req.api === 'mybusiness-v4' && !req.path.endsWith('/reply') ? { kind: 'hang' } : undefined));
    try {
      await suite.gql(`mutation($input: PullReviewsInput!) { pullReviews(input: $input) }`, { input: { organizationId: suite.org.gid } });
      await eventually(async () => ((await suite.harness.queues.get('reviews').getActiveCount()) > 0 ? true : undefined), 10_000, 'the pull to start');

      const started = Date.now();
      await suite.gql(`mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { errors { code } } }`, { input: { reviewId: review!.id, text: 'ありがとうございます' } });
      await eventually(async () => ((await suite.inbox()).reviews[0]?.reply?.state === 'PUBLISHED' ? true : undefined), 10_000, 'the reply published');
      // Sooner than the stuck request's own timeout (5 s here): it did not wait behind the pull.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await suite.harness.queues.get('reviews').getActiveCount()).toBe(1);
      expect(fake.state.reviewRef(locations.get('QUEUE-1')!, 'q-1')!.reviewReply?.comment).toBe('ありがとうございます');
    } finally {
      fake.setFaults(undefined);
    }
  }, 60_000);
});
