/** Facebook recommendations and the Page's replies to them, against the fake Graph API. */
import { describe, expect, it } from 'vitest';
import { setup } from './helpers.ts';

async function withStore() {
  const s = await setup();
  const { page } = s.fake.seedLocationPage(s.main.id, { name: 'てんぽ 赤坂店', store_code: 'TKY-001' });
  return { ...s, page };
}

describe('Facebook recommendations', () => {
  it('reads recommendations newest first through the ratings API version, with the Page\'s own token', async () => {
    const { fake, conn, session, page, calls } = await withStore();
    fake.seedRating(page.id, { created_time: '2026-10-01T09:00:00+0000', recommendation_type: 'positive', review_text: 'スープが最高', reviewer: { id: '55', name: 'Aki' } });
    const old = fake.seedRating(page.id, { created_time: '2016-05-01T09:00:00+0000', rating: 2 });
    fake.seedComment(old.storyId, { fromId: page.id, fromName: page.name, message: 'ありがとうございます' });
    fake.seedComment(old.storyId, { fromId: '77', fromName: 'Someone', message: 'me too' });

    const result = await conn.reviews.listAll!(session, calls.call, { platformListingId: page.id, pageToken: null });
    expect(result.reviews).toEqual([
      expect.objectContaining({ platformListingId: page.id, rating: { kind: 'RECOMMENDATION', recommends: true }, text: 'スープが最高', author: expect.objectContaining({ name: 'Aki', platformAuthorId: '55' }), reply: null, createdAt: new Date('2026-10-01T09:00:00Z') }),
      expect.objectContaining({ platformReviewId: old.storyId, rating: { kind: 'STARS', stars: 2 }, text: null, reply: { text: 'ありがとうございます', updatedAt: expect.any(Date) } }),
    ]);
    const ratingsCall = fake.calls.find((c) => c.path.endsWith('/ratings'));
    expect(ratingsCall).toMatchObject({ version: 'v21.0', tokenPage: page.id });
  });

  it('pages through many recommendations', async () => {
    const { fake, conn, session, page, calls } = await withStore();
    for (let i = 0; i < 60; i++) fake.seedRating(page.id, { created_time: `2026-01-01T00:${String(i).padStart(2, '0')}:00+0000`, recommendation_type: 'negative' });
    const first = await conn.reviews.listRecent(session, calls.call, { platformListingIds: [page.id], pageToken: null });
    expect(first.reviews).toHaveLength(50);
    const second = await conn.reviews.listRecent(session, calls.call, { platformListingIds: [page.id], pageToken: first.nextPageToken });
    expect(second.reviews).toHaveLength(10);
    expect(second.nextPageToken).toBeNull();
  });

  it('names the deprecation when recommendations are read on v22.0 or later', async () => {
    const s = await setup({ config: { ratingsApiVersion: 'v22.0' } });
    const { page } = s.fake.seedLocationPage(s.main.id, { name: 'x' });
    await expect(s.conn.reviews.listAll!(s.session, s.calls.call, { platformListingId: page.id, pageToken: null })).rejects.toMatchObject({ kind: 'PERMANENT', details: { rule: 'facebook.code12' } });
  });

  it('replies as the Page, edits the same reply instead of adding one, and deletes it', async () => {
    const { fake, conn, session, page, calls } = await withStore();
    const r = fake.seedRating(page.id, { created_time: '2026-10-01T09:00:00+0000', recommendation_type: 'negative', review_text: '遅い' });
    const target = { platformListingId: page.id, platformReviewId: r.storyId };

    const first = await conn.reviews.reply(session, calls.call, { ...target, text: 'ご迷惑をおかけしました' });
    expect(first.text).toBe('ご迷惑をおかけしました');
    await conn.reviews.reply(session, calls.call, { ...target, text: 'ご迷惑をおかけしました' });
    await conn.reviews.reply(session, calls.call, { ...target, text: '改善いたします' });
    expect(fake.state.commentsOf(r.storyId).map((c) => [c.from.id, c.message])).toEqual([[page.id, '改善いたします']]);

    await conn.reviews.deleteReply(session, calls.call, target);
    await conn.reviews.deleteReply(session, calls.call, target);
    expect(fake.state.commentsOf(r.storyId)).toEqual([]);
  });

  it('reads one Page per call', async () => {
    const { conn, session, calls } = await withStore();
    expect(conn.reviews.batchSize).toBe(1);
    await expect(conn.reviews.listRecent(session, calls.call, { platformListingIds: ['1', '2'], pageToken: null })).rejects.toMatchObject({ kind: 'PERMANENT' });
  });
});
