import { ApiError, type UserError } from '../api/client.ts';
import { en } from '../i18n/en.ts';
import { useI18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const codeKey = (code: string): MessageKey | null => {
  const key = `code.${code}`;
  return key in en ? (key as MessageKey) : null;
};

/**
 * A payload error in the interface language: the server words them in English with the
 * specifics (which time, which field), so those follow as detail under the translated code.
 */
export function ErrorText({ error }: { error: UserError }) {
  const { t, lang } = useI18n();
  const key = codeKey(error.code);
  if (!key) return <>{error.message}</>;
  return (
    <>
      {t(key)}
      {lang !== 'en' || t(key) !== error.message ? <span className="error-detail"> {error.message}</span> : null}
    </>
  );
}

export function UserErrorList({ errors, testId }: { errors: UserError[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="errors" role="alert" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i} data-code={e.code}>
          <ErrorText error={e} />
        </li>
      ))}
    </ul>
  );
}

export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = error instanceof ApiError && error.kind === 'network' ? t('app.errorNetwork') : `${t('app.error')} ${error.message}`;
  return (
    <div className="notice notice--error" role="alert" data-testid="load-error">
      <span>{text}</span>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry} data-testid="load-retry">
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" data-testid="loading">
      {t('app.loading')}
    </p>
  );
}

/** The message of an error thrown while sending, as one payload-like error for the lists above. */
export function thrownError(err: unknown): UserError {
  return { code: err instanceof ApiError && err.kind === 'network' ? 'NETWORK' : 'ERROR', path: [], message: err instanceof Error ? err.message : String(err) };
}
