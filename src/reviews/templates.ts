import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { ReplyTemplateRow } from '../db/reviewsSchema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { fieldError, inputErrors, type LocalizedName, type Result } from '../locations/model.ts';
import { sameLanguage } from './language.ts';

/**
 * Reply templates per organisation and language. Variables are written `{{reviewer}}`; a
 * template naming a variable Tenpo does not know is refused when saved, not discovered when a
 * store manager picks it.
 */
export const TEMPLATE_VARIABLES = ['reviewer', 'store', 'rating', 'platform', 'organization'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const templateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP 47 language tag such as "ja" or "en-US"'),
  body: z
    .string()
    .trim()
    .min(1)
    .max(4_000)
    .superRefine((body, ctx) => {
      for (const m of body.matchAll(VARIABLE)) {
        if (!(TEMPLATE_VARIABLES as readonly string[]).includes(m[1]!)) {
          ctx.addIssue({ code: 'custom', message: `Unknown variable {{${m[1]}}}: use ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}.` });
        }
      }
    }),
  ratings: z
    .array(z.number().int().min(1).max(5))
    .max(5)
    .refine((r) => new Set(r).size === r.length, 'Ratings must not repeat')
    .default([]),
});
export type TemplateInput = z.input<typeof templateSchema>;

/** Runs a write whose only expected failure is a second template of the same name and language. */
async function saving(write: () => Promise<ReplyTemplateRow>): Promise<Result<ReplyTemplateRow>> {
  try {
    return { ok: true, value: await write() };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, errors: [fieldError('INVALID_INPUT', ['name'], 'A template with this name already exists in this language.')] };
    throw err;
  }
}

export async function createTemplate(db: Db, orgId: string, input: TemplateInput): Promise<Result<ReplyTemplateRow>> {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };
  return saving(() => db.insertInto('reply_templates').values({ id: randomUUID(), org_id: orgId, ...parsed.data }).returningAll().executeTakeFirstOrThrow());
}

export async function updateTemplate(db: Db, template: ReplyTemplateRow, patch: Partial<TemplateInput>): Promise<Result<ReplyTemplateRow>> {
  const parsed = templateSchema.safeParse({ name: template.name, language: template.language, body: template.body, ratings: template.ratings, ...patch });
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };
  return saving(() => db.updateTable('reply_templates').set({ ...parsed.data, updated_at: new Date() }).where('id', '=', template.id).returningAll().executeTakeFirstOrThrow());
}

/** Templates for a review: its language (any language when unknown) and its rating. */
export function templatesFor(templates: readonly ReplyTemplateRow[], language: string | null, rating: number | null): ReplyTemplateRow[] {
  return templates.filter((t) => (language === null || sameLanguage(t.language, language)) && (t.ratings.length === 0 || (rating !== null && t.ratings.includes(rating))));
}

export interface TemplateContext {
  reviewerName: string | null;
  storeName: string;
  localizedNames: readonly LocalizedName[];
  rating: number | null;
  platformName: string;
  organizationName: string;
}

// Said to a reviewer whose name the platform withholds.
const ANONYMOUS: Readonly<Record<string, string>> = { ja: 'お客様', en: 'valued guest', zh: '顾客', ko: '고객님' };
// Japanese templates write the honorific after the name ("{{reviewer}}様"); the fallback has its own.
const HONORIFIC = '様';

export function renderTemplate(template: Pick<ReplyTemplateRow, 'body' | 'language'>, ctx: TemplateContext): string {
  const lang = template.language.split('-')[0]!;
  const store = ctx.localizedNames.find((n) => sameLanguage(n.locale, template.language))?.name ?? ctx.storeName;
  const values: Record<TemplateVariable, string> = {
    reviewer: ctx.reviewerName ?? ANONYMOUS[lang] ?? ANONYMOUS.en!,
    store,
    rating: ctx.rating === null ? '' : String(ctx.rating),
    platform: ctx.platformName,
    organization: ctx.organizationName,
  };
  return template.body.replace(VARIABLE, (whole, name: string, offset: number, body: string) => {
    if (name === 'reviewer' && ctx.reviewerName === null && values.reviewer.endsWith(HONORIFIC) && body.startsWith(HONORIFIC, offset + whole.length)) {
      return values.reviewer.slice(0, -HONORIFIC.length);
    }
    return values[name as TemplateVariable] ?? whole;
  });
}
