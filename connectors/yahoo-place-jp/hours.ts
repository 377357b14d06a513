/**
 * Opening hours as the Japanese text Yahoo!プレイス shows for 営業時間 (a free-text field there,
 * like on most Japanese listing media): one line per group of days with the same hours,
 * "月 11:00〜15:00, 17:00〜翌2:00", past-midnight closes as 翌 (next day), a whole day as
 * 24時間営業, and the days without hours as "定休日 火・水". Special (dated) hours become lines of
 * their own for the 臨時営業・休業 field: "2026年12月31日〜2027年1月3日 休業". The text is made
 * deterministically, so equal hours are equal text; `regularHoursFromText` reads it back.
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseTime } from '../../src/locations/hours.ts';

const DAY = 24 * 60;
export const DAY_JA: Readonly<Record<Weekday, string>> = { MONDAY: '月', TUESDAY: '火', WEDNESDAY: '水', THURSDAY: '木', FRIDAY: '金', SATURDAY: '土', SUNDAY: '日' };
const WHOLE_DAY = '24時間営業';
const CLOSED = '定休日';

function clock(minutes: number): string {
  const next = minutes > DAY;
  const m = next ? minutes - DAY : minutes;
  return `${next ? '翌' : ''}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

function span(interval: TimeInterval): { open: number; close: number } | null {
  const open = parseTime(interval.open);
  const close = parseTime(interval.close);
  if (open === null || close === null || open === DAY) return null;
  const end = close === 0 ? DAY : close;
  return { open, close: end > open ? end : end + DAY };
}

export function intervalsText(intervals: readonly TimeInterval[]): string {
  const spans = intervals.map(span).filter((s): s is { open: number; close: number } => s !== null).sort((a, b) => a.open - b.open);
  if (spans.length === 1 && spans[0]?.open === 0 && spans[0].close === DAY) return WHOLE_DAY;
  return spans.map((s) => `${clock(s.open)}〜${clock(s.close)}`).join(', ');
}

export function businessHoursText(days: readonly DayHours[]): string | undefined {
  const byDay = new Map(days.map((d) => [d.day, intervalsText(d.intervals)] as const));
  const groups: { days: Weekday[]; text: string }[] = [];
  const closed: Weekday[] = [];
  for (const day of WEEKDAYS) {
    const text = byDay.get(day) ?? '';
    if (text === '') closed.push(day);
    else {
      const group = groups.find((g) => g.text === text);
      if (group) group.days.push(day);
      else groups.push({ days: [day], text });
    }
  }
  if (groups.length === 0) return undefined;
  const lines = groups.map((g) => `${g.days.map((d) => DAY_JA[d]).join('・')} ${g.text}`);
  if (closed.length > 0) lines.push(`${CLOSED} ${closed.map((d) => DAY_JA[d]).join('・')}`);
  return lines.join('\n');
}

export function dateJa(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function holidayHoursText(entries: readonly SpecialHours[]): string | undefined {
  const lines = [...entries]
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((e) => {
      const dates = e.endDate === e.startDate ? dateJa(e.startDate) : `${dateJa(e.startDate)}〜${dateJa(e.endDate)}`;
      return `${dates} ${e.closed ? '休業' : intervalsText(e.intervals)}`;
    });
  return lines.length > 0 ? lines.join('\n') : undefined;
}

// ---- reading our own text back (platform-side edits, accepted into Tenpo) -----------------------

const JA_DAY: ReadonlyMap<string, Weekday> = new Map(WEEKDAYS.map((d) => [DAY_JA[d], d]));

function parseClock(text: string): number | null {
  const m = /^(翌)?(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > DAY) return null;
  return m[1] ? minutes + DAY : minutes;
}

function parseIntervals(text: string): TimeInterval[] | null {
  if (text === WHOLE_DAY) return [{ open: '00:00', close: '24:00' }];
  const out: TimeInterval[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const [a = '', b = ''] = part.split('〜');
    const open = parseClock(a);
    const close = parseClock(b);
    if (open === null || close === null || open >= DAY || close <= open || close - open > DAY) return null;
    out.push({ open: formatTime(open), close: formatTime(close > DAY ? close - DAY : close) });
  }
  return out;
}

/** Tenpo's weekly hours for text in businessHoursText's form, or null for any other text. */
export function regularHoursFromText(text: string): DayHours[] | null {
  const byDay = new Map<Weekday, TimeInterval[]>();
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const space = line.indexOf(' ');
    if (space < 0) return null;
    const days = line.slice(0, space).split('・').map((d) => JA_DAY.get(d));
    const rest = line.slice(space + 1);
    if (days.some((d) => d === undefined)) {
      if (line.startsWith(`${CLOSED} `)) continue;
      return null;
    }
    const intervals = parseIntervals(rest);
    if (!intervals) return null;
    for (const d of days as Weekday[]) byDay.set(d, intervals);
  }
  return WEEKDAYS.filter((d) => byDay.has(d)).map((day) => ({ day, intervals: byDay.get(day) as TimeInterval[] }));
}

