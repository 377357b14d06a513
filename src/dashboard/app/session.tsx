import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, request, setUnauthenticatedHandler, type Operation, type UserError } from './api/client.ts';
import { PLATFORMS, SIGN_IN, SIGN_OUT, VIEWER } from './api/sessionOps.ts';
import type { Organization, Platform, User } from './api/types.ts';

const TOKEN_KEY = 'tenpo.token';
const ORG_KEY = 'tenpo.org';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; token: string; user: User; organizations: Organization[]; platforms: Platform[] };

export type Api = <TData, TVars>(operation: Operation<TData, TVars>, variables: TVars, signal?: AbortSignal) => Promise<TData>;

interface Session {
  state: State;
  /** The organisation being worked in; null when signed out or the user has none. */
  org: Organization | null;
  setOrg(id: string): void;
  signIn(email: string, password: string): Promise<UserError[]>;
  signOut(): Promise<void>;
  retry(): void;
  api: Api;
  platformName(id: string): string;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [state, setState] = useState<State>(() => (token ? { status: 'loading' } : { status: 'signedOut', expired: false }));
  const [orgId, setOrgId] = useState<string | null>(() => localStorage.getItem(ORG_KEY));
  const [attempt, setAttempt] = useState(0);

  const forget = useCallback((expired: boolean) => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setState({ status: 'signedOut', expired });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => forget(true));
    return () => setUnauthenticatedHandler(null);
  }, [forget]);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    Promise.all([request(VIEWER, {}, token, controller.signal), request(PLATFORMS, {}, token, controller.signal).catch(() => ({ platforms: [] }))])
      .then(([{ viewer }, { platforms }]) => {
        if (!viewer.user) return forget(true);
        setState({ status: 'signedIn', token, user: viewer.user, organizations: viewer.organizations, platforms });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted || (err instanceof ApiError && err.kind === 'unauthenticated')) return;
        setState({ status: 'failed', error: err instanceof ApiError ? err : new ApiError('network', String(err)) });
      });
    return () => controller.abort();
  }, [token, attempt, forget]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { signIn: payload } = await request(SIGN_IN, { email, password }, null);
    if (payload.session) {
      sessionStorage.setItem(TOKEN_KEY, payload.session.token);
      setToken(payload.session.token);
    }
    return payload.errors;
  }, []);

  const signOut = useCallback(async () => {
    // The session ends here even when the server cannot be told; it expires there on its own.
    if (token) await request(SIGN_OUT, {}, token).catch(() => undefined);
    forget(false);
  }, [token, forget]);

  const api = useCallback<Api>((operation, variables, signal) => request(operation, variables, token, signal), [token]);

  const value = useMemo<Session>(() => {
    const organizations = state.status === 'signedIn' ? state.organizations : [];
    const platforms = state.status === 'signedIn' ? state.platforms : [];
    return {
      state,
      org: organizations.find((o) => o.id === orgId) ?? organizations[0] ?? null,
      setOrg(id) {
        localStorage.setItem(ORG_KEY, id);
        setOrgId(id);
      },
      signIn,
      signOut,
      retry: () => setAttempt((n) => n + 1),
      api,
      // A platform this deployment cannot connect (any more) still has reviews: show its id readably.
      platformName: (id) => platforms.find((p) => p.id === id)?.name ?? id.charAt(0).toUpperCase() + id.slice(1),
    };
  }, [state, orgId, api, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
