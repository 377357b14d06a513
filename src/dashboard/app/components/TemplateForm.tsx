import { useId, useRef, useState } from 'react';
import type { UserError } from '../api/client.ts';
import type { ReplyTemplate } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { isLang, LANG_NAMES, LANGS, type Lang } from '../i18n/messages.ts';
import { FieldErrors } from './TimeFields.tsx';
import { UserErrorList } from './Feedback.tsx';
import { errorsByPath, unplacedErrors } from '../lib/fieldErrors.ts';

const TEMPLATE_VARIABLES = ['reviewer', 'store', 'rating', 'platform', 'organization'] as const;

export interface TemplateFields {
  name: string;
  language: string;
  body: string;
  /** Empty: suggested for every rating. */
  ratings: number[];
}

interface Props {
  template: ReplyTemplate | null;
  defaultLanguage: Lang;
  busy: boolean;
  errors: UserError[];
  onSave(fields: TemplateFields): void;
  onCancel(): void;
}

export function TemplateForm({ template, defaultLanguage, busy, errors, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const ids = { name: useId(), language: useId(), body: useId() };
  const body = useRef<HTMLTextAreaElement>(null);
  const [fields, setFields] = useState<TemplateFields>(() =>
    template ? { name: template.name, language: template.language, body: template.body, ratings: template.ratings } : { name: '', language: defaultLanguage, body: '', ratings: [] },
  );
  const byPath = errorsByPath(errors);
  const set = (patch: Partial<TemplateFields>) => setFields((f) => ({ ...f, ...patch }));

  // At the cursor, as a person writing the text would expect, then back to typing.
  const insert = (variable: string) => {
    const token = `{{${variable}}}`;
    const area = body.current;
    const start = area?.selectionStart ?? fields.body.length;
    const end = area?.selectionEnd ?? fields.body.length;
    set({ body: fields.body.slice(0, start) + token + fields.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <form
      className="card template-form"
      data-testid="template-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...fields, name: fields.name.trim() });
      }}
    >
      <UserErrorList errors={unplacedErrors(errors, new Set(['name', 'language', 'body', 'ratings']))} testId="template-errors" />
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.name}>{t('templates.name')}</label>
          <input id={ids.name} value={fields.name} onChange={(e) => set({ name: e.target.value })} required maxLength={100} data-testid="template-name" />
          <FieldErrors errors={byPath} at={['name']} />
        </div>
        <div className="field">
          <label htmlFor={ids.language}>{t('templates.language')}</label>
          <select id={ids.language} value={fields.language} onChange={(e) => set({ language: e.target.value })} data-testid="template-language">
            {[...new Set<string>([...LANGS, fields.language])].map((l) => (
              <option key={l} value={l}>
                {isLang(l) ? LANG_NAMES[l] : l}
              </option>
            ))}
          </select>
          <FieldErrors errors={byPath} at={['language']} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.body}>{t('templates.body')}</label>
        <textarea id={ids.body} ref={body} rows={6} value={fields.body} onChange={(e) => set({ body: e.target.value })} required data-testid="template-body" />
        <FieldErrors errors={byPath} at={['body']} />
      </div>
      <div className="variables">
        <p className="muted small">{t('templates.variables')}</p>
        <ul className="variables__list">
          {TEMPLATE_VARIABLES.map((v) => (
            <li key={v}>
              <button type="button" className="button button--small button--ghost" onClick={() => insert(v)} aria-label={t('templates.insert', { variable: `{{${v}}}` })} data-testid={`template-var-${v}`}>
                <code>{`{{${v}}}`}</code>
              </button>{' '}
              <span className="muted small">{t(`var.${v}`)}</span>
            </li>
          ))}
        </ul>
      </div>
      <fieldset className="plain">
        <legend>{t('templates.ratings')}</legend>
        <div className="checks">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="check">
              <input
                type="checkbox"
                checked={fields.ratings.includes(n)}
                onChange={(e) => set({ ratings: e.target.checked ? [...fields.ratings, n].sort((a, b) => a - b) : fields.ratings.filter((r) => r !== n) })}
                data-testid={`template-rating-${n}`}
              />
              {n}★
            </label>
          ))}
          {fields.ratings.length === 0 ? <span className="muted small">({t('templates.allRatings')})</span> : null}
        </div>
        <FieldErrors errors={byPath} at={['ratings']} />
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || fields.name.trim() === '' || fields.body.trim() === ''} data-testid="template-save">
          {busy ? t('app.saving') : t('app.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="template-cancel">
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
