import type { Lang } from '../i18n/messages.ts';

const locale = (lang: Lang): string => (lang === 'ja' ? 'ja-JP' : 'en-GB');

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A response time in the largest unit that keeps it readable: "45 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number, lang: Lang): string {
  const unit = (value: number, u: 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale(lang), { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (seconds < 3600) return unit(Math.max(1, Math.round(seconds / 60)), 'minute', 0);
  if (seconds < 86_400) return unit(seconds / 3600, 'hour', 1);
  return unit(seconds / 86_400, 'day', 1);
}

/** A suggested edit's value, which is any JSON, as one line a person can read. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
