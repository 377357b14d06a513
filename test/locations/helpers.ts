import { expect } from 'vitest';
import type { FieldError, LocationData } from '../../src/locations/model.ts';
import { validateLocation } from '../../src/locations/validate.ts';
import { validInput } from './fixtures.ts';

/** The valid fixture with some top-level fields replaced (undefined deletes the field). */
export function withFields(patch: Record<string, unknown>): Record<string, unknown> {
  const input = { ...validInput(), ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete input[key];
  return input;
}

export function expectValid(patch: Record<string, unknown>): LocationData {
  const result = validateLocation(withFields(patch));
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

export function errorsOf(patch: Record<string, unknown>): FieldError[] {
  const result = validateLocation(withFields(patch));
  if (result.ok) throw new Error(`expected errors, got ok: ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** Asserts that the patched fixture fails with exactly this one error code and path (and no other error). */
export function expectOnlyError(patch: Record<string, unknown>, code: FieldError['code'], path: string[]): FieldError {
  const errors = errorsOf(patch);
  expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([{ code, path }]);
  const [error] = errors;
  if (!error) throw new Error('unreachable');
  expect(error.message.length).toBeGreaterThan(5);
  return error;
}
