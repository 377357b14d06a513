import { describe, expect, it } from 'vitest';
import { location, projectionOf, setup } from './helpers.ts';

describe('Foursquare tips as reviews', () => {
  it('reads tips newest first, without rating or reply, linked to the place', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'x', categories: [] });
    fake.seedTip(id, { created_at: '2026-01-01T10:00:00.000Z', text: 'スープが最高', lang: 'ja' });
    fake.seedTip(id, { created_at: '2026-03-01T10:00:00.000Z', text: 'Long queue at noon' });
    const page = await conn.reviews.listRecent(session, calls.call, { platformListingIds: [id], pageToken: null });
    expect(page.nextPageToken).toBeNull();
    expect(page.reviews.map((r) => r.text)).toEqual(['Long queue at noon', 'スープが最高']);
    expect(page.reviews[1]).toMatchObject({ platformListingId: id, rating: null, reply: null, language: 'ja', url: `https://foursquare.com/v/${id}`, author: { anonymous: true } });
    expect(fake.calls.at(-1)?.query).toMatchObject({ sort: 'NEWEST', limit: '50' });
  });

  it('lists every tip of one listing with no total, and refuses replies', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'x', categories: [] });
    const tip = fake.seedTip(id, { created_at: '2026-01-01T10:00:00.000Z', text: 'ok' });
    await expect(conn.reviews.listAll!(session, calls.call, { platformListingId: id, pageToken: null })).resolves.toMatchObject({ total: null, nextPageToken: null, reviews: [{ platformReviewId: tip.id }] });
    await expect(conn.reviews.reply(session, calls.call, { platformListingId: id, platformReviewId: tip.id, text: 'ありがとう' })).rejects.toMatchObject({ kind: 'PERMANENT', details: { rule: 'foursquare.reply.unsupported' } });
    expect(conn.manifest.capabilities.reviewReply).toBe(false);
  });

  it('reads a place still under review as having no tips, beside the tips of the others', async () => {
    const { fake, conn, session, calls } = await setup();
    const projection = projectionOf(location());
    const pending = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: false, requestId: 'r1' });
    const id = fake.seedPlace({ name: 'x', categories: [] });
    fake.seedTip(id, { created_at: '2026-01-01T10:00:00.000Z', text: 'ok' });
    const page = await conn.reviews.listRecent(session, calls.call, { platformListingIds: [pending.platformListingId, id], pageToken: null });
    expect(page.reviews.map((r) => r.platformListingId)).toEqual([id]);
  });
});
