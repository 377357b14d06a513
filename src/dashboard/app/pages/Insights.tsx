import type { ChartConfiguration } from 'chart.js';
import { useId, useMemo, useState } from 'react';
import { REVIEW_STATS } from '../api/adminOps.ts';
import { INBOX_STORES } from '../api/reviewOps.ts';
import type { Organization, ReviewStats, StatsInterval } from '../api/types.ts';
import { useQuery } from '../api/useQuery.ts';
import { ChartCanvas } from '../components/ChartCanvas.tsx';
import { LoadError, Loading } from '../components/Feedback.tsx';
import { FilterSelect } from '../components/FilterSelect.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { Lang } from '../i18n/messages.ts';
import { formatDuration, formatNumber } from '../lib/format.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const RANGES = { last30: 30, last90: 90, last365: 365 } as const;
type Range = keyof typeof RANGES;
const INTERVALS: StatsInterval[] = ['DAY', 'WEEK', 'MONTH'];
const PALETTE = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#64748b'];

/** Periods start at midnight in the viewer's zone, so a day or week means the same to them as to the chart. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function periodLabel(iso: string, interval: StatsInterval, lang: Lang): string {
  const options: Intl.DateTimeFormatOptions = interval === 'MONTH' ? { year: 'numeric', month: 'short' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { ...options, timeZone: TIME_ZONE }).format(new Date(iso));
}

function useCharts(stats: ReviewStats | undefined, interval: StatsInterval, lang: Lang, platformName: (id: string) => string, ratingLabel: string) {
  return useMemo(() => {
    if (!stats) return null;
    const labels = stats.series.map((p) => periodLabel(p.periodStart, interval, lang));
    const rating: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels,
        datasets: [{ label: ratingLabel, data: stats.series.map((p) => p.averageRating), borderColor: PALETTE[0], backgroundColor: PALETTE[0], spanGaps: true, tension: 0.25 }],
      },
      options: { maintainAspectRatio: false, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } }, plugins: { legend: { display: false } } },
    };
    const platforms = [...new Set([...stats.byPlatform.map((p) => p.platform), ...stats.series.flatMap((p) => p.byPlatform.map((b) => b.platform))])];
    const volume: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: platforms.map((platform, i) => ({
          label: platformName(platform),
          data: stats.series.map((p) => p.byPlatform.find((b) => b.platform === platform)?.count ?? 0),
          backgroundColor: PALETTE[i % PALETTE.length],
        })),
      },
      options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    };
    return { rating, volume };
  }, [stats, interval, lang, platformName, ratingLabel]);
}

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="tile card">
      <span className="tile__label">{label}</span>
      <span className="tile__value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

export function Insights({ org }: { org: Organization }) {
  const { t, lang } = useI18n();
  const { state: session, platformName } = useSession();
  const ids = { range: useId(), interval: useId() };
  const [range, setRange] = useState<Range>('last90');
  const [interval, setStatsInterval] = useState<StatsInterval>('WEEK');
  const [store, setStore] = useState('');
  const [platform, setPlatform] = useState('');
  // Whole days, so the variables (and the request) stay the same across renders.
  const from = useMemo(() => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    start.setDate(start.getDate() - RANGES[range]);
    return start.toISOString();
  }, [range]);
  const filter = { from, ...(store ? { locationIds: [store] } : {}), ...(platform ? { platforms: [platform] } : {}) };
  const { data, error, loading, reload } = useQuery(REVIEW_STATS, { org: org.id, interval, timeZone: TIME_ZONE, filter });
  const stores = useQuery(INBOX_STORES, { org: org.id, first: 100 });
  const stats = data?.node?.reviewStats;
  const charts = useCharts(stats, interval, lang, platformName, t('insights.ratingLabel'));
  const platforms = session.status === 'signedIn' ? session.platforms : [];
  const dash = '—';

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('insights.title')}</h1>
      </div>
      <div className="filters">
        <div className="field field--inline">
          <label htmlFor={ids.range}>{t('insights.period')}</label>
          <select id={ids.range} value={range} onChange={(e) => setRange(e.target.value as Range)} data-testid="insights-range">
            {(Object.keys(RANGES) as Range[]).map((r) => (
              <option key={r} value={r}>
                {t(`insights.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={ids.interval}>{t('insights.interval')}</label>
          <select id={ids.interval} value={interval} onChange={(e) => setStatsInterval(e.target.value as StatsInterval)} data-testid="insights-interval">
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {t(`interval.${i}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          label={t('inbox.store')}
          allLabel={t('inbox.allStores')}
          value={store}
          options={(stores.data?.node?.locations.edges ?? []).map(({ node }) => ({ id: node.id, label: node.name }))}
          onChange={setStore}
          testId="insights-store"
        />
        <FilterSelect label={t('inbox.platform')} allLabel={t('inbox.allPlatforms')} value={platform} options={platforms.map((p) => ({ id: p.id, label: p.name }))} onChange={setPlatform} testId="insights-platform" />
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {loading && !stats ? <Loading /> : null}
      {stats ? (
        <div aria-busy={loading}>
          <div className="tiles">
            <Tile label={t('insights.count')} value={formatNumber(stats.count, lang)} testId="stat-count" />
            <Tile label={t('insights.average')} value={stats.averageRating == null ? dash : formatNumber(stats.averageRating, lang, 2)} testId="stat-average" />
            <Tile label={t('insights.unanswered')} value={formatNumber(stats.unansweredCount, lang)} testId="stat-unanswered" />
            <Tile label={t('insights.median')} value={stats.medianResponseSeconds == null ? dash : formatDuration(stats.medianResponseSeconds, lang)} testId="stat-median-response" />
          </div>
          {stats.count === 0 ? <p className="empty">{t('insights.empty')}</p> : null}
          {charts ? (
            <div className="chart-grid">
              <section className="card">
                <h2>{t('insights.ratingChart')}</h2>
                <ChartCanvas config={charts.rating} label={t('insights.ratingChart')} testId="chart-rating" />
              </section>
              <section className="card">
                <h2>{t('insights.volumeChart')}</h2>
                <ChartCanvas config={charts.volume} label={t('insights.volumeChart')} testId="chart-volume" />
              </section>
            </div>
          ) : null}
          <section className="card">
            <h2>{t('insights.byStore')}</h2>
            <div className="table-wrap">
              <table data-testid="stats-by-store">
                <thead>
                  <tr>
                    <th scope="col">{t('insights.store')}</th>
                    <th scope="col" className="num">{t('insights.count')}</th>
                    <th scope="col" className="num">{t('insights.average')}</th>
                    <th scope="col" className="num">{t('insights.unanswered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...stats.byLocation]
                    .sort((a, b) => b.count - a.count)
                    .map((row) => (
                      <tr key={row.location.id} data-testid="stats-store-row">
                        <th scope="row">
                          <Link to={`/stores/${encodeURIComponent(row.location.id)}`}>{row.location.name}</Link>
                        </th>
                        <td className="num">{formatNumber(row.count, lang)}</td>
                        <td className="num">{row.averageRating == null ? dash : formatNumber(row.averageRating, lang, 2)}</td>
                        <td className="num">{formatNumber(row.unansweredCount, lang)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      ) : null}
    </div>
  );
}
