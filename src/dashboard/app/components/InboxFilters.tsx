import type { Platform } from '../api/types.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { NO_FILTERS, type InboxFilters as Filters } from '../lib/filters.ts';
import { FilterSelect } from './FilterSelect.tsx';

interface Props {
  filters: Filters;
  platforms: Platform[];
  stores: { id: string; name: string; storeCode: string }[];
  onChange(filters: Filters): void;
}

export function InboxFilters({ filters, platforms, stores, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const toggleRating = (n: number) =>
    set({ ratings: filters.ratings.includes(n) ? filters.ratings.filter((r) => r !== n) : [...filters.ratings, n].sort((a, b) => a - b) });
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  // A store from a shared link may be past the first page of options: keep it selectable.
  const storeOptions = filters.store && !stores.some((s) => s.id === filters.store) ? [...stores, { id: filters.store, name: filters.store, storeCode: '…' }] : stores;

  return (
    <fieldset className="filters" data-testid="filters">
      <legend className="visually-hidden">{t('inbox.filters')}</legend>
      <label className="check">
        <input type="checkbox" checked={filters.unanswered} onChange={(e) => set({ unanswered: e.target.checked })} data-testid="filter-unanswered" />
        {t('inbox.unanswered')}
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.fake} onChange={(e) => set({ fake: e.target.checked })} data-testid="filter-fake" />
        {t('inbox.fake')}
      </label>
      <div className="rating-filter" role="group" aria-label={t('inbox.rating')}>
        <span className="rating-filter__label" aria-hidden="true">
          {t('inbox.rating')}
        </span>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className="toggle"
            aria-pressed={filters.ratings.includes(n)}
            aria-label={t('inbox.ratingN', { n })}
            onClick={() => toggleRating(n)}
            data-testid={`filter-rating-${n}`}
          >
            {n}★
          </button>
        ))}
      </div>
      <FilterSelect
        label={t('inbox.platform')}
        allLabel={t('inbox.allPlatforms')}
        value={filters.platform ?? ''}
        options={platforms.map((p) => ({ id: p.id, label: p.name }))}
        onChange={(platform) => set({ platform: platform || null })}
        testId="filter-platform"
      />
      <FilterSelect
        label={t('inbox.store')}
        allLabel={t('inbox.allStores')}
        value={filters.store ?? ''}
        options={storeOptions.map((s) => ({ id: s.id, label: `${s.name} (${s.storeCode})` }))}
        onChange={(store) => set({ store: store || null })}
        testId="filter-store"
      />
      {active ? (
        <button type="button" className="button button--link" onClick={() => onChange(NO_FILTERS)} data-testid="filter-clear">
          {t('inbox.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
