/**
 * A GraphQL subscription over SSE (graphql-sse, distinct connections mode, which graphql-yoga
 * serves on /graphql) that stays up: it reconnects with backoff after a drop and says when it
 * came back, because events sent while it was away are lost and the caller must catch up.
 */
import { createClient, NetworkError } from 'graphql-sse';
import { authHeaders, type Operation } from './client.ts';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveHandlers<TData> {
  next(data: TData): void;
  status(status: LiveStatus): void;
  /** Connected again after a drop: anything sent in between was missed. */
  reconnected(): void;
  unauthenticated(): void;
}

const MAX_DELAY_MS = 30_000;

function backoff(failures: number): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(failures, 5));
  return base / 2 + Math.random() * (base / 2);
}

function isUnauthenticated(err: unknown): boolean {
  return err instanceof NetworkError && err.response?.status === 401;
}

export function subscribeLive<TData, TVars>(
  operation: Operation<TData, TVars>,
  variables: TVars,
  token: string,
  handlers: LiveHandlers<TData>,
): () => void {
  // Retries are ours, not the library's: it cannot tell an expired session from a dropped line.
  const client = createClient({ url: '/graphql', headers: () => authHeaders(token), retryAttempts: 0 });
  let disposed = false;
  let failures = 0;
  let wasConnected = false;
  let connectedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;

  const retryLater = (status: LiveStatus) => {
    if (disposed) return;
    unsubscribe?.();
    // A connection that held for a while was healthy: start the backoff over.
    if (connectedAt > 0 && Date.now() - connectedAt > 60_000) failures = 0;
    connectedAt = 0;
    handlers.status(status);
    clearTimeout(timer);
    timer = setTimeout(connect, backoff(failures++));
  };

  function connect(): void {
    if (disposed) return;
    timer = undefined;
    handlers.status(wasConnected ? 'reconnecting' : 'connecting');
    unsubscribe = client.subscribe<TData>(
      { query: operation.source, variables: variables as Record<string, unknown> },
      {
        next(result) {
          if (result.errors?.some((e) => (e.extensions as { code?: string } | undefined)?.code === 'UNAUTHENTICATED')) {
            disposed = true;
            handlers.unauthenticated();
            return;
          }
          if (result.errors?.length) return retryLater('offline');
          if (result.data) {
            failures = 0;
            handlers.next(result.data);
          }
        },
        error(err) {
          if (isUnauthenticated(err)) {
            disposed = true;
            handlers.unauthenticated();
            return;
          }
          retryLater(err instanceof NetworkError ? 'reconnecting' : 'offline');
        },
        // The server ended the stream (a restart, a deploy): connect again.
        complete: () => retryLater('reconnecting'),
      },
      {
        connected() {
          connectedAt = Date.now();
          handlers.status('connected');
          if (wasConnected) handlers.reconnected();
          wasConnected = true;
        },
      },
    );
  }

  const onOnline = () => {
    if (disposed || timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    connect();
  };
  window.addEventListener('online', onOnline);
  connect();

  return () => {
    disposed = true;
    clearTimeout(timer);
    window.removeEventListener('online', onOnline);
    unsubscribe?.();
    client.dispose();
  };
}
