import { en, type MessageKey, type Messages } from './en.ts';
import { ja } from './ja.ts';

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const LANG_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

const MESSAGES: Record<Lang, Messages> = { ja, en };

export const isLang = (value: unknown): value is Lang => value === 'ja' || value === 'en';

/** The browser's first preference that we have, else English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = MESSAGES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
