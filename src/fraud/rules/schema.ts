import { z } from 'zod';
import { FEATURES } from '../features/catalog.ts';
import { SCREENING_KINDS } from '../model.ts';

/**
 * A ruleset is data: an organisation publishes one through the API, it is validated here,
 * stored as a new version and used from then on. Conditions are a small closed language (no
 * code), so a rule can be shown, diffed and explained.
 */

const comparison = z
  .object({
    feature: z.string(),
    op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'truthy']),
    value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()])).max(100)]).optional(),
  })
  .strict();

export type Comparison = z.infer<typeof comparison>;
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparison,
    z.object({ all: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

const localized = z.object({ ja: z.string().min(1).max(300), en: z.string().min(1).max(300) }).strict();

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,63}$/, 'lower-case letters, digits, "_", "." and "-", 2 to 64 long'),
    kinds: z.array(z.enum(SCREENING_KINDS)).min(1),
    when: conditionSchema,
    /** Points added to the score when the rule fires; negative for signs of a real customer. */
    weight: z.number().int().min(-100).max(100),
    /** Decides the verdict outright (lists), whatever the score. NG beats OK. */
    verdict: z.enum(['OK', 'NG']).optional(),
    /** Shown to people; "{feature.name}" is replaced by the feature's value. */
    message: localized,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const thresholdsSchema = z
  .object({ review: z.number().int().min(1).max(100), ng: z.number().int().min(1).max(100) })
  .strict()
  .refine((t) => t.ng > t.review, { message: 'ng must be above review', path: ['ng'] });
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const rulesetSchema = z
  .object({ thresholds: thresholdsSchema, rules: z.array(ruleSchema).min(1).max(500) })
  .strict()
  .superRefine((set, ctx) => {
    const ids = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
      ids.add(rule.id);
      checkCondition(rule.when, rule.kinds, ['rules', i, 'when'], ctx);
      for (const lang of ['ja', 'en'] as const) {
        for (const [, name] of rule.message[lang].matchAll(/\{([a-z0-9_.]+)\}/g)) {
          if (!FEATURES[name!]) ctx.addIssue({ code: 'custom', path: ['rules', i, 'message', lang], message: `unknown feature "${name}" in the message` });
        }
      }
    });
  });
export type Ruleset = z.infer<typeof rulesetSchema>;

function checkCondition(c: Condition, kinds: readonly string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  if ('all' in c) return c.all.forEach((x, i) => checkCondition(x, kinds, [...path, 'all', i], ctx));
  if ('any' in c) return c.any.forEach((x, i) => checkCondition(x, kinds, [...path, 'any', i], ctx));
  if ('not' in c) return checkCondition(c.not, kinds, [...path, 'not'], ctx);
  const spec = FEATURES[c.feature];
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [...path, 'feature'], message });
  if (!spec) return issue(`unknown feature "${c.feature}"`);
  const missing = kinds.filter((k) => !spec.kinds.includes(k as never));
  if (missing.length > 0) return issue(`"${c.feature}" is not computed for ${missing.join(', ')}`);
  const v = c.value;
  switch (c.op) {
    case 'truthy':
      if (v !== undefined) issue('"truthy" takes no value');
      return;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (spec.type !== 'number' || typeof v !== 'number') issue(`"${c.op}" compares a number feature with a number`);
      return;
    case 'in':
      if (!Array.isArray(v)) issue('"in" takes a list of values');
      return;
    case 'eq':
    case 'ne':
      if (typeof v !== spec.type) issue(`"${c.feature}" is a ${spec.type}; compare it with a ${spec.type}`);
      return;
  }
}
