import { useEffect, useId, useState } from 'react';
import type { UserError } from '../api/client.ts';
import { APPROVE_REVIEW_REPLY, DELETE_REVIEW_REPLY, EDIT_REVIEW_REPLY, REJECT_REVIEW_REPLY, REPLY_TO_REVIEW } from '../api/reviewOps.ts';
import type { Review, ReviewReply } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { formatDateTime } from '../lib/format.ts';
import { measureReply } from '../lib/replyLimits.ts';
import { UserErrorList } from './Feedback.tsx';
import type { PerformReview } from './ReviewCard.tsx';

const BUSY_STATES = new Set(['SENDING', 'DELETING']);

function ReplyCounter({ text, review }: { text: string; review: Review }) {
  const { t } = useI18n();
  const m = measureReply(text, review.replyLimits);
  const label =
    m.unit === 'bytes' ? t('reply.counterBytes', { used: m.used, max: m.max ?? 0 }) : m.unit === 'chars' ? t('reply.counterChars', { used: m.used, max: m.max ?? 0 }) : t('reply.counterFree', { used: m.used });
  return (
    <div className="reply__limits">
      <span className={`counter${m.tooLong ? ' counter--over' : ''}`} data-testid="reply-counter" data-used={m.used} data-max={m.max ?? undefined} data-unit={m.unit ?? 'chars'} aria-live="polite">
        {label}
      </span>
      {m.tooLong ? <span className="field-error" data-testid="reply-too-long">{t('reply.tooLong')}</span> : null}
      {m.emojiRefused ? <span className="field-error" data-testid="reply-emoji-warning">{t('reply.emoji')}</span> : null}
      {review.replyLimits.perDay != null ? <span className="muted">{t('reply.perDay', { n: review.replyLimits.perDay })}</span> : null}
    </div>
  );
}

function ReplyReasons({ reply }: { reply: ReviewReply }) {
  const { t, lang } = useI18n();
  return (
    <>
      {reply.approvalReason ? (
        <p className="notice notice--info" data-testid="reply-approval-reason">
          {t('reply.approvalReason', { reason: reply.approvalReason[lang] })}
        </p>
      ) : null}
      {reply.rejectionReason && reply.state === 'DRAFT' ? (
        <p className="notice notice--info" data-testid="reply-rejection-reason">
          {t('reply.rejectionReason', { reason: reply.rejectionReason })}
        </p>
      ) : null}
      {reply.failureReason ? (
        <p className="notice notice--error" data-testid="reply-failure-reason">
          {t('reply.failureReason', { reason: reply.failureReason })}
        </p>
      ) : null}
    </>
  );
}

function ReplyView({ reply }: { reply: ReviewReply }) {
  const { t, lang } = useI18n();
  const meta = [
    reply.author ? t('reply.by', { name: reply.author.name }) : t('reply.byPlatform'),
    reply.publishedAt ? t('reply.published', { date: formatDateTime(reply.publishedAt, lang) }) : t('reply.updated', { date: formatDateTime(reply.updatedAt, lang) }),
    reply.approvedBy ? t('reply.approvedBy', { name: reply.approvedBy.name }) : null,
  ].filter(Boolean);
  return (
    <div className="reply__view">
      <p className="reply__text" data-testid="reply-text">
        {reply.text}
      </p>
      <p className="muted small">{meta.join(' · ')}</p>
      <ReplyReasons reply={reply} />
    </div>
  );
}

interface Props {
  review: Review;
  busy: boolean;
  perform: PerformReview;
  errors: UserError[];
}

