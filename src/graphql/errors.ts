import { ERROR_CODES, type FieldError } from '../locations/model.ts';
import { builder } from './builder.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'What went wrong, in a form a client can branch on.',
  values: ERROR_CODES,
});

/** An expected failure of a mutation: returned in the payload, never thrown. */
export const UserErrorRef = builder.objectRef<FieldError>('UserError').implement({
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    path: t.exposeStringList('path', { description: 'Path of the offending input field; empty for the whole input.' }),
    message: t.exposeString('message'),
  }),
});
