/** The dashboard's pure logic: reply limits, URL filters, hours drafts, and the live inbox list. */
import { describe, expect, it } from 'vitest';
import type { LocationDetail, Review } from '../../src/dashboard/app/api/types.ts';
import { filtersFromQuery, filtersToQuery, matchesFilters, NO_FILTERS, toReviewFilter } from '../../src/dashboard/app/lib/filters.ts';
import { passesMidnight, weekFromApi, weekToApi } from '../../src/dashboard/app/lib/hours.ts';
import { draftFromLocation, patchFor } from '../../src/dashboard/app/lib/locationDraft.ts';
import { measureReply } from '../../src/dashboard/app/lib/replyLimits.ts';
import { EMPTY_LIST, reviewListReducer, type Page } from '../../src/dashboard/app/lib/reviewList.ts';

function review(id: string, overrides: Partial<Review> = {}): Review {
  return {
    id,
    platform: 'google',
    createdAt: '2026-11-01T00:00:00Z',
    deletedAt: null,
    text: 'Good',
    language: 'en',
    url: null,
    canReply: true,
    viewerCanApprove: false,
    canReport: true,
    suspectedFake: false,
    location: { id: 'L1', name: 'Shibuya' },
    author: { name: 'A', anonymous: false, photoUrl: null },
    rating: { kind: 'STARS', stars: 4, recommends: null },
    media: [],
    reply: null,
    fraud: null,
    report: { state: 'NOT_REPORTED', reason: null, reportedAt: null, reportUrl: null },
    replyLimits: { maxBytes: null, maxChars: null, emoji: true, perDay: null },
    suggestedReplies: [],
    ...overrides,
  };
}

