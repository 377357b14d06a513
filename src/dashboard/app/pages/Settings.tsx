import { useId, useState } from 'react';
import type { UserError } from '../api/client.ts';
import { CREATE_REPLY_TEMPLATE, DELETE_REPLY_TEMPLATE, REVIEW_SETTINGS, UPDATE_REPLY_TEMPLATE, UPDATE_REVIEW_SETTINGS } from '../api/adminOps.ts';
import { isAdminRole, ROLES, type Organization, type ReplyTemplate, type ReviewSettings, type Role } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { LoadError, Loading, UserErrorList, thrownError } from '../components/Feedback.tsx';
import { TemplateForm, type TemplateFields } from '../components/TemplateForm.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { isLang, LANG_NAMES } from '../i18n/messages.ts';
import { useSession } from '../session.tsx';

/** Runs a mutation whose payload is read only for its errors; true when there were none. */
function useErrorsOnly() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const run = async (send: () => Promise<{ errors: UserError[] }>): Promise<boolean> => {
    setBusy(true);
    setErrors([]);
    try {
      const { errors: found } = await send();
      setErrors(found);
      return found.length === 0;
    } catch (err) {
      setErrors([thrownError(err)]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run, clear: () => setErrors([]) };
}

function Templates({ org, templates, onChanged }: { org: Organization; templates: ReplyTemplate[]; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const mutation = useErrorsOnly();

  const save = async (fields: TemplateFields) => {
    const ok = await mutation.run(async () =>
      editing === 'new' || editing === null
        ? (await api(CREATE_REPLY_TEMPLATE, { org: org.id, ...fields })).createReplyTemplate
        : (await api(UPDATE_REPLY_TEMPLATE, { id: editing.id, ...fields })).updateReplyTemplate,
    );
    if (ok) {
      setEditing(null);
      onChanged();
    }
  };
  const remove = async (id: string) => {
    if (await mutation.run(async () => (await api(DELETE_REPLY_TEMPLATE, { id })).deleteReplyTemplate)) {
      setDeleting(null);
      onChanged();
    }
  };
  const open = (target: ReplyTemplate | 'new' | null) => {
    mutation.clear();
    setEditing(target);
  };

  return (
    <section aria-labelledby="templates-title">
      <div className="section-head">
        <h2 id="templates-title">{t('templates.title')}</h2>
        {editing === null ? (
          <button type="button" className="button button--primary" onClick={() => open('new')} data-testid="template-new">
            + {t('templates.new')}
          </button>
        ) : null}
      </div>
      {editing !== null ? (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          defaultLanguage={lang}
          busy={mutation.busy}
          errors={mutation.errors}
          onSave={(fields) => void save(fields)}
          onCancel={() => open(null)}
        />
      ) : (
        <UserErrorList errors={mutation.errors} testId="template-list-errors" />
      )}
      {templates.length === 0 ? <p className="muted">{t('templates.empty')}</p> : null}
      <ul className="template-list">
        {templates.map((template) => (
          <li key={template.id} className="card template" data-testid="template-row" data-template-id={template.id}>
            <div className="template__head">
              <strong data-testid="template-row-name">{template.name}</strong>
              <span className="chip">{isLang(template.language) ? LANG_NAMES[template.language] : template.language}</span>
              <span className="muted small">{template.ratings.length === 0 ? t('templates.allRatings') : template.ratings.map((r) => `${r}★`).join(' ')}</span>
            </div>
            <p className="template__body">{template.body}</p>
            {deleting === template.id ? (
              <div className="confirm" role="group" aria-label={t('templates.deleteConfirm')}>
                <span>{t('templates.deleteConfirm')}</span>
                <button type="button" className="button button--danger" disabled={mutation.busy} onClick={() => void remove(template.id)} data-testid="template-delete-confirm">
                  {t('app.delete')}
                </button>
                <button type="button" className="button button--ghost" onClick={() => setDeleting(null)} data-testid="template-delete-cancel">
                  {t('app.cancel')}
                </button>
              </div>
            ) : (
              <div className="actions">
                <button type="button" className="button button--small" onClick={() => open(template)} data-testid="template-edit">
                  {t('app.edit')}
                </button>
                <button type="button" className="button button--small button--ghost" onClick={() => setDeleting(template.id)} data-testid="template-delete">
                  {t('app.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Approval({ org, settings }: { org: Organization; settings: ReviewSettings }) {
  const { t } = useI18n();
  const { api } = useSession();
  const maxRatingId = useId();
  const [maxRating, setMaxRating] = useState<number | null>(settings.approvalMaxRating);
  const [roles, setRoles] = useState<Role[]>(settings.approvalRoles);
  const [saved, setSaved] = useState(false);
  const mutation = useErrorsOnly();

  const save = async () => {
    setSaved(false);
    const ok = await mutation.run(async () => (await api(UPDATE_REVIEW_SETTINGS, { org: org.id, approvalMaxRating: maxRating, approvalRoles: roles })).updateReviewSettings);
    setSaved(ok);
  };

  return (
    <section className="card" aria-labelledby="approval-title">
      <h2 id="approval-title">{t('approval.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={maxRatingId}>{t('approval.maxRating')}</label>
          <select id={maxRatingId} value={maxRating ?? ''} onChange={(e) => setMaxRating(e.target.value === '' ? null : Number(e.target.value))} data-testid="approval-max-rating">
            <option value="">{t('approval.none')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {t('approval.stars', { n })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="plain" disabled={maxRating === null}>
          <legend>{t('approval.roles')}</legend>
          <div className="checks">
            {ROLES.filter((r) => r !== 'OWNER').map((role) => (
              <label key={role} className="check">
                <input type="checkbox" checked={roles.includes(role)} onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} data-testid={`approval-role-${role}`} />
                {t(`role.${role}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <UserErrorList errors={mutation.errors} testId="approval-errors" />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={mutation.busy} data-testid="approval-save">
            {mutation.busy ? t('app.saving') : t('app.save')}
          </button>
          {saved ? (
            <span role="status" data-testid="approval-saved">
              {t('approval.saved')}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}

export function Settings({ org }: { org: Organization }) {
  const { t } = useI18n();
  const admin = isAdminRole(org.viewerRole);
  const { data, error, loading, reload } = useQuery(REVIEW_SETTINGS, admin ? { org: org.id } : null);
  const node = data?.node;
  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('settings.title')}</h1>
      </div>
      {!admin ? <p className="notice notice--info" data-testid="admins-only">{t('settings.adminsOnly')}</p> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {admin && loading && !node ? <Loading /> : null}
      {node ? (
        <div className="settings">
          <Templates org={org} templates={node.replyTemplates} onChanged={reload} />
          <Approval key={org.id} org={org} settings={node.reviewSettings} />
        </div>
      ) : null}
    </div>
  );
}
