/**
 * How platforms measure a reply, in one place for the server's checks and the dashboard's
 * counter (this module has no Node dependencies, so the browser bundle takes it as it is).
 */
const encoder = new TextEncoder();

// Emoji as shown: those drawn as emoji by default, flags, and symbols such as © or ❤ only when a
// variation selector asks for the emoji form (plain © and ™ are ordinary text).
const EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\p{Extended_Pictographic}\uFE0F/u;

/** UTF-8 bytes, as Google counts its 4,096. */
export function replyBytes(text: string): number {
  return encoder.encode(text).length;
}

/** Characters as a reader counts them (a flag or a family emoji is one), not UTF-16 units. */
export function replyChars(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n += 1;
  return n;
}

/** The first emoji in the text, or null. */
export function firstEmoji(text: string): string | null {
  return EMOJI.exec(text)?.[0] ?? null;
}
