/** The one way the dashboard talks to the server: POST /graphql, with the session token. */

/** A GraphQL document that carries the shape of its result and variables. */
export interface Operation<TData, TVars> {
  readonly source: string;
  /** Never set: it only lets TypeScript infer the types at call sites. */
  readonly types?: (vars: TVars) => TData;
}

type NoVars = Record<string, never>;

export function op<TData, TVars = NoVars>(source: string): Operation<TData, TVars> {
  return { source };
}

/** An expected failure of a mutation, as every payload reports them. */
export interface UserError {
  code: string;
  path: string[];
  message: string;
}

export const USER_ERROR_FIELDS = 'errors { code path message }';

export type ApiErrorKind = 'network' | 'unauthenticated' | 'graphql';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let onUnauthenticated: (() => void) | null = null;

/** Called when the server refuses the token (expired or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function request<TData, TVars>(
  operation: Operation<TData, TVars>,
  variables: TVars,
  token: string | null,
  signal?: AbortSignal,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authHeaders(token),
      },
      body: JSON.stringify({ query: operation.source, variables }),
      signal: signal ?? null,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('network', err instanceof Error ? err.message : String(err));
  }
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new ApiError('network', `HTTP ${response.status}`);
  }
  const errors = body.errors ?? [];
  if (response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    if (token) onUnauthenticated?.();
    throw new ApiError('unauthenticated', errors[0]?.message ?? 'Unauthenticated');
  }
  // A partial answer would show a screen with holes in it; the whole request counts as failed.
  if (errors.length > 0 || body.data == null) {
    throw new ApiError('graphql', errors.map((e) => e.message).join('\n') || `HTTP ${response.status}`);
  }
  return body.data;
}
