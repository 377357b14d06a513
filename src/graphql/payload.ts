import type { ObjectRef } from '@pothos/core';
import type { ErrorCode, FieldError } from '../locations/model.ts';
import { builder } from './builder.ts';
import { UserErrorRef } from './errors.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type OutputRef<T> = ObjectRef<Types, T>;

export interface Payload<T> {
  value: T | null;
  errors: FieldError[];
}

/**
 * A mutation payload: the result under `field` when it worked, and the expected failures
 * (typed, with a field path) in `errors`. Every mutation answers in this one shape.
 */
export function payloadType<T>(name: string, field: string, ref: OutputRef<T>, description?: string) {
  return builder.objectRef<Payload<T>>(name).implement({
    fields: (t) => ({
      // Pothos cannot infer a field's shape through a generic ref; the ref's own type is T.
      [field]: t.field({ type: ref, nullable: true, description, resolve: (p) => p.value as never }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  });
}

export function toPayload<T>(result: { ok: true; value: T } | { ok: false; errors: FieldError[] }): Payload<T> {
  return result.ok ? { value: result.value, errors: [] } : { value: null, errors: result.errors };
}

/** An expected failure as a payload. */
export function failure(code: ErrorCode, path: string[], message: string): Payload<never> {
  return { value: null, errors: [{ code, path, message }] };
}
