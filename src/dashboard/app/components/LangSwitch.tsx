import { useId } from 'react';
import { useI18n } from '../i18n/I18n.tsx';
import { isLang, LANG_NAMES, LANGS } from '../i18n/messages.ts';

export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  const id = useId();
  return (
    <span className="lang-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select
        id={id}
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) setLang(e.target.value);
        }}
        data-testid="lang-switch"
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
