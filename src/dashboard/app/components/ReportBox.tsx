import { useId, useState } from 'react';
import { CONFIRM_REVIEW_REPORTED, REPORT_REVIEW } from '../api/reviewOps.ts';
import type { Review } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { formatDate } from '../lib/format.ts';
import type { PerformReview } from './ReviewCard.tsx';

/** Where the review stands as a report of a fake, and the next step. */
export function ReportBox({ review, busy, perform }: { review: Review; busy: boolean; perform: PerformReview }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const report = review.report;

  if (report.state === 'REPORTED') {
    return (
      <span className="badge badge--muted" data-testid="report-state" data-state={report.state}>
        {report.reportedAt ? t('report.reportedAt', { date: formatDate(report.reportedAt, lang) }) : t('report.REPORTED')}
      </span>
    );
  }
  if (report.state === 'TO_REPORT_MANUALLY') {
    return (
      <span className="report" data-testid="report-state" data-state={report.state}>
        <span className="badge badge--warn">{t('report.TO_REPORT_MANUALLY')}</span>
        {report.reportUrl ? (
          <a href={report.reportUrl} target="_blank" rel="noopener noreferrer" data-testid="report-link">
            {t('report.link')}
          </a>
        ) : null}
        <button type="button" className="button button--small" disabled={busy} onClick={() => void perform(CONFIRM_REVIEW_REPORTED, { reviewId: review.id })} data-testid="report-confirm">
          {t('report.confirm')}
        </button>
      </span>
    );
  }
  if (!review.canReport) return <span data-testid="report-state" data-state={report.state} hidden />;
  if (!open) {
    return (
      <span data-testid="report-state" data-state={report.state}>
        <button type="button" className="button button--link" onClick={() => setOpen(true)} data-testid="report-open">
          {t('report.open')}
        </button>
      </span>
    );
  }
  const submit = async () => {
    if (await perform(REPORT_REVIEW, { reviewId: review.id, reason: reason.trim() })) {
      setOpen(false);
      setReason('');
    }
  };
  return (
    <form
      className="report report--form"
      data-testid="report-state"
      data-state={report.state}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={reasonId}>{t('report.reason')}</label>
      <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} autoFocus data-testid="report-reason" />
      <button type="submit" className="button button--small button--danger" disabled={busy || reason.trim() === ''} data-testid="report-submit">
        {t('report.submit')}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={() => setOpen(false)} data-testid="report-cancel">
        {t('app.cancel')}
      </button>
    </form>
  );
}
