import { useEffect, useId, useState } from 'react';
import { STORES } from '../api/locationOps.ts';
import type { LocationSummary, Organization, PageInfo } from '../api/types.ts';
import { LoadError, Loading } from '../components/Feedback.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { Link } from '../router.tsx';
import { useSession, type Api } from '../session.tsx';

const PAGE_SIZE = 50;

interface StoresState {
  stores: LocationSummary[];
  pageInfo: PageInfo | null;
  loading: boolean;
  error: Error | null;
}

async function fetchStores(api: Api, org: string, search: string, after: string | null, signal?: AbortSignal) {
  const { node } = await api(STORES, { org, first: PAGE_SIZE, after, search: search || null }, signal);
  return { stores: node?.locations.edges.map((e) => e.node) ?? [], pageInfo: node?.locations.pageInfo ?? null };
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function Stores({ org }: { org: Organization }) {
  const { t } = useI18n();
  const { api, platformName } = useSession();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<StoresState>({ stores: [], pageInfo: null, loading: true, error: null });

  const fail = (error: unknown) => setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error : new Error(String(error)) }));

  useEffect(() => {
    const controller = new AbortController();
    setState({ stores: [], pageInfo: null, loading: true, error: null });
    fetchStores(api, org.id, query, null, controller.signal)
      .then((page) => setState({ ...page, loading: false, error: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) fail(error);
      });
    return () => controller.abort();
  }, [api, org.id, query, attempt]);

  const loadMore = () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    fetchStores(api, org.id, query, state.pageInfo?.endCursor ?? null)
      .then((page) => setState((s) => ({ stores: [...s.stores, ...page.stores], pageInfo: page.pageInfo, loading: false, error: null })))
      .catch(fail);
  };

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('stores.title')}</h1>
      </div>
      <div className="field">
        <label htmlFor={searchId}>{t('stores.search')}</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="store-search" />
      </div>
      {state.error ? <LoadError error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!state.loading && !state.error && state.stores.length === 0 ? (
        <p className="empty" data-testid="stores-empty">
          {t('stores.empty')}
        </p>
      ) : null}
      <ul className="store-list" data-testid="store-list">
        {state.stores.map((store) => (
          <li key={store.id} className="card store-row">
            <Link to={`/stores/${encodeURIComponent(store.id)}`} className="store-row__link" data-testid="store-link" data-store-id={store.id} data-store-code={store.storeCode}>
              <span className="store-row__name">{store.name}</span>
              <span className="muted small">
                {store.storeCode}
                {store.address.region || store.address.city ? ` · ${[store.address.region, store.address.city].filter(Boolean).join(' ')}` : ''}
              </span>
            </Link>
            <span className={`badge status status--${store.status.toLowerCase()}`}>{t(`status.${store.status}`)}</span>
            <span className="store-row__listings">
              {store.listings.map((l) => (
                <span key={l.platform} className={`badge listing-badge listing-badge--${l.status.toLowerCase()}`} title={t(`listingStatus.${l.status}`)}>
                  {platformName(l.platform)}: {t(`listingStatus.${l.status}`)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {state.loading ? <Loading /> : null}
      {state.pageInfo?.hasNextPage && !state.loading ? (
        <button type="button" className="button load-more" onClick={loadMore} data-testid="stores-load-more">
          {t('app.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
