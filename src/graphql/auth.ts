import { GraphQLError } from 'graphql';
import type { Context } from './context.ts';

/** Everything but signIn and viewer needs a caller. */
export function requireCaller(ctx: Context): void {
  if (!ctx.access.isAuthenticated) {
    throw new GraphQLError('Sign in, or send an API key as "Authorization: Bearer <key>".', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}
