import { useId, useState } from 'react';
import type { UserError } from '../api/client.ts';
import { thrownError, UserErrorList } from '../components/Feedback.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useSession } from '../session.tsx';

export function SignIn({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);

  const submit = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const found = await signIn(email.trim(), password);
      // Wrong email and wrong password are one answer on purpose; say it in the person's language.
      setErrors(found.map((e) => (e.code === 'FORBIDDEN' && e.path.length === 0 ? { ...e, code: 'SIGN_IN_FAILED' } : e)));
    } catch (err) {
      setErrors([thrownError(err)]);
    } finally {
      setBusy(false);
    }
  };

  const failed = errors.some((e) => e.code === 'SIGN_IN_FAILED');
  return (
    <main className="signin" id="main">
      <div className="signin__top">
        <LangSwitch />
      </div>
      <form
        className="card signin__card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="signin-form"
      >
        <p className="brand">{t('app.name')}</p>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.lead')}</p>
        {expired ? (
          <p className="notice notice--info" role="status" data-testid="session-expired">
            {t('app.sessionExpired')}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={emailId}>{t('signIn.email')}</label>
          <input id={emailId} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus data-testid="signin-email" />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t('signIn.password')}</label>
          <input id={passwordId} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="signin-password" />
        </div>
        {failed ? (
          <p className="errors" role="alert" data-testid="signin-error" data-code="FORBIDDEN">
            {t('signIn.failed')}
          </p>
        ) : (
          <UserErrorList errors={errors} testId="signin-error" />
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy || email.trim() === '' || password === ''} data-testid="signin-submit">
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
