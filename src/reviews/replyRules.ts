import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';
import { fieldError, type FieldError } from '../locations/model.ts';
import { firstEmoji, replyBytes, replyChars } from './replyText.ts';

/**
 * A platform's rules for owner replies (manifest `reviews`), checked before a reply is queued so
 * the writer hears at once rather than from a failed send: Google takes 4,096 bytes of UTF-8,
 * Yelp 5,000 characters, no emoji, and 20 replies per location per day.
 */
export type ReplyRules = ConnectorManifest['reviews'];

export const REPLY_MIN_CHARS = 1;

export function checkReplyText(rules: ReplyRules, platformName: string, text: string, path: string[] = ['text']): FieldError[] {
  const errors: FieldError[] = [];
  if (text.trim().length < REPLY_MIN_CHARS) errors.push(fieldError('INVALID_INPUT', path, 'Write the reply first: it is empty.'));
  const bytes = replyBytes(text);
  if (rules.replyMaxBytes !== undefined && bytes > rules.replyMaxBytes) {
    errors.push(fieldError('REPLY_TOO_LONG', path, `${platformName} takes replies of up to ${rules.replyMaxBytes} bytes; this one is ${bytes} bytes (a Japanese character takes 3). Shorten it by ${bytes - rules.replyMaxBytes} bytes.`));
  }
  const chars = replyChars(text);
  if (rules.replyMaxChars !== undefined && chars > rules.replyMaxChars) {
    errors.push(fieldError('REPLY_TOO_LONG', path, `${platformName} takes replies of up to ${rules.replyMaxChars} characters; this one has ${chars}.`));
  }
  if (!rules.replyEmoji) {
    const emoji = firstEmoji(text);
    if (emoji) errors.push(fieldError('REPLY_EMOJI', path, `${platformName} does not take emoji in replies; remove "${emoji}".`));
  }
  return errors;
}

/** The per-listing daily cap, given how many replies went out for the store in the last 24 hours. */
export function checkDailyLimit(rules: ReplyRules, platformName: string, sentLastDay: number): FieldError[] {
  if (rules.repliesPerListingPerDay === undefined || sentLastDay < rules.repliesPerListingPerDay) return [];
  return [
    fieldError('REPLY_DAILY_LIMIT', [], `${platformName} takes at most ${rules.repliesPerListingPerDay} replies per store per day and this store has reached it; keep the reply as a draft and send it tomorrow.`),
  ];
}
