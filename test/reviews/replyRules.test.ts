/**
 * Each platform's reply rules, as its manifest states them: Google counts UTF-8 bytes (4,096),
 * Yelp counts characters (5,000), refuses emoji and takes 20 replies per store per day.
 */
import { describe, expect, it } from 'vitest';
import { googleManifest } from '../../connectors/google/manifest.ts';
import { parseManifest } from '../../connectors/runtime/manifest.ts';
import { checkDailyLimit, checkReplyText } from '../../src/reviews/replyRules.ts';
import { replyChars } from '../../src/reviews/replyText.ts';

const yelp = parseManifest({
  id: 'yelp',
  name: 'Yelp',
  countries: ['US', 'CA'],
  kind: 'review-site',
  reach: 'partner-api',
  auth: { kind: 'api-key' },
  baseUrl: 'https://partner-api.yelp.com',
  capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: true, posts: false, insights: false },
  reviews: { replyMaxChars: 5000, replyEmoji: false, repliesPerListingPerDay: 20 },
  sources: ['docs.developer.yelp.com (Respond to Reviews API)'],
}).reviews;
const google = googleManifest.reviews;
const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

describe('reply limits per platform', () => {
  it('Google: 4,096 bytes, so 1,365 Japanese characters fit and 1,366 do not', () => {
    expect(checkReplyText(google, 'Google', 'あ'.repeat(1365))).toEqual([]);
    expect(codes(checkReplyText(google, 'Google', 'あ'.repeat(1366)))).toEqual(['REPLY_TOO_LONG']);
    expect(checkReplyText(google, 'Google', 'a'.repeat(4096))).toEqual([]);
    expect(checkReplyText(google, 'Google', 'ありがとう😊')).toEqual([]);
    expect(checkDailyLimit(google, 'Google', 10_000)).toEqual([]);
  });

  it('Yelp: 5,000 characters however many bytes, no emoji, 20 replies a day per store', () => {
    expect(checkReplyText(yelp, 'Yelp', 'あ'.repeat(5000))).toEqual([]);
    expect(codes(checkReplyText(yelp, 'Yelp', 'a'.repeat(5001)))).toEqual(['REPLY_TOO_LONG']);
    const emoji = checkReplyText(yelp, 'Yelp', 'Thanks for visiting 🙏 see you soon');
    expect(emoji).toEqual([{ code: 'REPLY_EMOJI', path: ['text'], message: 'Yelp does not take emoji in replies; remove "🙏".' }]);
    // A family emoji is one character to a reader, and to the limit.
    expect(replyChars('👨‍👩‍👧‍👦')).toBe(1);
    expect(checkReplyText(yelp, 'Yelp', '© 2026 Tenpo, 1–2 stars?')).toEqual([]);
    expect(codes(checkReplyText(yelp, 'Yelp', 'We ❤️ our guests'))).toEqual(['REPLY_EMOJI']);
    expect(checkDailyLimit(yelp, 'Yelp', 19)).toEqual([]);
    expect(codes(checkDailyLimit(yelp, 'Yelp', 20))).toEqual(['REPLY_DAILY_LIMIT']);
  });

  it('refuses a manifest that reports by hand without saying where', () => {
    expect(() => parseManifest({ ...googleManifest, reviews: { report: 'manual' } })).toThrow(/reviews.reportUrl/);
  });
});
