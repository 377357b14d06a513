import { franc } from 'franc-min';

/**
 * The language of a review whose platform does not say (Google's v4 API never does), so the
 * inbox can offer templates in the reviewer's language. franc answers ISO 639-3; the dashboard
 * and templates use BCP 47, whose primary subtags are ISO 639-1 where one exists.
 */
const ISO_639_1: Readonly<Record<string, string>> = {
  jpn: 'ja', eng: 'en', cmn: 'zh', kor: 'ko', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl',
  rus: 'ru', tha: 'th', vie: 'vi', ind: 'id', zlm: 'ms', tgl: 'tl', tur: 'tr', pol: 'pl', swe: 'sv', ukr: 'uk',
  arb: 'ar', hin: 'hi', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el', dan: 'da', fin: 'fi', nob: 'no', heb: 'he',
};

// Kana settles Japanese at once, however short: a two-word review is still "ja".
const KANA = /[\u3040-\u30ff\uff66-\uff9f]/u;
const HANGUL = /[\uac00-\ud7af]/u;
// franc needs some text to tell languages written in the same script apart.
const MIN_LENGTH = 20;

export function guessLanguage(text: string | null): string | null {
  if (!text) return null;
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  if (text.trim().length < MIN_LENGTH) return null;
  return ISO_639_1[franc(text, { minLength: MIN_LENGTH })] ?? null;
}

/** "ja-JP" and "ja" name the same language for choosing a template. */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}
