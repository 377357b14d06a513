import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface ForwardPage {
  first: number;
  after: string | null;
}

/** Connections page forward only (first/after), and never more than MAX_PAGE_SIZE at a time. */
export function forwardPage(args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}): ForwardPage {
  if (args.last != null || args.before != null) {
    throw new GraphQLError('This connection pages forward only: use first and after.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return { first, after: args.after ?? null };
}

export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** A cursor this server did not make is a client error, never a 500. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string')) {
      return parts as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('Invalid cursor.', { extensions: { code: 'BAD_USER_INPUT' } });
}

export function connectionOf<T>(items: T[], first: number, cursorOf: (item: T) => string) {
  const page = items.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: items.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
