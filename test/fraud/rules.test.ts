import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/fraud/features/catalog.ts';
import { DEFAULT_RULESET, DEFAULT_RULESET_VERSION } from '../../src/fraud/rules/default.ts';
import { evaluate } from '../../src/fraud/rules/evaluate.ts';
import { rulesetSchema, type Ruleset } from '../../src/fraud/rules/schema.ts';

const message = { ja: 'テスト', en: 'test' };

function ruleset(rules: unknown[], thresholds = { review: 40, ng: 70 }): unknown {
  return { thresholds, rules };
}

function issues(input: unknown): string[] {
  const r = rulesetSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the default ruleset', () => {
  it('is valid against the feature catalog and named by its content', () => {
    expect(rulesetSchema.safeParse(DEFAULT_RULESET).success).toBe(true);
    expect(DEFAULT_RULESET_VERSION).toMatch(/^default-[0-9a-f]{8}$/);
  });

  it('gives every rule a Japanese and an English message whose placeholders name real features', () => {
    for (const rule of DEFAULT_RULESET.rules) {
      for (const text of [rule.message.ja, rule.message.en]) {
        for (const [, name] of text.matchAll(/\{([a-z0-9_.]+)\}/g)) expect(FEATURES[name!], `${rule.id}: {${name}}`).toBeDefined();
      }
    }
  });

  it('has a rule for every kind of screening', () => {
    for (const kind of ['ORDER', 'SIGNUP', 'LOGIN', 'REVIEW'] as const) {
      expect(DEFAULT_RULESET.rules.filter((r) => r.kinds.includes(kind)).length, kind).toBeGreaterThan(5);
    }
  });
});

describe('publishing rules validates them', () => {
  it('refuses a feature that does not exist', () => {
    expect(issues(ruleset([{ id: 'x1', kinds: ['ORDER'], when: { feature: 'order.colour', op: 'truthy' }, weight: 10, message }]))).toEqual([
      'rules.0.when.feature: unknown feature "order.colour"',
    ]);
  });

  it('refuses a feature the kind never computes', () => {
    expect(issues(ruleset([{ id: 'x1', kinds: ['LOGIN'], when: { feature: 'order.amount_z', op: 'gte', value: 3 }, weight: 10, message }]))[0]).toContain(
      '"order.amount_z" is not computed for LOGIN',
    );
  });

  it('refuses comparing a boolean with a number, and ordering a string', () => {
    expect(issues(ruleset([{ id: 'x1', kinds: ['ORDER'], when: { feature: 'ip.tor', op: 'eq', value: 1 }, weight: 10, message }]))[0]).toContain('is a boolean');
    expect(issues(ruleset([{ id: 'x1', kinds: ['ORDER'], when: { feature: 'ip.country', op: 'gt', value: 3 }, weight: 10, message }]))[0]).toContain('compares a number');
  });

  it('refuses duplicate ids, thresholds in the wrong order and a placeholder naming no feature', () => {
    const rule = { id: 'same', kinds: ['ORDER'], when: { feature: 'ip.tor', op: 'truthy' }, weight: 10, message };
    expect(issues(ruleset([rule, rule]))).toContain('rules.1.id: duplicate rule id "same"');
    expect(issues(ruleset([rule], { review: 70, ng: 40 }))).toContain('thresholds.ng: ng must be above review');
    expect(issues(ruleset([{ ...rule, message: { ja: '{ip.colour}', en: 'x' } }]))[0]).toContain('unknown feature "ip.colour"');
  });

  it('checks conditions nested in all, any and not', () => {
    const when = { all: [{ feature: 'ip.tor', op: 'truthy' }, { not: { any: [{ feature: 'nope', op: 'truthy' }] } }] };
    expect(issues(ruleset([{ id: 'x1', kinds: ['ORDER'], when, weight: 10, message }]))).toEqual(['rules.0.when.all.1.not.any.0.feature: unknown feature "nope"']);
  });
});

describe('evaluating a ruleset', () => {
  const set = rulesetSchema.parse(
    ruleset([
      { id: 'tor', kinds: ['ORDER'], when: { feature: 'ip.tor', op: 'truthy' }, weight: 45, message: { ja: 'Tor', en: 'Tor from {ip.country}' } },
      { id: 'fast', kinds: ['ORDER'], when: { feature: 'velocity.device.1h', op: 'gte', value: 3 }, weight: 30, message },
      { id: 'login-only', kinds: ['LOGIN'], when: { feature: 'ip.tor', op: 'truthy' }, weight: 100, message },
      { id: 'known', kinds: ['ORDER'], when: { feature: 'list.allowed', op: 'truthy' }, weight: -100, verdict: 'OK', message },
      { id: 'blocked', kinds: ['ORDER'], when: { feature: 'list.blocked', op: 'truthy' }, weight: 100, verdict: 'NG', message },
    ]),
  ) as Ruleset;

  it('adds weights into a 0-100 score and reads the verdict off the thresholds', () => {
    expect(evaluate(set, 'ORDER', { 'ip.tor': false, 'velocity.device.1h': 1 })).toMatchObject({ verdict: 'OK', score: 0, reasons: [] });
    expect(evaluate(set, 'ORDER', { 'ip.tor': true, 'velocity.device.1h': 1 })).toMatchObject({ verdict: 'REVIEW', score: 45 });
    expect(evaluate(set, 'ORDER', { 'ip.tor': true, 'velocity.device.1h': 3 })).toMatchObject({ verdict: 'NG', score: 75 });
  });

  it('fires only the rules of the kind screened', () => {
    expect(evaluate(set, 'LOGIN', { 'ip.tor': true }).reasons.map((r) => r.ruleId)).toEqual(['login-only']);
  });

  it('lists reasons heaviest first, with their evidence and the message filled in', () => {
    const { reasons } = evaluate(set, 'ORDER', { 'ip.tor': true, 'ip.country': 'DE', 'velocity.device.1h': 4 });
    expect(reasons.map((r) => r.ruleId)).toEqual(['tor', 'fast']);
    expect(reasons[0]!.message.en).toBe('Tor from DE');
    expect(reasons[1]!.evidence).toEqual([{ feature: 'velocity.device.1h', value: 4 }]);
  });

  it('lets the allow list pass an order whatever its score, and the block list refuse one even when allowed', () => {
    expect(evaluate(set, 'ORDER', { 'list.allowed': true, 'ip.tor': true, 'velocity.device.1h': 9 }).verdict).toBe('OK');
    expect(evaluate(set, 'ORDER', { 'list.allowed': true, 'list.blocked': true }).verdict).toBe('NG');
  });
});
