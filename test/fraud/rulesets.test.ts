import { describe, expect, it } from 'vitest';
import { createKey } from '../support/api.ts';
import { ruleIds, tokyoOrder, useFraudSuite } from './support.ts';

const suite = useFraudSuite();

const PUBLISH = `mutation($input: PublishFraudRulesInput!) { publishFraudRules(input: $input) { settings { rulesetVersion thresholds } errors { code path message } } }`;

const bigOrders = {
  thresholds: { review: 30, ng: 90 },
  rules: [
    {
      id: 'big-deferred',
      kinds: ['ORDER'],
      when: { all: [{ feature: 'order.amount', op: 'gte', value: 50000 }, { feature: 'order.deferred_payment', op: 'truthy' }] },
      weight: 35,
      message: { ja: '高額の後払い注文（{order.amount}円）', en: 'Large deferred-payment order ({order.amount} JPY)' },
    },
  ],
};

describe('rules are data, published per organisation', () => {
  it('puts a published ruleset in force as a new version, and decisions name it', async () => {
    const org = await suite.newOrg();
    const res = await suite.gql(PUBLISH, { input: { organizationId: org.gid, ruleset: bigOrders } }, org.key);
    expect(res.publishFraudRules).toEqual({ settings: { rulesetVersion: 'v1', thresholds: { review: 30, ng: 90 } }, errors: [] });

    const d = await suite.screen('Order', tokyoOrder({ amount: 80_000, paymentMethod: 'DEFERRED' }), org.key);
    expect(d).toMatchObject({ verdict: 'REVIEW', score: 35, rulesetVersion: 'v1' });
    expect(d.reasons[0]!.message).toEqual({ ja: '高額の後払い注文（80000円）', en: 'Large deferred-payment order (80000 JPY)' });
    expect(ruleIds(await suite.screen('Order', tokyoOrder({ amount: 80_000, paymentMethod: 'CARD' }), org.key))).toEqual([]);

    const again = await suite.gql(PUBLISH, { input: { organizationId: org.gid, ruleset: { ...bigOrders, thresholds: { review: 20, ng: 90 } } } }, org.key);
    expect(again.publishFraudRules.settings.rulesetVersion).toBe('v2');
    const back = await suite.gql(`mutation($input: UseDefaultFraudRulesInput!) { useDefaultFraudRules(input: $input) { settings { rulesetVersion } } }`, { input: { organizationId: org.gid } }, org.key);
    expect(back.useDefaultFraudRules.settings.rulesetVersion).toMatch(/^default-/);
    // Published versions stay readable for the decisions that name them.
    const versions = await suite.database.db.selectFrom('fraud_rulesets').select('version').where('org_id', '=', org.id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses an invalid ruleset with the path of each problem, and keeps the rules in force', async () => {
    const org = await suite.newOrg();
    const bad = { thresholds: { review: 50, ng: 40 }, rules: [{ ...bigOrders.rules[0], when: { feature: 'order.colour', op: 'truthy' } }] };
    const res = await suite.gql(PUBLISH, { input: { organizationId: org.gid, ruleset: bad } }, org.key);
    expect(res.publishFraudRules.settings).toBeNull();
    expect(res.publishFraudRules.errors).toEqual(
      expect.arrayContaining([
        { code: 'INVALID_INPUT', path: ['ruleset', 'thresholds', 'ng'], message: 'ng must be above review' },
        { code: 'INVALID_INPUT', path: ['ruleset', 'rules', '0', 'when', 'feature'], message: 'unknown feature "order.colour"' },
      ]),
    );
    expect((await suite.screen('Order', tokyoOrder(), org.key)).rulesetVersion).toMatch(/^default-/);
  });

  it('lets only an OWNER or ADMIN change rules, and tells every client what features exist', async () => {
    const editor = await createKey(suite.database.db, suite.org.id, 'EDITOR');
    const res = await suite.gql(PUBLISH, { input: { organizationId: suite.org.gid, ruleset: bigOrders } }, editor);
    expect(res.publishFraudRules.errors).toEqual([{ code: 'FORBIDDEN', path: [], message: expect.any(String) }]);
    const catalog = await suite.gql(`{ fraudFeatureCatalog { name type kinds } }`);
    expect(catalog.fraudFeatureCatalog).toContainEqual({ name: 'order.amount_z', type: 'number', kinds: ['ORDER'] });
  });
});
