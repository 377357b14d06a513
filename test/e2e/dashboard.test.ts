/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core), against the
 * real server, workers, Redis and PostgreSQL, with the fake Google as the platform: sign in,
 * answer a review and see the reply published on Google, edit hours and see the listing sync,
 * and a store manager who cannot reach another store's reviews. Screenshots of the main screens
 * are kept in test-artifacts/e2e/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIR, ensureDashboardBuilt } from '../../src/dashboard/build.ts';
import { createUserIn, startApi, type TestApi } from '../support/api.ts';
import { useReviewSuite } from '../reviews/support.ts';

const suite = useReviewSuite({ network: true });
const SHOTS = path.resolve(import.meta.dirname, '../../test-artifacts/e2e');
const PASSWORD = 'correct horse battery';

let browser: Browser;
let web: TestApi;
let setup: { locations: Map<string, string>; stores: Map<string, string> };

beforeAll(async () => {
  expect(await ensureDashboardBuilt(pino({ level: 'silent' }))).toBe(true);
  web = await startApi(suite.database.db, { engine: suite.harness.engine, dashboardDir: DASHBOARD_DIR });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
  setup = await suite.connectStores(['E2E-1', 'E2E-2'], (fake, location, code) => {
    fake.seedReview(location, { reviewId: `${code}-r1`, starRating: 'FIVE', comment: `${code}: 店員さんの説明がとても丁寧でした`, reviewer: { displayName: '高橋' } });
    fake.seedReview(location, { reviewId: `${code}-r2`, starRating: 'FOUR', comment: `${code}: Great ramen and a friendly team.`, reviewer: { displayName: 'Olivia' } });
    if (code === 'E2E-2') fake.seedReview(location, { reviewId: 'E2E-2-low', starRating: 'TWO', comment: 'E2E-2: 待ち時間が長すぎました', reviewer: { displayName: '伊藤' } });
  });
  await suite.waitForInbox((i) => i.totalCount === 5, 'the pulled reviews');
  await suite.gql(`mutation($input: CreateReplyTemplateInput!) { createReplyTemplate(input: $input) { errors { code } } }`, {
    input: { organizationId: suite.org.gid, name: 'お礼', language: 'ja', body: '{{reviewer}}様、{{store}}へのご来店ありがとうございました。', ratings: [4, 5] },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(`${web.url}/`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('review-list').waitFor();
  // Live updates are part of what the specs check: wait until the event stream is open.
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('connected');
  return page;
}

const problemsOf = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];
const card = (page: Page, text: string) => page.getByTestId('review-card').filter({ hasText: text });

describe('the dashboard in Chromium', () => {
  it('signs in, answers a review with a template, and the reply is published on Google exactly once', async () => {
    const admin = await createUserIn(suite.database.db, suite.api, suite.org.id, 'ADMIN');
    const page = await signIn(admin.email);
    await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 15_000 }).toBe(5);
    await page.screenshot({ path: path.join(SHOTS, '1-inbox.png'), fullPage: true });

    const review = card(page, 'E2E-1: 店員さん');
    await review.getByTestId('reply-template').selectOption({ label: 'お礼' });
    await expect.poll(() => review.getByTestId('reply-input').inputValue()).toBe('高橋様、てんぽ 赤坂店へのご来店ありがとうございました。');
    await review.getByTestId('reply-send').click();
    // The state arrives over SSE: no reload.
    await expect.poll(() => review.getByTestId('reply-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('PUBLISHED');
    await page.screenshot({ path: path.join(SHOTS, '2-reply-published.png'), fullPage: true });

    const onGoogle = suite.harness.fake.state.reviewRef(setup.locations.get('E2E-1')!, 'E2E-1-r1')!.reviewReply;
    expect(onGoogle?.comment).toBe('高橋様、てんぽ 赤坂店へのご来店ありがとうございました。');
    expect(suite.harness.fake.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/reviews/E2E-1-r1/reply'))).toHaveLength(1);
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);

  it('edits a store’s opening hours and shows the listing synced to Google', async () => {
    const admin = await createUserIn(suite.database.db, suite.api, suite.org.id, 'ADMIN');
    const page = await signIn(admin.email);
    await page.getByTestId('nav-stores').click();
    await page.getByTestId('store-link').and(page.locator('[data-store-code="E2E-1"]')).click();
    await page.getByTestId('location-form').waitFor();
    // The page follows the listings while a platform is still taking the store: no reload, here
    // or after the save. The first sync may still be running when the page opens.
    const googleStatus = () => page.getByTestId('listing-status-google').getAttribute('data-status');
    await expect.poll(googleStatus, { timeout: 60_000 }).toBe('IN_SYNC');

    await page.getByTestId('hours-monday-open-0').fill('10:00');
    await page.getByTestId('save-location').click();
    await page.getByTestId('save-success').waitFor({ timeout: 15_000 });
    await expect.poll(googleStatus, { timeout: 60_000 }).toBe('IN_SYNC');
    const periods = suite.harness.fake.state.location(setup.locations.get('E2E-1')!)?.regularHours?.periods ?? [];
    expect(periods.some((p) => p.openDay === 'MONDAY' && p.openTime?.hours === 10)).toBe(true);
    expect(await page.getByTestId('save-success').count()).toBe(1);
    await page.reload();
    await page.getByTestId('location-form').waitFor();
    expect(await googleStatus()).toBe('IN_SYNC');
    expect(await page.getByTestId('hours-monday-open-0').inputValue()).toBe('10:00');
    await page.screenshot({ path: path.join(SHOTS, '3-store.png'), fullPage: true });

    await page.getByTestId('nav-insights').click();
    await page.getByTestId('chart-rating').waitFor();
    await page.getByTestId('chart-volume').waitFor();
    await expect.poll(() => page.getByTestId('stat-count').textContent()).toContain('5');
    // Chart.js animates for a second; the screenshot should show the charts as they settle.
    await page.waitForTimeout(1_200);
    await page.screenshot({ path: path.join(SHOTS, '4-insights.png'), fullPage: true });
    expect(problemsOf(page)).toEqual([]);
  }, 150_000);

  it('shows a hand-submitted platform’s values and confirms them, after which the listing is IN_SYNC', async () => {
    const connected = await suite.gql(`mutation($input: ConnectPlatformInput!) { connectPlatform(input: $input) { errors { code } } }`, {
      input: { organizationId: suite.org.gid, platform: 'tabelog', credentials: {} },
    });
    expect(connected.connectPlatform.errors).toEqual([]);
    const admin = await createUserIn(suite.database.db, suite.api, suite.org.id, 'ADMIN');
    const page = await signIn(admin.email);
    await page.getByTestId('nav-stores').click();
    await page.getByTestId('store-link').and(page.locator('[data-store-code="E2E-2"]')).click();
    const task = page.getByTestId('manual-task-tabelog');
    await task.waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('listing-status-tabelog').getAttribute('data-status')).toBe('ACTION_REQUIRED');
    const hours = task.locator('[data-testid="manual-value"][data-key="hours"] dd');
    expect(await hours.textContent()).toBe('月 11:00〜15:00、17:00〜翌2:00\n土 11:00〜22:00\n定休日 火・水・木・金・日');
    await page.screenshot({ path: path.join(SHOTS, '7-manual-task.png'), fullPage: true });
    await page.getByTestId('manual-confirm-tabelog').click();
    await expect.poll(() => page.getByTestId('listing-status-tabelog').getAttribute('data-status'), { timeout: 15_000 }).toBe('IN_SYNC');
    expect(await page.getByTestId('manual-task-tabelog').count()).toBe(0);
    expect(await page.getByTestId('listing-reason-tabelog').textContent()).toBe('Confirmed by a person.');
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);

  it("holds a store manager's reply to a 2-star review until an admin approves it in the dashboard", async () => {
    const manager = await createUserIn(suite.database.db, suite.api, suite.org.id, 'STORE_MANAGER');
    await suite.gql(`mutation($input: AssignStoreManagerInput!) { assignStoreManager(input: $input) { errors { code } } }`, {
      input: { organizationId: suite.org.gid, userId: manager.userId, locationId: setup.stores.get('E2E-2') },
    });
    const managerPage = await signIn(manager.email);
    const low = card(managerPage, '待ち時間');
    await low.getByTestId('reply-input').fill('ご迷惑をおかけしました。受付の人数を増やしました。');
    await low.getByTestId('reply-send').click();
    await expect.poll(() => low.getByTestId('reply-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('PENDING_APPROVAL');
    await low.getByTestId('reply-approval-reason').waitFor();
    expect(await low.getByTestId('reply-approve').count()).toBe(0);
    await managerPage.screenshot({ path: path.join(SHOTS, '5-pending-approval.png'), fullPage: true });

    const admin = await createUserIn(suite.database.db, suite.api, suite.org.id, 'ADMIN');
    const adminPage = await signIn(admin.email);
    const held = card(adminPage, '待ち時間');
    await held.getByTestId('reply-approve').click();
    await expect.poll(() => held.getByTestId('reply-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('PUBLISHED');
    // The writer sees it go out without reloading.
    await expect.poll(() => low.getByTestId('reply-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('PUBLISHED');
    expect(suite.harness.fake.state.reviewRef(setup.locations.get('E2E-2')!, 'E2E-2-low')!.reviewReply?.comment).toBe('ご迷惑をおかけしました。受付の人数を増やしました。');
    expect([...problemsOf(managerPage), ...problemsOf(adminPage)]).toEqual([]);
  }, 90_000);

  it('shows a store manager only their store, in the UI and through the API', async () => {
    const manager = await createUserIn(suite.database.db, suite.api, suite.org.id, 'STORE_MANAGER');
    await suite.gql(`mutation($input: AssignStoreManagerInput!) { assignStoreManager(input: $input) { errors { code } } }`, {
      input: { organizationId: suite.org.gid, userId: manager.userId, locationId: setup.stores.get('E2E-2') },
    });
    const page = await signIn(manager.email);
    await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 15_000 }).toBe(3);
    expect((await page.getByTestId('review-text').allTextContents()).every((text) => text.startsWith('E2E-2'))).toBe(true);

    // Even asked for by its id in the address bar, the other store shows nothing.
    await page.goto(`${web.url}/?store=${encodeURIComponent(setup.stores.get('E2E-1')!)}`);
    await page.getByTestId('inbox-empty').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('review-card').count()).toBe(0);
    await page.goto(`${web.url}/stores/${encodeURIComponent(setup.stores.get('E2E-1')!)}`);
    await expect.poll(() => page.getByTestId('location-form').count(), { timeout: 5_000 }).toBe(0);
    await page.getByTestId('nav-stores').click();
    await expect.poll(() => page.getByTestId('store-link').count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, '6-store-manager.png'), fullPage: true });

    const byApi = await suite.api.gql(
      `query($org: ID!, $ids: [ID!]) { node(id: $org) { ... on Organization { reviews(filter: { locationIds: $ids }) { totalCount } } } }`,
      { org: suite.org.gid, ids: [setup.stores.get('E2E-1')] },
      manager.token,
    );
    expect(byApi.data.node.reviews.totalCount).toBe(0);
    const other = (await suite.inbox()).reviews.find((r) => r.location.storeCode === 'E2E-1')!;
    expect((await suite.api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: other.id }, manager.token)).data.node).toBeNull();
  }, 90_000);
});
