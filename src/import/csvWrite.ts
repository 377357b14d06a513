/**
 * Writing locations in the import layout, for exports, generated test files and benchmarks.
 * A written file reads back to the same data (docs/import-csv.md, "Round trip"); data the layout
 * cannot carry is refused with a CsvLayoutError rather than silently changed.
 */
import { once } from 'node:events';
import type { FieldError, LocationData } from '../locations/model.ts';
import {
  ADDRESS_LINE_COLUMNS,
  CSV_COLUMNS,
  CsvLayoutError,
  SOCIAL_COLUMNS,
  layoutProblem,
  localizedNameColumn,
} from './csvColumns.ts';
import type { CsvColumn } from './csvColumns.ts';
import { checkSeparators, formatAttributes, formatHours, formatPhotos, formatSpecialHours, quote } from './csvSyntax.ts';
import type { Parsed } from './csvSyntax.ts';

export interface WriteCsvOptions {
  /** Locales besides ja and en that get a name_<locale> column; a name in any other locale is refused. */
  locales?: readonly string[];
  /** Start with a UTF-8 byte order mark, without which Excel in Japan reads the file as Shift_JIS. Default true. */
  bom?: boolean;
}

/** The cells of one location, keyed by column; includes name_<locale> for every localized name. */
export function locationToCsvRow(data: LocationData, groups: string[]): Record<string, string> {
  const row: Record<string, string> = {};
  const problems: FieldError[] = [];
  const refuse = (column: string, messages: readonly string[]): void => {
    for (const message of messages) problems.push(layoutProblem(column, `store ${quote(data.storeCode)}: ${message}`));
  };
  const put = (column: CsvColumn, value: string | null): void => {
    row[column] = value ?? '';
  };
  const putList = (column: CsvColumn, items: readonly string[]): void => {
    items.forEach((item) => refuse(column, checkSeparators(item, '|', 'item')));
    row[column] = items.join('|');
  };
  const putNumber = (column: CsvColumn, value: number | null): void => {
    if (value !== null && !Number.isFinite(value)) refuse(column, [`${value} is not a finite number`]);
    row[column] = value === null ? '' : String(value);
  };
  const putFormatted = (column: CsvColumn, formatted: Parsed<string>): void => {
    if (formatted.ok) row[column] = formatted.value;
    else refuse(column, formatted.problems);
  };

  put('store_code', data.storeCode);
  put('name', data.name);
  put('name_ja', null);
  put('name_en', null);
  const locales = new Set<string>();
  for (const { locale, name } of data.localizedNames) {
    const column = localizedNameColumn(locale);
    if (locales.has(locale)) refuse(column, [`two names for locale ${quote(locale)}`]);
    locales.add(locale);
    row[column] = name;
  }
  put('status', data.status);
  put('status_date', data.statusDate);
  const { address } = data;
  put('country', address.country);
  put('postal_code', address.postalCode);
  put('region', address.region);
  put('city', address.city);
  put('district', address.district);
  if (address.lines.length > ADDRESS_LINE_COLUMNS.length) {
    refuse('address_line_5', [`${address.lines.length} address lines, at most ${ADDRESS_LINE_COLUMNS.length} fit`]);
  }
  ADDRESS_LINE_COLUMNS.forEach((column, index) => put(column, address.lines[index] ?? null));
  put('building', address.building);
  putNumber('latitude', data.latitude);
  putNumber('longitude', data.longitude);
  put('phone', data.primaryPhone);
  putList('additional_phones', data.additionalPhones);
  put('website', data.website);
  for (const [column, network] of SOCIAL_COLUMNS) {
    const profiles = data.socialProfiles.filter((profile) => profile.network === network);
    if (profiles.length > 1) refuse(column, [`${profiles.length} ${network} profiles, one fits`]);
    put(column, profiles[0]?.url ?? null);
  }
  put('primary_category', data.primaryCategory);
  putList('additional_categories', data.additionalCategories);
  put('description', data.description);
  putList('labels', data.labels);
  putList('groups', groups);
  putFormatted('hours', formatHours(data.regularHours));
  putFormatted('special_hours', formatSpecialHours(data.specialHours));
  putFormatted('attributes', formatAttributes(data.attributes));
  putFormatted('photos', formatPhotos(data.photos));
  if (problems.length > 0) throw new CsvLayoutError(problems);
  return row;
}

/** RFC 4180: a cell holding a comma, quote or line break is quoted, with its quotes doubled. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\r\n`;
}

/**
 * Streams a header and one line per location to `out`, waiting for it to drain. `out` is left
 * open so that callers can write to stdout or append; ending it is theirs to do.
 */
export async function writeLocationCsv(
  rows: Iterable<{ data: LocationData; groups: string[] }> | AsyncIterable<{ data: LocationData; groups: string[] }>,
  out: NodeJS.WritableStream,
  options: WriteCsvOptions = {},
): Promise<void> {
  const header: string[] = [...CSV_COLUMNS];
  const extraLocales = (options.locales ?? []).filter((locale) => locale !== 'ja' && locale !== 'en');
  header.splice(header.indexOf('name_en') + 1, 0, ...extraLocales.map(localizedNameColumn));
  const columns = new Set(header);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };

  await write(`${options.bom === false ? '' : '\uFEFF'}${csvLine(header)}`);
  for await (const { data, groups } of rows) {
    const row = locationToCsvRow(data, groups);
    const missing = Object.keys(row).filter((column) => !columns.has(column));
    if (missing.length > 0) {
      throw new CsvLayoutError(
        missing.map((column) =>
          layoutProblem(column, `store ${quote(data.storeCode)} has a ${quote(column)} but the header has no such column; list its locale in options.locales`),
        ),
      );
    }
    await write(csvLine(header.map((column) => row[column] ?? '')));
  }
}