const page = (reviews: Review[], hasNextPage = false): Page => ({ reviews, totalCount: reviews.length, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c' : null } });

describe('reply limits', () => {
  it('counts UTF-8 bytes where the platform limits bytes: a Japanese character is three', () => {
    const m = measureReply('ありがとう', { maxBytes: 12, maxChars: null, emoji: true, perDay: null });
    expect(m).toMatchObject({ unit: 'bytes', used: 15, max: 12, tooLong: true });
  });

  it('counts characters as code points, and refuses emoji where the platform does', () => {
    const m = measureReply('😀ok', { maxBytes: null, maxChars: 3, emoji: false, perDay: null });
    expect(m).toMatchObject({ unit: 'chars', used: 3, tooLong: false, emojiRefused: true });
    expect(measureReply('ok', { maxBytes: null, maxChars: 3, emoji: false, perDay: null }).emojiRefused).toBe(false);
  });
});

describe('inbox filters', () => {
  it('round-trip through the URL and ignore what they do not understand', () => {
    const filters = { unanswered: true, ratings: [1, 2], platform: 'google', store: 'TG9j', fake: true };
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
    expect(filtersFromQuery('?rating=9,x,2,2&unanswered=yes')).toEqual({ ...NO_FILTERS, ratings: [2] });
    expect(filtersToQuery(NO_FILTERS)).toBe('');
  });

  it('become the API filter, leaving out what is not set', () => {
    expect(toReviewFilter(NO_FILTERS)).toEqual({});
    expect(toReviewFilter({ ...NO_FILTERS, store: 'L1', ratings: [5] })).toEqual({ locationIds: ['L1'], ratings: [5] });
  });

  it('match a live review as the server would, a recommendation counting as 5 or 1', () => {
    const recommends = review('r', { rating: { kind: 'RECOMMENDATION', stars: null, recommends: true } });
    expect(matchesFilters(recommends, { ...NO_FILTERS, ratings: [5] })).toBe(true);
    expect(matchesFilters(recommends, { ...NO_FILTERS, ratings: [1] })).toBe(false);
    expect(matchesFilters(review('p', { reply: { text: 'x', state: 'PUBLISHED', failureReason: null, approvalReason: null, rejectionReason: null, updatedAt: '', publishedAt: '', author: null, approvedBy: null } }), { ...NO_FILTERS, unanswered: true })).toBe(false);
    expect(matchesFilters(review('f'), { ...NO_FILTERS, fake: true })).toBe(false);
  });
});

describe('hours drafts', () => {
  it('send every weekday in order, a closed one with no intervals, so error paths index weekdays', () => {
    const week = weekFromApi([{ day: 'WEDNESDAY', intervals: [{ open: '10:00', close: '02:00' }] }]);
    const sent = weekToApi(week);
    expect(sent.map((d) => d.day)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
    expect(sent[2]).toEqual({ day: 'WEDNESDAY', intervals: [{ open: '10:00', close: '02:00' }] });
    expect(sent[0]).toEqual({ day: 'MONDAY', intervals: [] });
  });

  it('tell an interval that runs past midnight from one that ends at it', () => {
    expect(passesMidnight({ open: '18:00', close: '02:00' })).toBe(true);
    expect(passesMidnight({ open: '18:00', close: '24:00' })).toBe(false);
    expect(passesMidnight({ open: '18:00', close: '00:00' })).toBe(false);
    expect(passesMidnight({ open: '09:00', close: '18:00' })).toBe(false);
  });

  it('patch only what changed, with emptied text clearing the field', () => {
    const location: LocationDetail = {
      id: 'L1', version: 3, name: 'Shibuya', storeCode: 'S1', status: 'OPEN', statusDate: null, primaryPhone: '+81312345678', website: null, description: 'Cafe',
      updatedAt: '', address: { region: null, city: null, lines: [] }, regularHours: [{ day: 'MONDAY', intervals: [{ open: '09:00', close: '18:00' }] }], specialHours: [], listings: [],
    };
    const draft = draftFromLocation(location);
    expect(patchFor(location, draft)).toEqual({});
    expect(patchFor(location, { ...draft, description: '  ', name: 'Shibuya 2' })).toEqual({ name: 'Shibuya 2', description: null });
    const week = { ...draft.week, TUESDAY: { closed: false, intervals: [{ open: '09:00', close: '18:00' }] } };
    expect(patchFor(location, { ...draft, week }).regularHours?.[1]).toEqual({ day: 'TUESDAY', intervals: [{ open: '09:00', close: '18:00' }] });
    expect(patchFor(location, { ...draft, status: 'CLOSED_TEMPORARILY', statusDate: '2026-12-01' })).toEqual({ status: 'CLOSED_TEMPORARILY', statusDate: '2026-12-01' });
  });
});

describe('live inbox list', () => {
  it('puts a new matching review on top once, and changes known ones in place', () => {
    let list = reviewListReducer(EMPTY_LIST, { type: 'loaded', page: page([review('a'), review('b')]), append: false });
    list = reviewListReducer(list, { type: 'pushed', review: review('n'), added: true, matches: true });
    list = reviewListReducer(list, { type: 'pushed', review: review('n'), added: true, matches: true });
    expect(list.reviews.map((r) => r.id)).toEqual(['n', 'a', 'b']);
    expect(list.fresh.has('n')).toBe(true);
    expect(list.totalCount).toBe(3);
    list = reviewListReducer(list, { type: 'pushed', review: review('b', { text: 'edited' }), added: false, matches: true });
    expect(list.reviews[2]?.text).toBe('edited');
    expect(reviewListReducer(list, { type: 'pushed', review: review('x'), added: true, matches: false }).reviews).toHaveLength(3);
  });

  it('adds what was missed while disconnected, and skips duplicates when a page arrives', () => {
    let list = reviewListReducer(EMPTY_LIST, { type: 'loaded', page: page([review('a')], true), append: false });
    list = reviewListReducer(list, { type: 'caughtUp', page: page([review('m'), review('a', { text: 'new' })]) });
    expect(list.reviews.map((r) => [r.id, r.text])).toEqual([['m', 'Good'], ['a', 'new']]);
    list = reviewListReducer(list, { type: 'loaded', page: page([review('a'), review('c')]), append: true });
    expect(list.reviews.map((r) => r.id)).toEqual(['m', 'a', 'c']);
  });
});
