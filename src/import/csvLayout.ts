/**
 * The bulk-import CSV layout (docs/import-csv.md), read as a stream of records so that a large
 * file is never held whole. Only layout is checked here: each row becomes a raw location input
 * in the JSON shape of LocationData, and the validator judges its values.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { ErrorCode, FieldError } from '../locations/model.ts';
import { ADDRESS_LINE_COLUMNS, CsvLayoutError, SOCIAL_COLUMNS, layoutProblem, resolveHeader } from './csvColumns.ts';
import type { CsvColumn, HeaderCell } from './csvColumns.ts';
import {
  normalizeDate,
  parseAttributes,
  parseHours,
  parseList,
  parseNumber,
  parsePhotos,
  parseSpecialHours,
  quote,
} from './csvSyntax.ts';
import type { Parsed } from './csvSyntax.ts';

export { CSV_COLUMNS, CsvLayoutError } from './csvColumns.ts';
export { locationToCsvRow, writeLocationCsv } from './csvWrite.ts';
export type { WriteCsvOptions } from './csvWrite.ts';

/**
 * One data row. `input` has a key only for fields whose columns the file has, so an upsert can
 * leave the others alone; an empty cell in a present column is null or [].
 */
export type CsvRecord =
  | { line: number; storeCode: string | null; ok: true; input: Record<string, unknown>; groups: string[] }
  | { line: number; storeCode: string | null; ok: false; errors: FieldError[] };

export type CsvEncoding = 'utf-8' | 'shift_jis';

export interface ReadCsvOptions {
  /** Encoding without a byte order mark; a UTF-8 BOM always wins. Default utf-8. */
  encoding?: CsvEncoding;
}

/**
 * Yields one record per non-blank row after the header. Throws CsvLayoutError, before any record,
 * for header problems, and where the file stops being CSV (a quote left open, bytes that are not
 * text in the encoding); records before that point have already been yielded.
 */
export async function* readLocationCsv(
  source: NodeJS.ReadableStream | string,
  options: ReadCsvOptions = {},
): AsyncGenerator<CsvRecord> {
  const encoding = options.encoding ?? 'utf-8';
  // A parse error that destroyed the stream would also drop the records parsed ahead of it, so
  // the first one is noted with its position and raised once the records before it are out.
  let malformed = null as { error: CsvError; records: number } | null;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) malformed ??= { error, records: parser.info.records };
    },
  });
  // Any other stage's error destroys the parser with it, so the loop below sees every failure.
  pipeline(typeof source === 'string' ? createReadStream(source) : source, (chunks) => decode(chunks, encoding), parser, () => {});
  let header: HeaderCell[] | null = null;
  let nextLine = 1;
  let records = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (malformed && records >= malformed.records) break;
      records += 1;
      const line = nextLine;
      nextLine += linesSpanned(cells);
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (header === null) header = resolveHeader(cells, line);
      else yield readRow(cells, header, line);
    }
  } catch (error) {
    throw asLayoutError(error, nextLine, encoding);
  }
  if (malformed) throw asLayoutError(malformed.error, nextLine, encoding);
  if (header === null) throw new CsvLayoutError([layoutProblem('', 'the file has no header row')], nextLine);
}

async function* decode(chunks: AsyncIterable<Buffer | string>, encoding: CsvEncoding): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield chunk;
    } else if (decoder) {
      yield decoder.decode(chunk, { stream: true });
    } else {
      // The first three bytes decide between a UTF-8 BOM and the requested encoding.
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      decoder = textDecoder(head, encoding);
      yield decoder.decode(head, { stream: true });
    }
  }
  yield decoder ? decoder.decode() : textDecoder(head, encoding).decode(head);
}

const textDecoder = (head: Buffer, encoding: CsvEncoding): TextDecoder =>
  new TextDecoder(head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 'utf-8' : encoding, { fatal: true });

/**
 * Physical lines taken by a record, counted from its cells: a blank line is a record of its own
 * (skip_empty_lines is off), so line numbers stay exact; csv-parse's info.lines gives the end
 * line and counts a CRLF inside a quoted cell twice.
 */
function linesSpanned(cells: readonly string[]): number {
  const breaks = cells.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/gu)?.length ?? 0), 0);
  // In a file whose first line ends in LF, a later CRLF leaves its CR on the last cell.
  return 1 + breaks - (cells.at(-1)?.endsWith('\r') ? 1 : 0);
}

