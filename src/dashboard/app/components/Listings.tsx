import { useState } from 'react';
import type { UserError } from '../api/client.ts';
import { ACCEPT_SUGGESTED_EDIT, REJECT_SUGGESTED_EDIT } from '../api/locationOps.ts';
import type { Listing } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { formatValue } from '../lib/format.ts';
import { useSession } from '../session.tsx';
import { UserErrorList, thrownError } from './Feedback.tsx';
import { ManualTask } from './ManualTask.tsx';

const FIELD_LABELS = { name: 'store.name', primaryPhone: 'store.phone', website: 'store.website', description: 'store.description', status: 'store.status', regularHours: 'hours.regular', specialHours: 'hours.special' } as const;

function useFieldLabel(): (field: string) => string {
  const { t } = useI18n();
  return (field) => (field in FIELD_LABELS ? t(FIELD_LABELS[field as keyof typeof FIELD_LABELS]) : field);
}

interface Props {
  listings: Listing[];
  /** Deciding changes the store, so it waits until the form has no unsaved edits. */
  canDecide: boolean;
  dirty: boolean;
  onDecided(): void;
}

function ListingCard({ listing, canDecide, dirty, onDecided }: { listing: Listing } & Omit<Props, 'listings'>) {
  const { t } = useI18n();
  const { api, platformName } = useSession();
  const label = useFieldLabel();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const off = listing.fields.filter((f) => f.status !== 'MATCH');
  const p = listing.platform;

  const decide = async (accept: boolean, id: string) => {
    setBusy(true);
    setErrors([]);
    try {
      const payload = accept ? (await api(ACCEPT_SUGGESTED_EDIT, { id })).acceptSuggestedEdit : (await api(REJECT_SUGGESTED_EDIT, { id })).rejectSuggestedEdit;
      setErrors(payload.errors);
      if (payload.errors.length === 0) onDecided();
    } catch (err) {
      setErrors([thrownError(err)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card listing" data-testid={`listing-${p}`}>
      <header className="listing__head">
        <h3>{platformName(p)}</h3>
        <span className={`badge listing-badge listing-badge--${listing.status.toLowerCase()}`} data-testid={`listing-status-${p}`} data-status={listing.status}>
          {t(`listingStatus.${listing.status}`)}
        </span>
        {listing.publicUrl ? (
          <a href={listing.publicUrl} target="_blank" rel="noopener noreferrer" data-testid={`listing-link-${p}`}>
            {t('listings.view')}
          </a>
        ) : null}
      </header>
      {listing.statusReason ? (
        <p className="muted small" data-testid={`listing-reason-${p}`}>
          {listing.statusReason}
        </p>
      ) : null}
      <ManualTask listing={listing} canConfirm={canDecide} onConfirmed={onDecided} />
      {listing.lastError ? (
        <p className="notice notice--error" data-testid={`listing-error-${p}`}>
          {listing.lastError.message}
          {listing.lastError.platformMessage ? <span className="error-detail"> ({listing.lastError.platformMessage})</span> : null}
        </p>
      ) : null}
      {off.length === 0 ? (
        <p className="muted small">{t('listings.allMatch')}</p>
      ) : (
        <div>
          <h4>{t('listings.fields')}</h4>
          <ul className="tags" data-testid={`listing-fields-${p}`}>
            {off.map((f) => (
              <li key={f.field} className={`tag tag--${f.status.toLowerCase()}`} data-testid={`listing-field-${p}-${f.field}`} data-status={f.status}>
                {label(f.field)}: {t(`fieldStatus.${f.status}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {listing.problems.length > 0 ? (
        <div>
          <h4>{t('listings.problems')}</h4>
          <ul className="problems">
            {listing.problems.map((problem) => (
              <li key={`${problem.rule}:${problem.field ?? ''}`} data-testid="listing-problem" data-kind={problem.kind} data-rule={problem.rule}>
                {problem.field ? <strong>{label(problem.field)}: </strong> : null}
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {listing.suggestedEdits.length > 0 ? (
        <div>
          <h4>{t('listings.suggested')}</h4>
          {dirty ? <p className="muted small">{t('listings.saveFirst')}</p> : null}
          <ul className="suggested">
            {listing.suggestedEdits.map((edit) => (
              <li key={edit.id} className="suggested__item" data-testid="suggested-edit" data-edit-id={edit.id} data-field={edit.platformField}>
                <strong>{edit.fields.map(label).join(', ') || edit.platformField}</strong>
                <dl className="compare">
                  <dt>{t('listings.ours')}</dt>
                  <dd data-testid="suggested-edit-ours">{formatValue(edit.ourValue)}</dd>
                  <dt>{t('listings.theirs')}</dt>
                  <dd data-testid="suggested-edit-theirs">{formatValue(edit.platformValue)}</dd>
                </dl>
                {canDecide ? (
                  <div className="actions">
                    <button type="button" className="button button--small" disabled={busy || dirty} onClick={() => void decide(true, edit.id)} data-testid="suggested-edit-accept">
                      {t('listings.accept')}
                    </button>
                    <button type="button" className="button button--small" disabled={busy || dirty} onClick={() => void decide(false, edit.id)} data-testid="suggested-edit-reject">
                      {t('listings.reject')}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <UserErrorList errors={errors} testId={`listing-errors-${p}`} />
    </article>
  );
}

export function Listings({ listings, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="listings-title" data-testid="listings">
      <h2 id="listings-title">{t('listings.title')}</h2>
      {listings.length === 0 ? <p className="muted">{t('listings.none')}</p> : null}
      <div className="listing-grid">
        {listings.map((listing) => (
          <ListingCard key={listing.id} listing={listing} {...rest} />
        ))}
      </div>
    </section>
  );
}
