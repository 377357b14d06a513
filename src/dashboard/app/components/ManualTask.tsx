import { useState } from 'react';
import type { UserError } from '../api/client.ts';
import { CONFIRM_MANUAL_LISTING } from '../api/locationOps.ts';
import type { Listing } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useSession } from '../session.tsx';
import { UserErrorList, thrownError } from './Feedback.tsx';

/**
 * A platform with no automated route: the exact values to type into its site, the ones that
 * changed since the last confirmation marked, and a confirmation that quotes the values shown so
 * that a store edited meanwhile is not confirmed by mistake.
 */
export function ManualTask({ listing, canConfirm, onConfirmed }: { listing: Listing; canConfirm: boolean; onConfirmed(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const task = listing.manualTask;
  if (!task || listing.status === 'IN_SYNC') return null;

  const confirm = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const payload = (await api(CONFIRM_MANUAL_LISTING, { id: listing.id, valuesHash: task.valuesHash })).confirmManualListing;
      setErrors(payload.errors);
      if (payload.errors.length === 0) onConfirmed();
    } catch (err) {
      setErrors([thrownError(err)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={`manual-task-${listing.platform}`}>
      <h4>{t('manual.title')}</h4>
      <p className="small">
        {t('manual.instructions')}{' '}
        <a href={task.submitUrl} target="_blank" rel="noopener noreferrer">
          {task.submitUrl}
        </a>
      </p>
      <dl className="manual-values">
        {task.values.map((v) => (
          <div key={v.key} data-testid="manual-value" data-key={v.key} data-changed={v.changed}>
            <dt>
              {v.label}
              {v.changed && task.confirmedAt ? <span className="tag tag--mismatch"> {t('manual.changed')}</span> : null}
            </dt>
            <dd className="prewrap">{v.value}</dd>
          </div>
        ))}
      </dl>
      {canConfirm ? (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void confirm()} data-testid={`manual-confirm-${listing.platform}`}>
          {t('manual.confirm')}
        </button>
      ) : null}
      <UserErrorList errors={errors} testId={`manual-errors-${listing.platform}`} />
    </div>
  );
}
