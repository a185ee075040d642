import { BarChart } from '../components/bar-chart';
import { LineChart } from '../components/line-chart';
import { TableWrap } from '../components/table-wrap';
import { formatHours, formatHoursShort, formatPercent, words } from '../lib/format';

export interface DeliveryFigures {
  parcels: number;
  delivered: number;
  transitHoursMedian: number | null;
  transitHoursP90: number | null;
  onTimeRate: number | null;
  exceptionRate: number | null;
  failedAttemptRate: number | null;
  returnRate: number | null;
}

export interface DeliveryReport {
  from: string;
  to: string;
  groupBy: string;
  onTimeBasis: string;
  rows: (DeliveryFigures & { key: string; label: string })[];
  totals?: Partial<DeliveryFigures>;
}

export interface DeliverySeries {
  points: {
    start: string;
    parcels: number;
    delivered: number;
    onTimeRate: number | null;
    transitHoursMedian: number | null;
  }[];
}

/** What the API's on-time bases mean, in words. */
const ON_TIME_BASIS: Record<string, string> = {
  first_estimate: 'delivered by the first date the carrier estimated',
};

const MEDIAN = { name: 'Median', className: 'series-a' };
const P90 = { name: '90th percentile', className: 'series-b' };
const ON_TIME = { name: 'On time', className: 'series-a' };
const PARCELS = { name: 'Parcels', className: 'series-b' };

const count = (value: number | null) => (value === null ? '—' : String(Math.round(value)));
const cells = (figures: Partial<DeliveryFigures>) => [
  String(figures.parcels ?? '—'),
  String(figures.delivered ?? '—'),
  formatHours(figures.transitHoursMedian),
  formatHours(figures.transitHoursP90),
  formatPercent(figures.onTimeRate),
  formatPercent(figures.exceptionRate),
  formatPercent(figures.failedAttemptRate),
  formatPercent(figures.returnRate),
];
const HEADINGS = [
  'Parcels',
  'Delivered',
  'Transit median',
  'Transit 90th percentile',
  'On time',
  'Exceptions',
  'Failed attempts',
  'Returns',
];

/** The delivery report as bar charts and a table, and the series as lines over time. */
export function DeliveryCharts(props: {
  report: DeliveryReport;
  series: DeliverySeries | undefined;
  groupTitle: string;
  interval: 'day' | 'week';
}) {
  const { report, groupTitle } = props;
  const by = groupTitle.toLowerCase();
  const points = props.series?.points ?? [];
  const labels = points.map((point) => point.start.slice(0, 10));
  if (report.rows.length === 0) return <p>No parcels were delivered in this period.</p>;
  return (
    <>
      <section aria-labelledby="transit-times">
        <h2 id="transit-times">Transit time by {by}</h2>
        <BarChart
          title={`Transit time by ${by}, in hours`}
          description={`Median and 90th percentile hours from first scan to delivery, for each ${by}.`}
          groups={report.rows.map((row) => ({
            label: row.label,
            values: [row.transitHoursMedian, row.transitHoursP90],
          }))}
          series={[MEDIAN, P90]}
          format={formatHoursShort}
        />
      </section>
      <section aria-labelledby="on-time-rates">
        <h2 id="on-time-rates">On-time rate by {by}</h2>
        <p className="muted">
          On time means: {ON_TIME_BASIS[report.onTimeBasis] ?? words(report.onTimeBasis)}.
        </p>
        <BarChart
          title={`On-time rate by ${by}`}
          description={`Share of delivered parcels that arrived on time, for each ${by}.`}
          groups={report.rows.map((row) => ({ label: row.label, values: [row.onTimeRate] }))}
          series={[ON_TIME]}
          format={formatPercent}
          max={1}
        />
      </section>
      <section aria-labelledby="delivery-table">
        <h2 id="delivery-table">Delivery figures by {by}</h2>
        <TableWrap label={`Delivery figures by ${by}`}>
          <table>
            <caption>Delivery figures by {by}</caption>
            <thead>
              <tr>
                <th scope="col">{groupTitle}</th>
                {HEADINGS.map((heading) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {cells(row).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            {report.totals ? (
              <tfoot>
                <tr>
                  <th scope="row">All</th>
                  {cells(report.totals).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </TableWrap>
      </section>
      {points.length > 0 ? (
        <section aria-labelledby="delivery-series">
          <h2 id="delivery-series">Over time, by {props.interval}</h2>
          <LineChart
            title={`Parcels per ${props.interval}`}
            description={`Parcels shipped each ${props.interval} from ${labels[0]} to ${labels[labels.length - 1]}.`}
            labels={labels}
            values={points.map((point) => point.parcels)}
            series={PARCELS}
            format={count}
            whole
          />
          <LineChart
            title={`On-time rate per ${props.interval}`}
            description={`Share of the parcels delivered each ${props.interval} that arrived on time.`}
            labels={labels}
            values={points.map((point) => point.onTimeRate)}
            series={ON_TIME}
            format={formatPercent}
            max={1}
          />
        </section>
      ) : null}
    </>
  );
}
