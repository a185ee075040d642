import { useCallback, useId, useState, type FormEvent } from 'react';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { PeriodFields } from '../components/period-fields';
import { ScreenHeading } from '../components/screen-heading';
import { useResource } from '../hooks/use-resource';
import { plural } from '../lib/format';
import { lastDays, periodQuery, type DayRange } from '../lib/period';
import { csvUrl, type Query } from '../lib/query';
import { useSession } from '../session/session-context';
import { DeliveryCharts, type DeliveryReport, type DeliverySeries } from './delivery-charts';

const GROUPS = [
  ['carrier', 'Carrier'],
  ['service', 'Service'],
  ['region', 'Region'],
  ['store', 'Store'],
] as const;

interface Choice {
  range: DayRange;
  groupBy: string;
  interval: 'day' | 'week';
  storeId: string;
}

type Applied = { query: Query; choice: Choice };

function chosenQuery(choice: Choice): Applied | { message: string } {
  const period = periodQuery(choice.range, 366);
  if (!period.ok) return { message: period.message };
  return { choice, query: { from: period.from, to: period.to, storeId: choice.storeId } };
}

const initialChoice = (): Choice => ({
  range: lastDays(new Date(), 30),
  groupBy: 'carrier',
  interval: 'day',
  storeId: '',
});

/** Delivery performance for a period: transit times, on-time and exception rates, over time. */
export function AnalyticsScreen() {
  const { api, stores } = useSession();
  const id = useId();
  const [choice, setChoice] = useState<Choice>(initialChoice);
  // The default period is shown at once; later choices when the form is sent.
  const [current, setCurrent] = useState<Applied | undefined>(() => {
    const first = chosenQuery(choice);
    return 'query' in first ? first : undefined;
  });
  const [note, setNote] = useState('');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = chosenQuery(choice);
    setNote('message' in next ? next.message : '');
    if ('query' in next) setCurrent(next);
  };

  const query = current?.query;
  const loadReport = useCallback(
    (signal: AbortSignal) =>
      api.get<DeliveryReport>(
        '/analytics/delivery',
        { ...query, groupBy: current?.choice.groupBy },
        signal,
      ),
    [api, query, current?.choice.groupBy],
  );
  const loadSeries = useCallback(
    (signal: AbortSignal) =>
      api.get<DeliverySeries>(
        '/analytics/delivery/series',
        { ...query, interval: current?.choice.interval },
        signal,
      ),
    [api, query, current?.choice.interval],
  );
  const report = useResource(current ? loadReport : null);
  const series = useResource(current ? loadSeries : null);
  const groupTitle = GROUPS.find(([value]) => value === current?.choice.groupBy)?.[1] ?? 'Group';

  return (
    <>
      <ScreenHeading title="Delivery analytics" />
      <form onSubmit={apply} className="filters">
        <PeriodFields value={choice.range} onChange={(range) => setChoice({ ...choice, range })} />
        <div className="filter-grid">
          <div className="field">
            <label htmlFor={`${id}-group`}>Group by</label>
            <select
              id={`${id}-group`}
              value={choice.groupBy}
              onChange={(e) => setChoice({ ...choice, groupBy: e.target.value })}
            >
              {GROUPS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-interval`}>Series interval</label>
            <select
              id={`${id}-interval`}
              value={choice.interval}
              onChange={(e) =>
                setChoice({ ...choice, interval: e.target.value === 'week' ? 'week' : 'day' })
              }
            >
              <option value="day">Day</option>
              <option value="week">Week</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-store`}>Store</label>
            <select
              id={`${id}-store`}
              value={choice.storeId}
              onChange={(e) => setChoice({ ...choice, storeId: e.target.value })}
            >
              <option value="">All stores</option>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {note ? (
          <p className="field-error" role="alert">
            {note}
          </p>
        ) : null}
        <button type="submit" className="primary">
          Show analytics
        </button>
      </form>
      <ProblemView problem={report.problem ?? series.problem} />
      <LiveStatus>
        {report.loading || series.loading ? <Loading what="analytics" /> : null}
        {report.data && !report.loading ? (
          <p>
            Delivery analytics by {groupTitle.toLowerCase()}:{' '}
            {plural(report.data.rows.length, 'group')}.
          </p>
        ) : null}
      </LiveStatus>
      {current && report.data ? (
        <p>
          <a
            href={csvUrl('/analytics/delivery', {
              ...current.query,
              groupBy: current.choice.groupBy,
            })}
            download
          >
            Download CSV
          </a>
        </p>
      ) : null}
      {report.data ? (
        <DeliveryCharts
          report={report.data}
          series={series.data}
          groupTitle={groupTitle}
          interval={current?.choice.interval ?? 'day'}
        />
      ) : null}
    </>
  );
}
