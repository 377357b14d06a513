import { describe, expect, it } from 'vitest';
import { createKey } from '../support/api.ts';
import { evidence, JP_CLOUD_IP, JP_HOME_IP, ruleIds, TOR_IP, tokyoOrder, uid, useFraudSuite, type DecisionView } from './support.ts';

const suite = useFraudSuite();

const LIST_ENTRY = `mutation($input: AddFraudListEntryInput!) { addFraudListEntry(input: $input) { entry { id list kind display reason expiresAt } errors { code path message } } }`;
const RESOLVE = `mutation($input: ResolveFraudCaseInput!) { resolveFraudCase(input: $input) { outcome { label blocked shared decision { id } } errors { code message } } }`;
const CASES = `query($id: ID!) { node(id: $id) { ... on Organization { fraudCases(first: 50) { edges { node { id status kind score decision { id externalId } } } } } } }`;

/** An order risky enough for REVIEW but not NG: a forwarding address from a data-centre IP. */
function reviewableOrder(extra: Record<string, unknown> = {}) {
  return tokyoOrder({
    shipping: { name: '山田 太郎', address: { line: '千葉県市川市塩浜2-1-1 転送サービス株式会社 気付' } },
    ...extra,
  });
}

describe('allow and block lists', () => {
  it('blocks an email however it is written, and keeps only a masked form of it', async () => {
    const org = await suite.newOrg();
    const added = await suite.gql(LIST_ENTRY, { input: { organizationId: org.gid, list: 'BLOCK', kind: 'EMAIL', value: 'Fraud.Ster+shop@GMail.com', reason: 'chargeback 2026-10' } }, org.key);
    expect(added.addFraudListEntry.errors).toEqual([]);
    expect(added.addFraudListEntry.entry.display).toBe('fr***@gmail.com');
    const row = await suite.database.db.selectFrom('fraud_list_entries').selectAll().where('id', '=', added.addFraudListEntry.entry.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('fraudster');

    const d = await suite.screen('Order', tokyoOrder({ billing: { name: '詐欺 太郎', email: 'fraudster@gmail.com' } }), org.key);
    expect(d.verdict).toBe('NG');
    // A screening dated before the entry is judged by the lists as they stand now.
    const backdated = await suite.screen('Order', tokyoOrder({ billing: { name: '詐欺 太郎', email: 'fraudster@gmail.com' }, context: { occurredAt: '2020-01-01T00:00:00Z' } }), org.key);
    expect(backdated.verdict).toBe('NG');
    expect(evidence(d, 'list.block')).toMatchObject({ 'list.blocked': true });
    expect(d.reasons[0]!.message.en).toContain('EMAIL');
  });

  it('lets an allow-listed customer through whatever else is seen, and stops honouring expired entries', async () => {
    const org = await suite.newOrg();
    const device = uid('vip-device');
    await suite.gql(LIST_ENTRY, { input: { organizationId: org.gid, list: 'ALLOW', kind: 'DEVICE', value: device, reason: 'VIP customer' } }, org.key);
    const risky = reviewableOrder({ context: { ip: TOR_IP, device: { id: device } } });
    const d = await suite.screen('Order', risky, org.key);
    expect(d.verdict).toBe('OK');
    expect(ruleIds(d)).toContain('list.allow');

    const past = new Date(Date.now() - 2 * 86_400_000);
    const expired = await suite.gql(LIST_ENTRY, { input: { organizationId: org.gid, list: 'BLOCK', kind: 'PHONE', value: '090-9999-0000', reason: 'old', startsAt: past.toISOString(), expiresAt: new Date(past.getTime() + 86_400_000).toISOString() } }, org.key);
    expect(expired.addFraudListEntry.errors).toEqual([]);
    const later = await suite.screen('Order', tokyoOrder({ billing: { name: 'x', phone: '+81 90 9999 0000' } }), org.key);
    expect(ruleIds(later)).not.toContain('list.block');
  });

  it('refuses values that are not what their kind says', async () => {
    const res = await suite.gql(LIST_ENTRY, { input: { organizationId: suite.org.gid, list: 'BLOCK', kind: 'EMAIL', value: 'not an email', reason: 'x' } });
    expect(res.addFraudListEntry.errors).toEqual([{ code: 'INVALID_INPUT', path: ['value'], message: 'Not a valid email.' }]);
  });
});

describe('cases', () => {
  it('opens a case for REVIEW; confirming it blocks the identities, so the next order is NG in every module', async () => {
    const org = await suite.newOrg();
    const email = `${uid('ring')}@example.com`;
    const d: DecisionView = await suite.screen('Order', reviewableOrder({ billing: { name: '山本 五郎', email, phone: '070-1234-9876' }, context: { ip: JP_CLOUD_IP, device: { id: uid('dev') } } }), org.key);
    expect(d.verdict).toBe('REVIEW');
    expect(d.case).toMatchObject({ status: 'OPEN' });

    const queue = await suite.gql(CASES, { id: org.gid }, org.key);
    expect(queue.node.fraudCases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([d.case!.id]);

    const resolved = await suite.gql(RESOLVE, { input: { id: d.case!.id, outcome: 'FRAUD', note: 'ring seen in October' } }, org.key);
    expect(resolved.resolveFraudCase.errors).toEqual([]);
    // Email, phone, the shipping address and the device: what pins down a person (not the IP, not the name).
    expect(resolved.resolveFraudCase.outcome).toMatchObject({ label: 'FRAUD', blocked: 4, shared: 0 });

    const again = await suite.gql(RESOLVE, { input: { id: d.case!.id, outcome: 'LEGITIMATE' } }, org.key);
    expect(again.resolveFraudCase.errors[0]).toMatchObject({ code: 'ALREADY_LABELLED' });

    const next = await suite.screen('Order', tokyoOrder({ billing: { name: '別名 六郎', email } }), org.key);
    expect(next.verdict).toBe('NG');
    expect(ruleIds(next)).toEqual(expect.arrayContaining(['list.block', 'flags.confirmed']));
    const signup = await suite.screen('Signup', { person: { email: email.toUpperCase() } }, org.key);
    expect(signup.verdict).toBe('NG');

    const open = await suite.gql(CASES, { id: org.gid }, org.key);
    expect(open.node.fraudCases.edges).toEqual([]);
    const label = await suite.gql(`query($id: ID!) { fraudDecision(id: $id) { label } }`, { id: d.id }, org.key);
    expect(label.fraudDecision.label).toBe('FRAUD');
  });

  it('pages the queue oldest first', async () => {
    const org = await suite.newOrg();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await suite.screen('Order', reviewableOrder({ context: { ip: JP_CLOUD_IP, device: { id: uid('d') } } }), org.key);
      expect(d.verdict, JSON.stringify(d.reasons)).toBe('REVIEW');
      ids.push(d.case!.id);
    }
    const page = `query($id: ID!, $after: String) { node(id: $id) { ... on Organization { fraudCases(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    const first = await suite.gql(page, { id: org.gid }, org.key);
    const second = await suite.gql(page, { id: org.gid, after: first.node.fraudCases.pageInfo.endCursor }, org.key);
    expect([...first.node.fraudCases.edges, ...second.node.fraudCases.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(ids);
    expect(second.node.fraudCases.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps a chargeback on an order that passed as a label', async () => {
    const d = await suite.screen('Order', tokyoOrder());
    const res = await suite.gql(`mutation($input: LabelFraudDecisionInput!) { labelFraudDecision(input: $input) { outcome { label blocked } errors { code } } }`, { input: { id: d.id, label: 'FRAUD', note: 'chargeback' } });
    expect(res.labelFraudDecision.outcome).toMatchObject({ label: 'FRAUD', blocked: 4 });
  });

  it('lets a VIEWER neither screen nor work cases, and shows another tenant nothing', async () => {
    const viewer = await createKey(suite.database.db, suite.org.id, 'VIEWER');
    const res = await suite.api.gql(`mutation($input: ScreenOrderInput!) { screenOrder(input: $input) { decision { id } errors { code } } }`, { input: tokyoOrder() }, viewer);
    expect(res.data.screenOrder.errors).toEqual([{ code: 'FORBIDDEN' }]);

    const d = await suite.screen('Order', reviewableOrder({ context: { ip: JP_CLOUD_IP, device: { id: uid('d') } } }));
    const other = await suite.newOrg();
    const seen = await suite.gql(`query($id: ID!) { fraudDecision(id: $id) { id } }`, { id: d.id }, other.key);
    expect(seen.fraudDecision).toBeNull();
    const resolve = await suite.gql(RESOLVE, { input: { id: d.case!.id, outcome: 'FRAUD' } }, other.key);
    expect(resolve.resolveFraudCase.errors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the shared negative database', () => {
  it('matches confirmed fraud across organisations that opted in, by keyed hash only', async () => {
    const reporter = await suite.newOrg({ shareNegativeData: true });
    const member = await suite.newOrg({ shareNegativeData: true });
    const outsider = await suite.newOrg({ shareNegativeData: false });
    const phone = '090-5555-0101';
    const d = await suite.screen('Order', reviewableOrder({ billing: { name: '共有 太郎', phone }, context: { ip: JP_CLOUD_IP, device: { id: uid('d') } } }), reporter.key);
    const resolved = await suite.gql(RESOLVE, { input: { id: d.case!.id, outcome: 'FRAUD' } }, reporter.key);
    expect(resolved.resolveFraudCase.outcome.shared).toBeGreaterThan(0);
    const shared = await suite.database.db.selectFrom('fraud_shared_negatives').selectAll().where('org_id', '=', reporter.id).execute();
    expect(JSON.stringify(shared)).not.toMatch(/90.?5555/);

    const seen = await suite.screen('Signup', { person: { phone: '+819055550101', email: `${uid('x')}@example.com` } }, member.key);
    expect(evidence(seen, 'shared.negative')).toEqual({ 'shared.reports': 1, 'shared.modules': 'ORDERS' });
    expect(seen.reasons.find((r) => r.ruleId === 'shared.negative')!.message.en).toContain('ORDERS');
    const unseen = await suite.screen('Signup', { person: { phone: '09055550101' } }, outsider.key);
    expect(ruleIds(unseen)).not.toContain('shared.negative');
  });
});

describe('what a missing module would have caught', () => {
  it('tells a reviews-only organisation, with counts, that order screening knows its fake reviewers', async () => {
    const reviewsOnly = await suite.newOrg({ modules: ['LISTINGS', 'REVIEWS'], shareNegativeData: true });
    const shop = await suite.newOrg({ shareNegativeData: true });
    const device = uid('ring-device');

    const order = await suite.screen('Order', tokyoOrder({ context: { ip: JP_HOME_IP, device: { id: device } } }), shop.key);
    const chargeback = await suite.gql(`mutation($input: LabelFraudDecisionInput!) { labelFraudDecision(input: $input) { outcome { shared } errors { code } } }`, { input: { id: order.id, label: 'FRAUD' } }, shop.key);
    expect(chargeback.labelFraudDecision.outcome.shared).toBe(4);

    const review = await suite.screen(
      'Review',
      { reviewId: uid('r'), locationKey: 'store-1', rating: 5, text: 'good', reviewer: { id: uid('rv') }, context: { ip: JP_CLOUD_IP, device: { id: device, userAgent: 'python-requests/2.32' } } },
      reviewsOnly.key,
    );
    expect(review.verdict).toBe('NG');

    const data = await suite.gql(`query($id: ID!) { node(id: $id) { ... on Organization { fraudInsights { module identities organisations decisions message { ja en } } } } }`, { id: reviewsOnly.gid }, reviewsOnly.key);
    expect(data.node.fraudInsights).toEqual([
      expect.objectContaining({ module: 'ORDERS', identities: 1, organisations: 1, decisions: 1 }),
    ]);
    expect(data.node.fraudInsights[0].message.en).toContain('order screening');

    const full = await suite.gql(`query($id: ID!) { node(id: $id) { ... on Organization { fraudInsights { module } } } }`, { id: shop.gid }, shop.key);
    expect(full.node.fraudInsights).toEqual([]);
  });
});

describe('confirmed attacks on a customer hold the attacker, not the victim', () => {
  const LABEL = `mutation($input: LabelFraudDecisionInput!) { labelFraudDecision(input: $input) { outcome { blocked } errors { code } } }`;

  it('blocks the device of a confirmed account takeover, never the account it attacked', async () => {
    const org = await suite.newOrg();
    const accountId = uid('victim');
    const attacker = uid('attacker-device');
    const attack = await suite.screen('Login', { accountId, email: `${accountId}@example.jp`, succeeded: true, context: { ip: '5.9.0.1', device: { id: attacker } } }, org.key);
    const labelled = await suite.gql(LABEL, { input: { id: attack.id, label: 'FRAUD' } }, org.key);
    expect(labelled.labelFraudDecision.outcome.blocked).toBe(1);

    const owner = await suite.screen('Login', { accountId, email: `${accountId}@example.jp`, succeeded: true, context: { ip: JP_HOME_IP, device: { id: uid('owner-phone') } } }, org.key);
    expect(ruleIds(owner)).not.toContain('list.block');
    const again = await suite.screen('Login', { accountId: uid('other'), succeeded: true, context: { ip: JP_HOME_IP, device: { id: attacker } } }, org.key);
    expect(again.verdict).toBe('NG');
  });

  it("holds a takeover order's device and destination against the attacker, not the owner's saved identities", async () => {
    const org = await suite.newOrg();
    const owner = { name: '長谷川 誠', email: `${uid('owner')}@example.jp`, phone: '080-4321-8765', address: { line: '東京都世田谷区三軒茶屋1-2-3' } };
    const drop = { name: '受取 太郎', address: { line: '埼玉県川口市本町4-5-6 コーポ101' } };
    const takeover = await suite.screen(
      'Order',
      tokyoOrder({ account: { id: uid('acct'), createdAt: '2024-05-01T00:00:00Z' }, billing: owner, shipping: drop, context: { ip: JP_HOME_IP, device: { id: uid('thief') } } }),
      org.key,
    );
    const labelled = await suite.gql(LABEL, { input: { id: takeover.id, label: 'FRAUD' } }, org.key);
    // The thief's device and the drop address; not the owner's account, email, phone or home.
    expect(labelled.labelFraudDecision.outcome.blocked).toBe(2);

    const ownersNext = await suite.screen('Order', tokyoOrder({ billing: owner }), org.key);
    expect(ruleIds(ownersNext)).not.toContain('list.block');
    const toDrop = await suite.screen('Order', tokyoOrder({ shipping: drop }), org.key);
    expect(ruleIds(toDrop)).toContain('list.block');
  });
});
