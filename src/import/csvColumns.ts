/** The columns of the CSV layout (docs/import-csv.md) and the header check. */
import type { FieldError, SocialNetwork } from '../locations/model.ts';
import { quote } from './csvSyntax.ts';

export const ADDRESS_LINE_COLUMNS = [
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
  'address_line_5',
] as const;

/** One column per network, in SOCIAL_NETWORKS order so a profile list reads back in the model's order. */
export const SOCIAL_COLUMNS = [
  ['facebook_url', 'FACEBOOK'],
  ['instagram_url', 'INSTAGRAM'],
  ['x_url', 'X'],
  ['line_url', 'LINE'],
  ['youtube_url', 'YOUTUBE'],
  ['tiktok_url', 'TIKTOK'],
  ['linkedin_url', 'LINKEDIN'],
  ['pinterest_url', 'PINTEREST'],
] as const satisfies readonly (readonly [string, SocialNetwork])[];

/** Canonical header order for exports; name_<locale> columns for other locales follow name_en. */
export const CSV_COLUMNS = [
  'store_code',
  'name',
  'name_ja',
  'name_en',
  'status',
  'status_date',
  'country',
  'postal_code',
  'region',
  'city',
  'district',
  ...ADDRESS_LINE_COLUMNS,
  'building',
  'latitude',
  'longitude',
  'phone',
  'additional_phones',
  'website',
  ...SOCIAL_COLUMNS.map(([column]) => column),
  'primary_category',
  'additional_categories',
  'description',
  'labels',
  'groups',
  'hours',
  'special_hours',
  'attributes',
  'photos',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const REQUIRED_COLUMNS = ['store_code', 'name', 'country', 'primary_category'] as const satisfies readonly CsvColumn[];

// A BCP 47 tag after "name_"; a longer first subtag (name_kana) is an unknown column, not a locale.
const LOCALIZED_NAME = /^name_([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/iu;

export const localizedNameColumn = (locale: string): string => `name_${locale}`;

/** A header cell: a layout column, or null for a nameless column (tolerated while its cells are empty). */
export type HeaderCell = { column: string; locale: string | null } | null;

/** A CSV that cannot be read as this layout at all, or data that cannot be written in it. */
export class CsvLayoutError extends Error {
  override readonly name = 'CsvLayoutError';
  readonly problems: FieldError[];
  /** Physical line where reading stopped; null when not about a place in a file. */
  readonly line: number | null;

  constructor(problems: FieldError[], line: number | null = null) {
    super(`${line === null ? '' : `line ${line}: `}${problems.map((problem) => problem.message).join('; ')}`);
    this.problems = problems;
    this.line = line;
  }
}

export const layoutProblem = (column: string, message: string): FieldError => ({
  code: 'INVALID_INPUT',
  path: column === '' ? [] : [column],
  message,
});

/** Column names match case-insensitively; a locale keeps the case it was written in (zh-Hant). */
export function resolveHeader(cells: readonly string[], line: number): HeaderCell[] {
  const fixed = new Set<string>(CSV_COLUMNS.filter((column) => !LOCALIZED_NAME.test(column)));
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const header = cells.map((cell): HeaderCell => {
    const text = cell.trim();
    const key = text.toLowerCase();
    const locale = LOCALIZED_NAME.exec(text)?.[1] ?? null;
    if (text === '') return null;
    if (locale === null && !fixed.has(key)) problems.push(layoutProblem(text, `unknown column ${quote(text)}`));
    else if (seen.has(key)) problems.push(layoutProblem(text, `column ${quote(text)} appears twice`));
    seen.add(key);
    return { column: locale === null ? key : text, locale };
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) problems.push(layoutProblem(column, `required column ${quote(column)} is missing`));
  }
  if (problems.length > 0) throw new CsvLayoutError(problems, line);
  return header;
}