const CSV_SYNTAX: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text follows the closing quote of a cell (write a quote inside a quoted cell as "")',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted cell (quote the whole cell and write the quote as "")',
  CSV_MAX_RECORD_SIZE: 'a row is too long (a quote left open?)',
};

function asLayoutError(error: unknown, line: number, encoding: CsvEncoding): unknown {
  if (error instanceof CsvError) {
    const message = CSV_SYNTAX[error.code] ?? error.message;
    return new CsvLayoutError([layoutProblem('', `malformed CSV: ${message}`)], line);
  }
  if (error instanceof TypeError && 'code' in error && error.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    const hint = encoding === 'utf-8' ? '; files saved by Excel as "CSV" in Japan are Shift_JIS: read them with encoding shift_jis' : '';
    return new CsvLayoutError([layoutProblem('', `the file is not ${encoding} text${hint}`)]);
  }
  return error;
}

function readRow(cells: readonly string[], header: readonly HeaderCell[], line: number): CsvRecord {
  const values = new Map<string, string>();
  const localizedNames: { locale: string; name: string }[] = [];
  let hasLocalizedNames = false;
  const errors: FieldError[] = [];
  header.forEach((cell, index) => {
    const value = cells[index]?.trim() ?? '';
    if (cell === null) {
      if (value !== '') errors.push(layoutProblem('', `column ${index + 1} has no header but holds ${quote(value)}`));
    } else if (cell.locale !== null) {
      hasLocalizedNames = true;
      if (value !== '') localizedNames.push({ locale: cell.locale, name: value });
    } else {
      values.set(cell.column, value);
    }
  });
  const storeCode = values.get('store_code') || null;
  if (cells.length !== header.length) {
    const message = `the row has ${cells.length} cells but the header has ${header.length}`;
    return { line, storeCode, ok: false, errors: [layoutProblem('', message)] };
  }

  const has = (column: CsvColumn): boolean => values.has(column);
  const text = (column: CsvColumn): string | null | undefined => (has(column) ? values.get(column) || null : undefined);
  const list = (column: CsvColumn): string[] | undefined => (has(column) ? parseList(values.get(column) ?? '') : undefined);
  const syntax = <T>(column: CsvColumn, read: (cell: string) => Parsed<T>, empty: T, code: ErrorCode = 'INVALID_INPUT'): T | undefined => {
    const cell = values.get(column);
    if (cell === undefined) return undefined;
    if (cell === '') return empty;
    const parsed = read(cell);
    if (parsed.ok) return parsed.value;
    errors.push(...parsed.problems.map((message) => ({ code, path: [column], message })));
    return undefined;
  };

  const address = defined({
    country: text('country'),
    postalCode: text('postal_code'),
    region: text('region'),
    city: text('city'),
    district: text('district'),
    lines: ADDRESS_LINE_COLUMNS.some(has) ? ADDRESS_LINE_COLUMNS.flatMap((column) => values.get(column) || []) : undefined,
    building: text('building'),
  });
  const statusDate = text('status_date');
  const input = defined({
    storeCode: text('store_code'),
    name: text('name'),
    localizedNames: hasLocalizedNames ? localizedNames : undefined,
    status: text('status'),
    statusDate: statusDate && normalizeDate(statusDate),
    address,
    latitude: syntax('latitude', parseNumber, null),
    longitude: syntax('longitude', parseNumber, null),
    primaryPhone: text('phone'),
    additionalPhones: list('additional_phones'),
    website: text('website'),
    socialProfiles: SOCIAL_COLUMNS.some(([column]) => has(column))
      ? SOCIAL_COLUMNS.flatMap(([column, network]) => {
          const url = values.get(column);
          return url ? [{ network, url }] : [];
        })
      : undefined,
    primaryCategory: text('primary_category'),
    additionalCategories: list('additional_categories'),
    description: text('description'),
    labels: list('labels'),
    regularHours: syntax('hours', parseHours, [], 'INVALID_HOURS'),
    specialHours: syntax('special_hours', parseSpecialHours, [], 'INVALID_HOURS'),
    attributes: syntax('attributes', parseAttributes, []),
    photos: syntax('photos', parsePhotos, []),
  });
  if (errors.length > 0) return { line, storeCode, ok: false, errors };
  return { line, storeCode, ok: true, input, groups: list('groups') ?? [] };
}

/** Drops the keys of absent columns, which are undefined, from a record under construction. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
