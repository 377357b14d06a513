import type { TimeInterval } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { isTime, passesMidnight } from '../lib/hours.ts';
import type { ErrorsByPath } from '../lib/fieldErrors.ts';
import { ErrorText } from './Feedback.tsx';

export function FieldErrors({ errors, at, testId }: { errors: ErrorsByPath; at: string[]; testId?: string }) {
  const found = at.flatMap((key) => errors.get(key) ?? []);
  if (found.length === 0) return null;
  return (
    <ul className="field-errors" role="alert" data-testid={testId ?? `error-${at[0]}`}>
      {found.map((e, i) => (
        <li key={i} className="field-error" data-code={e.code}>
          <ErrorText error={e} />
        </li>
      ))}
    </ul>
  );
}

interface IntervalProps {
  interval: TimeInterval;
  /** Error path of the interval, e.g. "regularHours.0.intervals.1". */
  path: string;
  /** data-testid stem, e.g. "hours-monday": inputs are <stem>-open-<n> and <stem>-close-<n>. */
  testStem: string;
  index: number;
  label: string;
  errors: ErrorsByPath;
  disabled: boolean;
  onChange(interval: TimeInterval): void;
  onRemove(): void;
}

/** HH:MM as text: a time picker cannot say 24:00, which is how a day ending at midnight is written. */
export function IntervalFields({ interval, path, testStem, index, label, errors, disabled, onChange, onRemove }: IntervalProps) {
  const { t } = useI18n();
  const field = (which: 'open' | 'close') => {
    const invalid = errors.has(`${path}.${which}`) || (interval[which] !== '' && !isTime(interval[which]));
    return (
      <input
        className="time"
        value={interval[which]}
        onChange={(e) => onChange({ ...interval, [which]: e.target.value })}
        inputMode="numeric"
        placeholder={which === 'open' ? '09:00' : '18:00'}
        maxLength={5}
        autoComplete="off"
        aria-label={`${label} ${t(which === 'open' ? 'hours.opens' : 'hours.closes')} ${index + 1}`}
        aria-invalid={invalid}
        disabled={disabled}
        data-testid={`${testStem}-${which}-${index}`}
      />
    );
  };
  return (
    <div className="interval">
      <div className="interval__row">
        {field('open')}
        <span aria-hidden="true">–</span>
        {field('close')}
        {passesMidnight(interval) ? (
          <span className="badge badge--muted" data-testid={`${testStem}-overnight-${index}`}>
            {t('hours.nextDay')}
          </span>
        ) : null}
        <button type="button" className="button button--icon" onClick={onRemove} disabled={disabled} aria-label={`${t('hours.remove')} (${label} ${index + 1})`} data-testid={`${testStem}-remove-${index}`}>
          ×
        </button>
      </div>
      <FieldErrors errors={errors} at={[path, `${path}.open`, `${path}.close`]} />
    </div>
  );
}
