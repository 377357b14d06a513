import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../session.tsx';
import type { Operation } from './client.ts';

interface QueryState<TData> {
  data: TData | null;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/**
 * Reads `operation` whenever its variables change (null: not yet). Data is cleared when the
 * variables change, so one store's page never shows another's, but kept while reloading.
 */
export function useQuery<TData, TVars>(operation: Operation<TData, TVars>, variables: TVars | null): QueryState<TData> {
  const { api } = useSession();
  const key = variables === null ? null : JSON.stringify(variables);
  const [data, setData] = useState<TData | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) return;
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(null);
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api(operation, JSON.parse(key) as TVars, controller.signal)
      .then((result) => setData(result))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [api, operation, key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
