import type { FieldError } from './model.ts';
import { MAX_GROUP_NAME } from './groups.ts';

export const MAX_GROUPS_PER_LOCATION = 20;

/** Group names given with a write; null or undefined means "leave the groups as they are". */
export function validateGroupNames(
  names: string[] | null | undefined,
): { ok: true; value: string[] | null } | { ok: false; errors: FieldError[] } {
  if (names == null) return { ok: true, value: null };
  const errors: FieldError[] = [];
  if (names.length > MAX_GROUPS_PER_LOCATION) {
    errors.push({ code: 'INVALID_INPUT', path: ['groups'], message: `At most ${MAX_GROUPS_PER_LOCATION} groups per location.` });
  }
  const trimmed = names.map((n) => n.trim());
  trimmed.forEach((name, i) => {
    if (name.length === 0 || name.length > MAX_GROUP_NAME) {
      errors.push({
        code: 'INVALID_INPUT',
        path: ['groups', String(i)],
        message: `A group name has 1 to ${MAX_GROUP_NAME} characters.`,
      });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: [...new Set(trimmed)].sort() };
}
