import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { UserError } from '../api/client.ts';
import { STORE, UPDATE_LOCATION } from '../api/locationOps.ts';
import { canEditStores, LOCATION_STATUSES, type LocationDetail, type LocationStatus, type Organization } from '../api/types.ts';
import { useListingRefresh } from '../api/useListingRefresh.ts';
import { useQuery } from '../api/useQuery.ts';
import { LoadError, Loading, UserErrorList, thrownError } from '../components/Feedback.tsx';
import { HoursEditor } from '../components/HoursEditor.tsx';
import { Listings } from '../components/Listings.tsx';
import { SpecialHoursEditor } from '../components/SpecialHoursEditor.tsx';
import { FieldErrors } from '../components/TimeFields.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { errorsByPath, unplacedErrors } from '../lib/fieldErrors.ts';
import { hoursErrorKeys } from '../lib/hours.ts';
import { draftFromLocation, patchFor, usesStatusDate, type LocationDraft } from '../lib/locationDraft.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const TEXT_FIELDS = [
  { key: 'name', label: 'store.name', type: 'text', testId: 'location-name' },
  { key: 'primaryPhone', label: 'store.phone', type: 'tel', testId: 'location-phone' },
  { key: 'website', label: 'store.website', type: 'url', testId: 'location-website' },
] as const satisfies readonly { key: keyof LocationDraft; label: MessageKey; type: string; testId: string }[];

type Outcome = { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'conflict' } | null;

function Field({ id, label, children, errors }: { id: string; label: string; children: ReactNode; errors: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {errors}
    </div>
  );
}

