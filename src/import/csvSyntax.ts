/**
 * The cell mini-syntaxes of the CSV layout (docs/import-csv.md), read and written. Reading only
 * recognises shape: whether a time, date, photo kind or attribute is allowed is the validator's call.
 */
import { WEEKDAYS } from '../locations/model.ts';
import type { Attribute, AttributeValue, DayHours, Photo, SpecialHours, TimeInterval } from '../locations/model.ts';

/** Problems are messages quoting the offending fragment; the caller adds the error code and column. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A photo as read: the kind is still the text of the cell, for the validator to judge. */
export type PhotoInput = Omit<Photo, 'kind'> & { kind: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problems: string[]): Parsed<T> => ({ ok: false, problems });
const result = <T>(value: T, problems: string[]): Parsed<T> => (problems.length > 0 ? fail(problems) : ok(value));

/** JSON quoting shows hidden whitespace and newlines in a fragment while leaving Japanese readable. */
export const quote = (text: string): string => JSON.stringify(text);

export function parseList(cell: string): string[] {
  return cell
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Text that reads back differently once split on the cell's separators cannot be written. */
export function checkSeparators(text: string, separators: string, what: string): string[] {
  const found = [...separators].filter((separator) => text.includes(separator));
  return found.length > 0 ? [`${what} ${quote(text)} contains ${found.map(quote).join(' and ')}`] : [];
}

// Line breaks separate entries too, since Excel users put one entry per line with Alt+Enter.
const entries = (cell: string): string[] =>
  cell
    .split(/[;；\r\n]/u)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

// Japanese spreadsheets are often typed with full-width digits, colons and tildes; NFKC folds
// those to ASCII without touching kanji day names. Messages still quote the entry as typed.
const fold = (entry: string): string => entry.normalize('NFKC');

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const JAPANESE_DAYS = ['月', '火', '水', '木', '金', '土', '日'] as const;
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun|[月火水木金土日])';
// 〜 (wave dash) is how ranges are written in Japanese; NFKC has already turned ～ into ~.
const DASH = '[-~〜]';
const DAY_ITEM = `${DAY}(?:\\s*${DASH}\\s*${DAY})?`;
const HOURS_ENTRY = new RegExp(`^(${DAY_ITEM}(?:\\s*,\\s*${DAY_ITEM})*)\\s*(.*)$`, 'iu');
const INTERVAL = new RegExp(`^(\\d{1,2}):(\\d{2})\\s*${DASH}\\s*(\\d{1,2}):(\\d{2})$`, 'u');

function dayIndex(name: string): number {
  const english = DAY_LABELS.findIndex((label) => label.toLowerCase() === name.toLowerCase());
  return english >= 0 ? english : JAPANESE_DAYS.findIndex((day) => day === name);
}

/** Day indexes (0 = Monday) of "Mon-Fri", "Mon,Wed" or "Fri-Mon" (a range may wrap past Sunday). */
function expandDays(list: string): number[] {
  return list.split(',').flatMap((item) => {
    const [from = -1, to = from] = item.split(new RegExp(DASH, 'u')).map((name) => dayIndex(name.trim()));
    const days = [from];
    for (let day = from; day !== to; day = (day + 1) % 7) days.push((day + 1) % 7);
    return days;
  });
}

const time = (hours: string, minutes: string): string => `${hours.padStart(2, '0')}:${minutes}`;

/** "closed", "24h" or "09:00-12:00,13:00-17:00"; closed is no intervals. */
function parseTimes(spec: string, entry: string): Parsed<TimeInterval[]> {
  const keyword = spec.toLowerCase();
  if (keyword === '') return fail([`${quote(entry)} has no hours: add closed, 24h or a range like 09:00-18:00`]);
  if (keyword === 'closed') return ok([]);
  if (keyword === '24h') return ok([{ open: '00:00', close: '24:00' }]);
  const intervals: TimeInterval[] = [];
  const problems: string[] = [];
  for (const part of spec.split(',').map((text) => text.trim())) {
    const [, openH, openM, closeH, closeM] = INTERVAL.exec(part) ?? [];
    if (openH && openM && closeH && closeM) intervals.push({ open: time(openH, openM), close: time(closeH, closeM) });
    else problems.push(`${quote(part)} in ${quote(entry)} is not a time range like 09:00-18:00`);
  }
  return result(intervals, problems);
}

