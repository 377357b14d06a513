import { useState } from 'react';
import type { Operation, UserError } from '../api/client.ts';
import { REVIEW, type ReviewPayload } from '../api/reviewOps.ts';
import type { Review } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { formatDateTime } from '../lib/format.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { thrownError } from './Feedback.tsx';
import { ReplyEditor } from './ReplyEditor.tsx';
import { ReportBox } from './ReportBox.tsx';

/** Runs a review mutation; true when it worked. Errors land in the card's list. */
export type PerformReview = <TVars>(operation: Operation<Record<string, ReviewPayload>, TVars>, variables: TVars) => Promise<boolean>;

function Rating({ rating }: { rating: Review['rating'] }) {
  const { t } = useI18n();
  if (!rating) return <span className="rating rating--none" data-testid="review-rating">{t('review.noRating')}</span>;
  if (rating.kind === 'RECOMMENDATION') {
    return (
      <span className={`rating ${rating.recommends ? 'rating--yes' : 'rating--no'}`} data-testid="review-rating" data-recommends={String(rating.recommends)}>
        {rating.recommends ? `👍 ${t('review.recommends')}` : `👎 ${t('review.notRecommends')}`}
      </span>
    );
  }
  const stars = rating.stars ?? 0;
  return (
    <span className="rating stars" role="img" aria-label={t('review.stars', { n: stars })} data-testid="review-rating" data-stars={stars}>
      <span aria-hidden="true">{'★'.repeat(stars)}</span>
      <span aria-hidden="true" className="stars__off">
        {'★'.repeat(Math.max(0, 5 - stars))}
      </span>
    </span>
  );
}

function FraudBadge({ review }: { review: Review }) {
  const { t, lang } = useI18n();
  const fraud = review.fraud;
  if (!fraud || (fraud.verdict === 'OK' && !review.suspectedFake)) return null;
  const verdict = fraud.verdict === 'OK' ? 'REVIEW' : fraud.verdict;
  return (
    <details className={`fraud fraud--${verdict.toLowerCase()}`} data-testid="fraud-badge" data-verdict={fraud.verdict}>
      <summary>
        <span className="badge badge--danger">{t(`fraud.${verdict}`)}</span> <span className="muted">{t('fraud.score', { score: fraud.score })}</span>
      </summary>
      <p className="fraud__title">{t('fraud.reasons')}</p>
      <ul>
        {fraud.reasons.map((reason) => (
          <li key={reason.ruleId} data-testid="fraud-reason" data-rule={reason.ruleId}>
            {reason.message[lang]}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Media({ media }: { media: Review['media'] }) {
  const { t } = useI18n();
  if (media.length === 0) return null;
  return (
    <ul className="media" aria-label={t('review.media')} data-testid="review-media">
      {media.map((m, i) => (
        <li key={m.url}>
          <a href={m.url} target="_blank" rel="noopener noreferrer" data-testid="review-media-item" data-kind={m.kind}>
            {m.kind === 'PHOTO' ? (
              <img src={m.url} alt={t('review.photo', { n: i + 1 })} loading="lazy" referrerPolicy="no-referrer" width={72} height={72} />
            ) : (
              <span className="media__video">▶ {t('review.video', { n: i + 1 })}</span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ReviewCard({ review, isNew, onChange }: { review: Review; isNew: boolean; onChange(review: Review): void }) {
  const { t, lang } = useI18n();
  const { api, platformName } = useSession();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);

  const perform: PerformReview = async (operation, variables) => {
    setBusy(true);
    setErrors([]);
    try {
      const payload = Object.values(await api(operation, variables))[0];
      if (!payload) return false;
      if (payload.review) onChange(payload.review);
      setErrors(payload.errors);
      // The reply moved on (published, approved by someone else): show it as it is now.
      if (payload.errors.some((e) => e.code === 'INVALID_STATE')) {
        const fresh = await api(REVIEW, { id: review.id });
        if (fresh.node) onChange(fresh.node);
      }
      return payload.errors.length === 0;
    } catch (err) {
      setErrors([thrownError(err)]);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const author = review.author.anonymous || !review.author.name ? t('review.anonymous') : review.author.name;
  return (
    <article
      className={`card review${isNew ? ' review--new' : ''}${review.deletedAt ? ' review--deleted' : ''}`}
      data-testid="review-card"
      data-review-id={review.id}
      data-new={isNew ? 'true' : undefined}
      data-reply-state={review.reply?.state ?? 'NONE'}
      aria-busy={busy}
    >
      <header className="review__head">
        {review.author.photoUrl ? <img className="avatar" src={review.author.photoUrl} alt="" width={36} height={36} referrerPolicy="no-referrer" loading="lazy" /> : <span className="avatar avatar--blank" aria-hidden="true">{author.slice(0, 1)}</span>}
        <div className="review__who">
          <span className="review__author" data-testid="review-author">{author}</span>
          <span className="review__meta">
            <Link to={`/stores/${encodeURIComponent(review.location.id)}`} data-testid="review-store">
              {review.location.name}
            </Link>
            <span className="chip" data-testid="review-platform" data-platform={review.platform}>
              {platformName(review.platform)}
            </span>
            <time dateTime={review.createdAt} data-testid="review-date">
              {formatDateTime(review.createdAt, lang)}
            </time>
          </span>
        </div>
        {isNew ? <span className="badge badge--new" data-testid="review-new">{t('review.new')}</span> : null}
      </header>
      <div className="review__badges">
        <Rating rating={review.rating} />
        <FraudBadge review={review} />
        {review.deletedAt ? (
          <span className="badge badge--muted" data-testid="review-deleted">
            {t('review.deleted')}
          </span>
        ) : null}
      </div>
      <p className={`review__text${review.text ? '' : ' muted'}`} data-testid="review-text" lang={review.language ?? undefined}>
        {review.text || t('review.noText')}
      </p>
      <Media media={review.media} />
      <div className="review__links">
        {review.url ? (
          <a href={review.url} target="_blank" rel="noopener noreferrer" data-testid="review-link">
            {t('review.open')}
          </a>
        ) : null}
        <ReportBox review={review} busy={busy} perform={perform} />
      </div>
      <ReplyEditor review={review} busy={busy} perform={perform} errors={errors} />
    </article>
  );
}