function StoreForm({ location, org, onReload }: { location: LocationDetail; org: Organization; onReload(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [current, setCurrent] = useState(location);
  const [draft, setDraft] = useState(() => draftFromLocation(location));
  const [errors, setErrors] = useState<UserError[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), primaryPhone: useId(), website: useId(), description: useId(), status: useId(), statusDate: useId() };
  const editable = canEditStores(org.viewerRole);
  const patch = useMemo(() => patchFor(current, draft), [current, draft]);
  const dirty = Object.keys(patch).length > 0;
  const byPath = useMemo(() => errorsByPath(errors), [errors]);
  const placed = useMemo(
    () => new Set(['name', 'primaryPhone', 'website', 'description', 'status', 'statusDate', 'expectedVersion', ...hoursErrorKeys(draft.week, draft.special)]),
    [draft.week, draft.special],
  );

  // A reload that finds the same version (a listing confirmed, a platform's status moved) brings
  // the listings up to date without starting the form over.
  useEffect(() => {
    setCurrent((c) => (c.version === location.version ? { ...c, listings: location.listings } : c));
  }, [location]);

  // Listings read for an older version than the form now holds (a save landed meanwhile) would
  // show the platforms as having a store they do not have yet.
  useListingRefresh(current, (fresh) => setCurrent((c) => (fresh.version >= c.version ? { ...c, listings: fresh.listings } : c)));

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update = (change: Partial<LocationDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome((o) => (o?.kind === 'conflict' ? o : null));
  };

  const save = async () => {
    if (!dirty) return setOutcome({ kind: 'unchanged' });
    setSaving(true);
    setErrors([]);
    setOutcome(null);
    try {
      const { updateLocation } = await api(UPDATE_LOCATION, { input: { id: current.id, expectedVersion: current.version, patch } });
      if (updateLocation.errors.some((e) => e.code === 'VERSION_CONFLICT')) return setOutcome({ kind: 'conflict' });
      setErrors(updateLocation.errors);
      if (updateLocation.location) {
        setCurrent(updateLocation.location);
        setDraft(draftFromLocation(updateLocation.location));
        setOutcome({ kind: 'saved' });
      }
    } catch (err) {
      setErrors([thrownError(err)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="store-layout">
      <form
        className="store-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="location-form"
        data-version={current.version}
      >
        {!editable ? <p className="notice notice--info">{t('store.readOnly')}</p> : null}
        {outcome?.kind === 'conflict' ? (
          <div className="notice notice--error" role="alert" data-testid="conflict-message">
            <span>{t('store.conflict')}</span>
            <button type="button" className="button" onClick={onReload} data-testid="reload-location">
              {t('store.reload')}
            </button>
          </div>
        ) : null}
        <UserErrorList errors={unplacedErrors(errors, placed)} testId="form-errors" />
        <fieldset disabled={!editable || saving} className="plain">
          <section className="card">
            <h2>{t('store.details')}</h2>
            {TEXT_FIELDS.map((f) => (
              <Field key={f.key} id={ids[f.key]} label={t(f.label)} errors={<FieldErrors errors={byPath} at={[f.key]} />}>
                <input id={ids[f.key]} type={f.type} value={draft[f.key]} onChange={(e) => update({ [f.key]: e.target.value })} aria-invalid={byPath.has(f.key)} required={f.key === 'name'} data-testid={f.testId} />
              </Field>
            ))}
            <Field id={ids.description} label={t('store.description')} errors={<FieldErrors errors={byPath} at={['description']} />}>
              <textarea id={ids.description} rows={4} value={draft.description} onChange={(e) => update({ description: e.target.value })} aria-invalid={byPath.has('description')} data-testid="location-description" />
            </Field>
            <div className="field-row">
              <Field id={ids.status} label={t('store.status')} errors={<FieldErrors errors={byPath} at={['status']} />}>
                <select id={ids.status} value={draft.status} onChange={(e) => update({ status: e.target.value as LocationStatus })} data-testid="location-status">
                  {LOCATION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {usesStatusDate(draft.status) ? (
                <Field id={ids.statusDate} label={t('store.statusDate')} errors={<FieldErrors errors={byPath} at={['statusDate']} />}>
                  <input id={ids.statusDate} type="date" value={draft.statusDate} onChange={(e) => update({ statusDate: e.target.value })} aria-invalid={byPath.has('statusDate')} data-testid="location-status-date" />
                </Field>
              ) : null}
            </div>
          </section>
          <div className="card">
            <HoursEditor week={draft.week} errors={byPath} disabled={!editable || saving} onChange={(week) => update({ week })} />
          </div>
          <div className="card">
            <SpecialHoursEditor entries={draft.special} errors={byPath} disabled={!editable || saving} onChange={(special) => update({ special })} />
          </div>
        </fieldset>
        {editable ? (
          <div className="save-bar" data-dirty={dirty}>
            <span className="save-bar__status" role="status" aria-live="polite">
              {outcome?.kind === 'saved' ? <span data-testid="save-success">{t('store.saved')}</span> : null}
              {outcome?.kind === 'unchanged' ? <span data-testid="save-unchanged">{t('store.noChanges')}</span> : null}
              {dirty && !outcome ? <span data-testid="unsaved-changes">{t('store.unsaved')}</span> : null}
            </span>
            {dirty ? (
              <button type="button" className="button button--ghost" disabled={saving} onClick={() => update(draftFromLocation(current))} data-testid="discard-changes">
                {t('store.discard')}
              </button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={saving} data-testid="save-location">
              {saving ? t('app.saving') : t('store.save')}
            </button>
          </div>
        ) : null}
      </form>
      <aside className="store-side">
        <Listings listings={current.listings} canDecide={editable} dirty={dirty} onDecided={onReload} />
      </aside>
    </div>
  );
}

export function StoreDetail({ id, org }: { id: string; org: Organization }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(STORE, { id });
  const location = data?.location;
  return (
    <div className="page">
      <p>
        <Link to="/stores" data-testid="back-to-stores">
          ← {t('stores.back')}
        </Link>
      </p>
      {location ? (
        <div className="page__head">
          <h1 data-testid="store-title">{location.name}</h1>
          <span className="muted">{t('store.code', { code: location.storeCode })}</span>
        </div>
      ) : null}
      {loading && !location ? <Loading /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data && !location ? <p className="notice notice--error">{t('store.notFound')}</p> : null}
      {/* Keyed by version: a reload that finds a newer store starts the form over from it. */}
      {location ? <StoreForm key={`${location.id}:${location.version}`} location={location} org={org} onReload={reload} /> : null}
    </div>
  );
}
