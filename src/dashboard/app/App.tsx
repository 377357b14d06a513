import { lazy, Suspense, useId, type ReactNode } from 'react';
import { isAdminRole, type Organization } from './api/types.ts';
import { LangSwitch } from './components/LangSwitch.tsx';
import { LoadError, Loading } from './components/Feedback.tsx';
import { useI18n } from './i18n/I18n.tsx';
import type { MessageKey } from './i18n/messages.ts';
import { Inbox } from './pages/Inbox.tsx';
import { Settings } from './pages/Settings.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { StoreDetail } from './pages/StoreDetail.tsx';
import { Stores } from './pages/Stores.tsx';
import { Link, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// Charts are the heaviest code and the least visited screen: loaded when first opened.
const Insights = lazy(() => import('./pages/Insights.tsx').then((m) => ({ default: m.Insights })));

const NAV: { to: string; label: MessageKey; testId: string; admin?: boolean }[] = [
  { to: '/', label: 'nav.inbox', testId: 'nav-inbox' },
  { to: '/stores', label: 'nav.stores', testId: 'nav-stores' },
  { to: '/insights', label: 'nav.insights', testId: 'nav-insights' },
  { to: '/settings', label: 'nav.settings', testId: 'nav-settings', admin: true },
];

const section = (path: string): string => `/${path.split('/')[1] ?? ''}`;

function OrgSwitch() {
  const { t } = useI18n();
  const { state, org, setOrg } = useSession();
  const id = useId();
  const organizations = state.status === 'signedIn' ? state.organizations : [];
  if (!org) return null;
  if (organizations.length < 2) return <span className="org-name" data-testid="org-name">{org.name}</span>;
  return (
    <span className="org-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('app.organization')}
      </label>
      <select id={id} value={org.id} onChange={(e) => setOrg(e.target.value)} data-testid="org-switch">
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </span>
  );
}

function Shell({ children, org }: { children: ReactNode; org: Organization | null }) {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const { path } = useLocation();
  const user = state.status === 'signedIn' ? state.user : null;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label={t('app.name')}>
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.mainNav')} className="nav">
          {NAV.filter((n) => !n.admin || (org && isAdminRole(org.viewerRole))).map((n) => (
            <Link key={n.to} to={n.to} className="nav__link" aria-current={section(path) === n.to ? 'page' : undefined} data-testid={n.testId}>
              {t(n.label)}
            </Link>
          ))}
        </nav>
        <div className="topbar__tools">
          <OrgSwitch />
          <LangSwitch />
          {user ? (
            <span className="user" data-testid="user-name" title={user.email}>
              {user.name}
            </span>
          ) : null}
          <button type="button" className="button button--small button--ghost" onClick={() => void signOut()} data-testid="sign-out">
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function Screen({ org }: { org: Organization }) {
  const { path } = useLocation();
  const store = /^\/stores\/([^/]+)$/.exec(path);
  // Keyed by organisation: switching starts each screen over instead of mixing two organisations' data.
  if (store?.[1]) return <StoreDetail key={org.id} id={decodeURIComponent(store[1])} org={org} />;
  switch (section(path)) {
    case '/stores':
      return <Stores key={org.id} org={org} />;
    case '/insights':
      return (
        <Suspense fallback={<Loading />}>
          <Insights key={org.id} org={org} />
        </Suspense>
      );
    case '/settings':
      return <Settings key={org.id} org={org} />;
    default:
      return <Inbox key={org.id} org={org} />;
  }
}

export function App() {
  const { t } = useI18n();
  const { state, org, retry } = useSession();
  if (state.status === 'signedOut') return <SignIn expired={state.expired} />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    return (
      <main id="main" className="page">
        <LoadError error={state.error} onRetry={retry} />
      </main>
    );
  }
  return (
    <Shell org={org}>
      {org ? (
        <Screen org={org} />
      ) : (
        <p className="notice notice--info page" data-testid="no-organizations">
          {t('app.noOrganizations')}
        </p>
      )}
    </Shell>
  );
}