function formatTimes(intervals: readonly TimeInterval[]): string {
  const [first] = intervals;
  if (!first) return 'closed';
  if (intervals.length === 1 && first.open === '00:00' && first.close === '24:00') return '24h';
  return intervals.map(({ open, close }) => `${open}-${close}`).join(',');
}

export function parseHours(cell: string): Parsed<DayHours[]> {
  const problems: string[] = [];
  const byDay = new Map<number, { entry: string; intervals: TimeInterval[] }>();
  for (const entry of entries(cell)) {
    const [, days, spec = ''] = HOURS_ENTRY.exec(fold(entry)) ?? [];
    if (!days) {
      problems.push(`cannot read ${quote(entry)}: expected days then hours, e.g. "Mon-Fri 09:00-18:00"`);
      continue;
    }
    const times = parseTimes(spec.trim(), entry);
    if (!times.ok) {
      problems.push(...times.problems);
      continue;
    }
    for (const day of expandDays(days)) {
      const earlier = byDay.get(day);
      if (earlier) problems.push(`${DAY_LABELS[day]} is given twice, in ${quote(earlier.entry)} and ${quote(entry)}`);
      else byDay.set(day, { entry, intervals: times.value });
    }
  }
  const hours = WEEKDAYS.flatMap((day, index) => {
    const intervals = byDay.get(index)?.intervals ?? [];
    return intervals.length > 0 ? [{ day, intervals }] : [];
  });
  return result(hours, problems);
}

/** Runs of consecutive days become ranges: [0,1,2,4] → "Mon-Wed,Fri". */
function formatDays(days: readonly number[]): string {
  const runs: { first: number; last: number }[] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run?.last === day - 1) run.last = day;
    else runs.push({ first: day, last: day });
  }
  const label = (day: number): string => DAY_LABELS[day] ?? '';
  return runs.map(({ first, last }) => (first === last ? label(first) : `${label(first)}-${label(last)}`)).join(',');
}

/** Every day is written, missing ones as closed, so a reader of the file sees nothing was forgotten. */
export function formatHours(hours: readonly DayHours[]): Parsed<string> {
  if (hours.length === 0) return ok('');
  const specs = new Map<number, string>();
  const problems: string[] = [];
  for (const { day, intervals } of hours) {
    const index = WEEKDAYS.indexOf(day);
    if (specs.has(index)) problems.push(`${day} is given twice`);
    specs.set(index, formatTimes(intervals));
  }
  const daysBySpec = new Map<string, number[]>();
  for (let index = 0; index < WEEKDAYS.length; index += 1) {
    const spec = specs.get(index) ?? 'closed';
    daysBySpec.set(spec, [...(daysBySpec.get(spec) ?? []), index]);
  }
  const text = [...daysBySpec].map(([spec, days]) => `${formatDays(days)} ${spec}`).join('; ');
  return result(text, problems);
}

const DATE = '\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}';
const SPECIAL_ENTRY = new RegExp(`^(${DATE})(?:\\s*(?:\\.\\.|~|〜)\\s*(${DATE}))?\\s*(.*)$`, 'u');
const DATE_PARTS = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/u;

/**
 * Excel in Japan rewrites a date cell as 2026/1/5 when it saves; give such dates back their ISO
 * form. Anything else is returned untouched for the validator to judge.
 */
export function normalizeDate(text: string): string {
  const [, year, month, day] = DATE_PARTS.exec(text.normalize('NFKC')) ?? [];
  return year && month && day ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : text;
}

export function parseSpecialHours(cell: string): Parsed<SpecialHours[]> {
  const problems: string[] = [];
  const special: SpecialHours[] = [];
  for (const entry of entries(cell)) {
    const [, start, end = start, spec = ''] = SPECIAL_ENTRY.exec(fold(entry)) ?? [];
    if (!start || !end) {
      problems.push(`cannot read ${quote(entry)}: expected a date or date..date then hours, e.g. "2026-12-31 closed"`);
      continue;
    }
    const times = parseTimes(spec.trim(), entry);
    if (!times.ok) problems.push(...times.problems);
    else {
      const [startDate, endDate] = [normalizeDate(start), normalizeDate(end)];
      special.push({ startDate, endDate, closed: times.value.length === 0, intervals: times.value });
    }
  }
  return result(special, problems);
}

