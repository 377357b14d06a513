/**
 * Checks shared by every location rule module: zod shape parsing that reports FieldErrors,
 * free-text hygiene, and web addresses. Kept apart from validate.ts so the rule modules can
 * use them without importing the orchestrator.
 */
import type { z } from 'zod';
import { fieldError, type ErrorCode, type FieldError } from './model.ts';

export { fieldError };

export const textLimits = {
  urlMaxLength: 2048,
} as const;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function describeExpected(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object';
  return `a ${expected}`;
}

// Zod's default wording is written for developers; these messages go to the people who
// typed the data (store managers, CSV authors), so they name the expected value plainly.
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Required'
        : `Expected ${describeExpected(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
};

/**
 * Parses `value` with `schema`; on failure records one INVALID_INPUT per issue under `path`
 * and returns undefined. Schemas passed here never output undefined, so undefined always
 * means "shape rejected".
 */
export function parseShape<T>(
  schema: z.ZodType<T>,
  value: unknown,
  path: string[],
  errors: FieldError[],
): T | undefined {
  const result = schema.safeParse(value, { error: errorMap });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = [...path, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      // One error per key, at the key itself, so a UI can highlight the exact typo.
      for (const key of issue.keys) errors.push(fieldError('INVALID_INPUT', [...at, key], `Unknown field "${key}"`));
    } else {
      errors.push(fieldError('INVALID_INPUT', at, issue.message));
    }
  }
  return undefined;
}

/** Length in Unicode code points, which is what people (and the platforms' limits) count. */
export function codePointLength(s: string): number {
  if (s.length === 0) return 0;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// C0 controls, DEL and C1 controls, plus unpaired surrogates, which cannot be encoded as
// UTF-8 and would come back from the database as U+FFFD (breaking round-trips).
const FORBIDDEN_CHAR = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_CHAR_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeChar(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface TextRule {
  /** How the field is named in messages, e.g. "Name". */
  label: string;
  max: number;
  /** Allow newlines and tabs (CRLF and CR become LF so the stored text has one line ending). */
  multiline?: boolean;
  code?: ErrorCode;
}

/**
 * Trims `raw` and records an error if it is too long or holds control characters. Returns the
 * trimmed text, possibly empty: whether empty is allowed is the caller's rule.
 */
export function checkText(raw: string, path: string[], errors: FieldError[], rule: TextRule): string {
  const code = rule.code ?? 'INVALID_INPUT';
  const text = rule.multiline ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim();
  const length = text.length <= rule.max ? text.length : codePointLength(text);
  if (length > rule.max) {
    errors.push(fieldError(code, path, `${rule.label} must be at most ${rule.max} characters (got ${length})`));
  }
  const bad = (rule.multiline ? FORBIDDEN_CHAR_MULTILINE : FORBIDDEN_CHAR).exec(text);
  if (bad) {
    const allowed = rule.multiline ? ' (only line breaks and tabs are allowed)' : '';
    errors.push(fieldError(code, path, `${rule.label} contains the control character ${describeChar(bad[0])}${allowed}; remove it`));
  }
  return text;
}

/** What is wrong with `text` as a public http(s) address, or null if nothing is. */
function httpUrlProblem(text: string): string | null {
  if (text.length > textLimits.urlMaxLength) return `must be at most ${textLimits.urlMaxLength} characters`;
  if (/[\s\u0000-\u001F\u007F-\u009F]/.test(text)) return 'must not contain spaces or control characters (encode spaces as %20)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute address starting with https:// or http://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (!url.hostname.includes('.')) return 'must have a public host name such as www.example.com';
  return null;
}

/** Checks an absolute public http(s) address. Returns the trimmed text unchanged otherwise. */
export function checkHttpUrl(raw: string, path: string[], errors: FieldError[], label: string): string {
  const text = raw.trim();
  const problem = httpUrlProblem(text);
  if (problem !== null) errors.push(fieldError('INVALID_INPUT', path, `${label} ${problem}`));
  return text;
}
