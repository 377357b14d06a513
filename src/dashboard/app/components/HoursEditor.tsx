import { WEEKDAYS, type TimeInterval, type Weekday } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import type { ErrorsByPath } from '../lib/fieldErrors.ts';
import { DEFAULT_INTERVAL, type DayDraft, type WeekDraft } from '../lib/hours.ts';
import { FieldErrors, IntervalFields } from './TimeFields.tsx';

interface Props {
  week: WeekDraft;
  errors: ErrorsByPath;
  disabled: boolean;
  onChange(week: WeekDraft): void;
}

/** Weekly hours: each weekday closed, or open in one or more intervals (one may pass midnight). */
export function HoursEditor({ week, errors, disabled, onChange }: Props) {
  const { t } = useI18n();
  const setDay = (day: Weekday, next: DayDraft) => onChange({ ...week, [day]: next });
  const setInterval = (day: Weekday, index: number, interval: TimeInterval) =>
    setDay(day, { ...week[day], intervals: week[day].intervals.map((iv, i) => (i === index ? interval : iv)) });
  const copyMonday = () => {
    const monday = week.MONDAY;
    const copied = {} as WeekDraft;
    for (const day of WEEKDAYS) copied[day] = { closed: monday.closed, intervals: monday.intervals.map((i) => ({ ...i })) };
    onChange(copied);
  };

  return (
    <section className="hours" aria-labelledby="hours-title">
      <div className="section-head">
        <h2 id="hours-title">{t('hours.regular')}</h2>
        <button type="button" className="button button--small" onClick={copyMonday} disabled={disabled} data-testid="hours-copy-monday">
          {t('hours.copyMonday')}
        </button>
      </div>
      <p className="muted small">{t('hours.hint')}</p>
      {WEEKDAYS.map((day, i) => {
        const draft = week[day];
        const stem = `hours-${day.toLowerCase()}`;
        const label = t(`day.${day}`);
        return (
          <fieldset key={day} className="day" data-testid={stem} data-closed={draft.closed}>
            <legend className="day__name">{label}</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.closed}
                disabled={disabled}
                onChange={(e) =>
                  setDay(day, { closed: e.target.checked, intervals: !e.target.checked && draft.intervals.length === 0 ? [{ ...DEFAULT_INTERVAL }] : draft.intervals })
                }
                data-testid={`${stem}-closed`}
              />
              {t('hours.closed')}
            </label>
            {draft.closed ? null : (
              <div className="day__intervals">
                {draft.intervals.map((interval, j) => (
                  <IntervalFields
                    key={j}
                    interval={interval}
                    path={`regularHours.${i}.intervals.${j}`}
                    testStem={stem}
                    index={j}
                    label={label}
                    errors={errors}
                    disabled={disabled}
                    onChange={(next) => setInterval(day, j, next)}
                    onRemove={() => {
                      const intervals = draft.intervals.filter((_, k) => k !== j);
                      setDay(day, { closed: intervals.length === 0, intervals });
                    }}
                  />
                ))}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  disabled={disabled}
                  onClick={() => setDay(day, { closed: false, intervals: [...draft.intervals, { open: '', close: '' }] })}
                  data-testid={`${stem}-add`}
                >
                  + {t('hours.add')}
                </button>
              </div>
            )}
            <FieldErrors errors={errors} at={[`regularHours.${i}`, `regularHours.${i}.day`, `regularHours.${i}.intervals`]} testId={`${stem}-error`} />
          </fieldset>
        );
      })}
    </section>
  );
}