export function formatSpecialHours(special: readonly SpecialHours[]): Parsed<string> {
  const problems: string[] = [];
  const text = special
    .map(({ startDate, endDate, closed, intervals }) => {
      if (closed !== (intervals.length === 0)) {
        problems.push(`special hours from ${startDate} must be closed without hours or open with hours`);
      }
      return `${endDate === startDate ? startDate : `${startDate}..${endDate}`} ${formatTimes(intervals)}`;
    })
    .join('; ');
  return result(text, problems);
}

function attributeValue(text: string): AttributeValue {
  const keyword = text.toLowerCase();
  if (keyword === 'true' || keyword === 'false') return keyword === 'true';
  return text.includes('|') ? parseList(text) : text;
}

export function parseAttributes(cell: string): Parsed<Attribute[]> {
  const problems: string[] = [];
  const attributes: Attribute[] = [];
  for (const entry of cell.split(';').map((text) => text.trim())) {
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    const key = equals > 0 ? entry.slice(0, equals).trim() : '';
    if (key === '') problems.push(`cannot read ${quote(entry)}: expected key=value`);
    else if (attributes.some((attribute) => attribute.key === key)) problems.push(`${quote(key)} is given twice`);
    else attributes.push({ key, value: attributeValue(entry.slice(equals + 1).trim()) });
  }
  return result(attributes, problems);
}

/** A list of one or no items keeps a trailing "|" (cash| or |) so that it reads back as a list. */
export function formatAttributes(attributes: readonly Attribute[]): Parsed<string> {
  const problems: string[] = [];
  const text = attributes
    .map(({ key, value }) => {
      problems.push(...checkSeparators(key, '=;', 'attribute key'));
      if (typeof value === 'boolean') return `${key}=${value}`;
      if (Array.isArray(value)) {
        value.forEach((item) => problems.push(...checkSeparators(item, '|;', `${key} item`)));
        return `${key}=${value.join('|')}${value.length < 2 ? '|' : ''}`;
      }
      problems.push(...checkSeparators(value, '|;', `${key} value`));
      if (typeof attributeValue(value) === 'boolean') problems.push(`${key} value ${quote(value)} would read back as a boolean`);
      return `${key}=${value}`;
    })
    .join('; ');
  return result(text, problems);
}

// KIND URL ["caption"]: the caption is quoted (with "" for a quote) so it may hold | and ;.
const PHOTO = '\\s*([^\\s|"]+)\\s+([^\\s|"]+)\\s*(?:"((?:[^"]|"")*)"\\s*)?(?:\\||$)';
const EMPTY_PHOTO = '\\s*\\|';

export function parsePhotos(cell: string): Parsed<PhotoInput[]> {
  const photo = new RegExp(PHOTO, 'uy');
  const empty = new RegExp(EMPTY_PHOTO, 'uy');
  const photos: PhotoInput[] = [];
  let position = 0;
  while (cell.slice(position).trim() !== '') {
    empty.lastIndex = position;
    if (empty.test(cell)) {
      position = empty.lastIndex;
      continue;
    }
    photo.lastIndex = position;
    const [, kind, url, caption] = photo.exec(cell) ?? [];
    if (!kind || !url) {
      const fragment = cell.slice(position).split('|')[0]?.trim() ?? '';
      return fail([`cannot read ${quote(fragment)}: expected KIND URL or KIND URL "caption"`]);
    }
    photos.push({ kind, url, caption: caption ? caption.replaceAll('""', '"') : null });
    position = photo.lastIndex;
  }
  return ok(photos);
}

export function formatPhotos(photos: readonly Photo[]): Parsed<string> {
  const problems: string[] = [];
  const text = photos
    .map(({ kind, url, caption }) => {
      problems.push(...checkSeparators(url, ' |"', 'photo URL'));
      return caption ? `${kind} ${url} "${caption.replaceAll('"', '""')}"` : `${kind} ${url}`;
    })
    .join(' | ');
  return result(text, problems);
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/iu;

export function parseNumber(cell: string): Parsed<number> {
  const text = cell.normalize('NFKC');
  return NUMBER.test(text) ? ok(Number(text)) : fail([`${quote(cell)} is not a number`]);
}
