import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { subscribeLive, type LiveStatus } from '../api/live.ts';
import { INBOX_STORES, PULL_REVIEWS, REVIEW_EVENTS, REVIEWS } from '../api/reviewOps.ts';
import { isAdminRole, type Organization, type Review } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { LoadError, Loading, UserErrorList, thrownError } from '../components/Feedback.tsx';
import { InboxFilters } from '../components/InboxFilters.tsx';
import { ReviewCard } from '../components/ReviewCard.tsx';
import type { UserError } from '../api/client.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { filtersFromQuery, filtersToQuery, matchesFilters, toReviewFilter, type InboxFilters as Filters } from '../lib/filters.ts';
import { EMPTY_LIST, reviewListReducer, type Page } from '../lib/reviewList.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession, type Api } from '../session.tsx';

const PAGE_SIZE = 20;
const STORE_OPTIONS = 100;

async function fetchPage(api: Api, org: string, filters: Filters, after: string | null, signal?: AbortSignal): Promise<Page> {
  const { node } = await api(REVIEWS, { org, first: PAGE_SIZE, after, filter: toReviewFilter(filters) }, signal);
  const connection = node?.reviews;
  if (!connection) return { reviews: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
  return { reviews: connection.edges.map((e) => e.node), totalCount: connection.totalCount, pageInfo: connection.pageInfo };
}

function LiveBadge({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  return (
    <span className={`live live--${status}`} role="status" data-testid="live-status" data-status={status}>
      <span className="live__dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}

export function Inbox({ org }: { org: Organization }) {
  const { t } = useI18n();
  const { api, state: session, platformName } = useSession();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromQuery(search), [search]);
  const filterKey = filtersToQuery(filters);
  const [list, dispatch] = useReducer(reviewListReducer, EMPTY_LIST);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [pullMessage, setPullMessage] = useState<UserError[] | 'sent' | 'nothing' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const stores = useQuery(INBOX_STORES, { org: org.id, first: STORE_OPTIONS });
  const connectable = session.status === 'signedIn' ? session.platforms : [];
  const token = session.status === 'signedIn' ? session.token : null;

  // The subscription outlives filter changes; it reads the filters of the moment through this.
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'reset' });
    fetchPage(api, org.id, filtersFromQuery(filterKey), null, controller.signal)
      .then((page) => dispatch({ type: 'loaded', page, append: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => controller.abort();
  }, [api, org.id, filterKey, attempt]);

  useEffect(() => {
    if (!token) return;
    return subscribeLive(REVIEW_EVENTS, { org: org.id }, token, {
      next({ reviewEvents: { kind, review } }) {
        dispatch({ type: 'pushed', review, added: kind === 'REVIEW_ADDED', matches: matchesFilters(review, filtersRef.current) });
      },
      status: setLive,
      reconnected() {
        fetchPage(api, org.id, filtersRef.current, null)
          .then((page) => dispatch({ type: 'caughtUp', page }))
          .catch(() => undefined);
      },
      unauthenticated() {
        setLive('offline');
      },
    });
  }, [api, org.id, token]);

  const loadMore = async () => {
    if (!list.pageInfo?.endCursor) return;
    dispatch({ type: 'loadMore' });
    try {
      dispatch({ type: 'loaded', page: await fetchPage(api, org.id, filters, list.pageInfo.endCursor), append: true });
    } catch (error) {
      dispatch({ type: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };

  const pull = async () => {
    try {
      const { pullReviews } = await api(PULL_REVIEWS, { org: org.id });
      setPullMessage(pullReviews ? 'sent' : 'nothing');
    } catch (err) {
      setPullMessage([thrownError(err)]);
    }
  };

  // Platforms the deployment offers, and any others the listed reviews come from.
  const seen = new Set([...list.reviews.map((r) => r.platform), ...(filters.platform ? [filters.platform] : [])]);
  const platforms = [...connectable, ...[...seen].filter((id) => !connectable.some((p) => p.id === id)).map((id) => ({ id, name: platformName(id) }))];
  const onChange = useCallback((review: Review) => dispatch({ type: 'changed', review }), []);
  const setFilters = (next: Filters) => navigate(`/${filtersToQuery(next)}`, { replace: true });

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('inbox.title')}</h1>
        <LiveBadge status={live} />
        {isAdminRole(org.viewerRole) ? (
          <button type="button" className="button button--small" onClick={() => void pull()} data-testid="pull-reviews">
            {t('inbox.pull')}
          </button>
        ) : null}
      </div>
      {pullMessage === 'sent' || pullMessage === 'nothing' ? (
        <p className="notice notice--info" role="status" data-testid="pull-sent" data-pulled={pullMessage === 'sent'}>
          {t(pullMessage === 'sent' ? 'inbox.pulled' : 'inbox.pullNothing')}
        </p>
      ) : pullMessage ? (
        <UserErrorList errors={pullMessage} testId="pull-errors" />
      ) : null}
      <InboxFilters filters={filters} platforms={platforms} stores={stores.data?.node?.locations.edges.map((e) => e.node) ?? []} onChange={setFilters} />
      {list.loading ? <Loading /> : null}
      {list.error && list.reviews.length === 0 ? <LoadError error={list.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!list.loading && !list.error ? (
        <p className="muted" data-testid="review-count" aria-live="polite">
          {t('inbox.count', { count: list.totalCount })}
        </p>
      ) : null}
      {!list.loading && !list.error && list.reviews.length === 0 ? (
        <p className="empty" data-testid="inbox-empty">
          {t('inbox.empty')}
        </p>
      ) : null}
      <div className="review-list" data-testid="review-list">
        {list.reviews.map((review) => (
          <ReviewCard key={review.id} review={review} isNew={list.fresh.has(review.id)} onChange={onChange} />
        ))}
      </div>
      {list.error && list.reviews.length > 0 ? <LoadError error={list.error} onRetry={() => void loadMore()} /> : null}
      {list.pageInfo?.hasNextPage ? (
        <button type="button" className="button load-more" disabled={list.loadingMore} onClick={() => void loadMore()} data-testid="load-more">
          {list.loadingMore ? t('app.loading') : t('app.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
