import { firstEmoji, replyBytes, replyChars } from '../../../reviews/replyText.ts';
import type { ReplyLimits } from '../api/types.ts';

export interface ReplyMeasure {
  /** What the platform counts: UTF-8 bytes (Google) or characters, or nothing when it sets no limit. */
  unit: 'bytes' | 'chars' | null;
  used: number;
  max: number | null;
  tooLong: boolean;
  emojiRefused: boolean;
}

export function measureReply(text: string, limits: ReplyLimits): ReplyMeasure {
  const emojiRefused = !limits.emoji && firstEmoji(text) !== null;
  if (limits.maxBytes != null) {
    const used = replyBytes(text);
    return { unit: 'bytes', used, max: limits.maxBytes, tooLong: used > limits.maxBytes, emojiRefused };
  }
  if (limits.maxChars != null) {
    const used = replyChars(text);
    return { unit: 'chars', used, max: limits.maxChars, tooLong: used > limits.maxChars, emojiRefused };
  }
  return { unit: null, used: replyChars(text), max: null, tooLong: false, emojiRefused };
}