export function ReplyEditor({ review, busy, perform, errors }: Props) {
  const { t } = useI18n();
  const reply = review.reply;
  const saved = reply?.text ?? '';
  const [text, setText] = useState(saved);
  const [touched, setTouched] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [rejectReason, setRejectReason] = useState('');
  const inputId = useId();
  const templateId = useId();
  const rejectId = useId();

  // A reply changed elsewhere (live, or sent back by an admin) shows up unless the person is typing.
  useEffect(() => {
    if (!touched) setText(saved);
  }, [saved, touched]);

  const settled = reply === null || !BUSY_STATES.has(reply.state);
  const mayWrite = review.canReply && !review.deletedAt;
  const showEditor = mayWrite && settled && (editing || reply === null || reply.state === 'DRAFT');
  const measure = measureReply(text, review.replyLimits);
  const cannotSend = busy || text.trim() === '' || measure.tooLong || measure.emojiRefused;

  const write = async (draft: boolean) => {
    const operation = reply ? EDIT_REVIEW_REPLY : REPLY_TO_REVIEW;
    if (await perform(operation, { reviewId: review.id, text, draft })) {
      setTouched(false);
      setEditing(false);
    }
  };

  const state = reply?.state ?? 'NONE';
  return (
    <section className="reply" aria-label={t('reply.label')}>
      {reply ? (
        <div className="reply__state">
          <span className={`badge state state--${state.toLowerCase()}`} data-testid="reply-state" data-state={state}>
            {t(`state.${reply.state}`)}
          </span>
        </div>
      ) : null}
      {reply && !showEditor ? <ReplyView reply={reply} /> : null}
      {reply && showEditor ? <ReplyReasons reply={reply} /> : null}

      {showEditor ? (
        <form
          className="reply__form"
          onSubmit={(e) => {
            e.preventDefault();
            void write(false);
          }}
        >
          {review.suggestedReplies.length > 0 ? (
            <div className="field field--inline">
              <label htmlFor={templateId}>{t('reply.template')}</label>
              <select
                id={templateId}
                value=""
                onChange={(e) => {
                  const chosen = review.suggestedReplies.find((s) => s.template.id === e.target.value);
                  if (chosen) {
                    setText(chosen.text);
                    setTouched(true);
                  }
                }}
                data-testid="reply-template"
              >
                <option value="">{t('reply.chooseTemplate')}</option>
                {review.suggestedReplies.map((s) => (
                  <option key={s.template.id} value={s.template.id}>
                    {s.template.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <label htmlFor={inputId} className="visually-hidden">
            {t('reply.label')}
          </label>
          <textarea
            id={inputId}
            value={text}
            rows={4}
            onChange={(e) => {
              setText(e.target.value);
              setTouched(true);
            }}
            aria-invalid={measure.tooLong || measure.emojiRefused}
            placeholder={t('reply.label')}
            data-testid="reply-input"
          />
          <ReplyCounter text={text} review={review} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={cannotSend} data-testid="reply-send">
              {t('reply.send')}
            </button>
            <button type="button" className="button" disabled={busy || text.trim() === ''} onClick={() => void write(true)} data-testid="reply-draft">
              {t('reply.draft')}
            </button>
            {editing ? (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  setEditing(false);
                  setTouched(false);
                }}
                data-testid="reply-cancel"
              >
                {t('app.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}

      {reply && settled ? (
        <div className="actions">
          {mayWrite && !showEditor ? (
            <button type="button" className="button" disabled={busy} onClick={() => setEditing(true)} data-testid="reply-edit">
              {t('reply.edit')}
            </button>
          ) : null}
          {review.viewerCanApprove && reply.state === 'PENDING_APPROVAL' && !rejecting ? (
            <>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void perform(APPROVE_REVIEW_REPLY, { reviewId: review.id })} data-testid="reply-approve">
                {t('reply.approve')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setRejecting(true)} data-testid="reply-reject">
                {t('reply.reject')}
              </button>
            </>
          ) : null}
          {(mayWrite || review.viewerCanApprove) && !confirmDelete ? (
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => setConfirmDelete(true)} data-testid="reply-delete">
              {t('reply.delete')}
            </button>
          ) : null}
        </div>
      ) : null}

      {confirmDelete && reply ? (
        <div className="confirm" role="group" aria-label={t('reply.deleteConfirm')}>
          <span>{t('reply.deleteConfirm')}</span>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={async () => {
              if (await perform(DELETE_REVIEW_REPLY, { reviewId: review.id })) setConfirmDelete(false);
            }}
            data-testid="reply-delete-confirm"
          >
            {t('app.delete')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setConfirmDelete(false)} data-testid="reply-delete-cancel">
            {t('app.cancel')}
          </button>
        </div>
      ) : null}

      {rejecting && reply ? (
        <form
          className="confirm"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await perform(REJECT_REVIEW_REPLY, { reviewId: review.id, reason: rejectReason.trim() })) {
              setRejecting(false);
              setRejectReason('');
            }
          }}
        >
          <label htmlFor={rejectId}>{t('reply.rejectReason')}</label>
          <input id={rejectId} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} required maxLength={500} autoFocus data-testid="reply-reject-reason" />
          <button type="submit" className="button button--danger" disabled={busy || rejectReason.trim() === ''} data-testid="reply-reject-confirm">
            {t('reply.rejectConfirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setRejecting(false)} data-testid="reply-reject-cancel">
            {t('app.cancel')}
          </button>
        </form>
      ) : null}

      {!mayWrite && !reply ? (
        <p className="muted small" data-testid="reply-unavailable">
          {t('reply.unavailable')}
        </p>
      ) : null}
      <UserErrorList errors={errors} testId="reply-errors" />
    </section>
  );
}
