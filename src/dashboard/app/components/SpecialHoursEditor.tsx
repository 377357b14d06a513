import type { TimeInterval } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import type { ErrorsByPath } from '../lib/fieldErrors.ts';
import { DEFAULT_INTERVAL, newSpecialDraft, type SpecialDraft } from '../lib/hours.ts';
import { FieldErrors, IntervalFields } from './TimeFields.tsx';

interface Props {
  entries: SpecialDraft[];
  errors: ErrorsByPath;
  disabled: boolean;
  onChange(entries: SpecialDraft[]): void;
}

/** Today in the browser's zone, as the date input writes dates. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Date ranges with their own hours, or closed: holidays, events, renovation. */
export function SpecialHoursEditor({ entries, errors, disabled, onChange }: Props) {
  const { t } = useI18n();
  const set = (index: number, next: SpecialDraft) => onChange(entries.map((e, i) => (i === index ? next : e)));
  const setInterval = (index: number, j: number, interval: TimeInterval) => {
    const entry = entries[index];
    if (entry) set(index, { ...entry, intervals: entry.intervals.map((iv, k) => (k === j ? interval : iv)) });
  };

  return (
    <section className="hours" aria-labelledby="special-title">
      <div className="section-head">
        <h2 id="special-title">{t('hours.special')}</h2>
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onChange([...entries, newSpecialDraft(today())])} data-testid="special-add">
          + {t('hours.addSpecial')}
        </button>
      </div>
      {entries.length === 0 ? <p className="muted small">{t('hours.noSpecial')}</p> : null}
      {entries.map((entry, i) => {
        const stem = `special-${i}`;
        const base = `specialHours.${i}`;
        const label = entry.startDate === entry.endDate || !entry.endDate ? entry.startDate : `${entry.startDate} – ${entry.endDate}`;
        return (
          <fieldset key={entry.key} className="day special" data-testid={stem}>
            <legend className="visually-hidden">{label}</legend>
            <div className="special__dates">
              <label className="field field--inline">
                <span>{t('hours.from')}</span>
                <input type="date" value={entry.startDate} disabled={disabled} required onChange={(e) => set(i, { ...entry, startDate: e.target.value })} aria-invalid={errors.has(`${base}.startDate`)} data-testid={`${stem}-start`} />
              </label>
              <label className="field field--inline">
                <span>{t('hours.to')}</span>
                <input type="date" value={entry.endDate} min={entry.startDate} disabled={disabled} onChange={(e) => set(i, { ...entry, endDate: e.target.value })} aria-invalid={errors.has(`${base}.endDate`)} data-testid={`${stem}-end`} />
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={entry.closed}
                  disabled={disabled}
                  onChange={(e) => set(i, { ...entry, closed: e.target.checked, intervals: !e.target.checked && entry.intervals.length === 0 ? [{ ...DEFAULT_INTERVAL }] : entry.intervals })}
                  data-testid={`${stem}-closed`}
                />
                {t('hours.closed')}
              </label>
              <button type="button" className="button button--small button--ghost" disabled={disabled} onClick={() => onChange(entries.filter((_, k) => k !== i))} data-testid={`${stem}-remove`}>
                {t('hours.removeSpecial')}
              </button>
            </div>
            {entry.closed ? null : (
              <div className="day__intervals">
                {entry.intervals.map((interval, j) => (
                  <IntervalFields
                    key={j}
                    interval={interval}
                    path={`${base}.intervals.${j}`}
                    testStem={stem}
                    index={j}
                    label={label}
                    errors={errors}
                    disabled={disabled}
                    onChange={(next) => setInterval(i, j, next)}
                    onRemove={() => set(i, { ...entry, intervals: entry.intervals.filter((_, k) => k !== j) })}
                  />
                ))}
                <button type="button" className="button button--small button--ghost" disabled={disabled} onClick={() => set(i, { ...entry, intervals: [...entry.intervals, { open: '', close: '' }] })} data-testid={`${stem}-add-interval`}>
                  + {t('hours.add')}
                </button>
              </div>
            )}
            <FieldErrors errors={errors} at={[base, `${base}.startDate`, `${base}.endDate`, `${base}.closed`, `${base}.intervals`]} testId={`${stem}-error`} />
          </fieldset>
        );
      })}
    </section>
  );
}
