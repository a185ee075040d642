import { useId } from 'react';
import { lineSegments, niceMax, ticks, wholeTicks } from '../lib/charts';
import { ChartTable, Legend, type ChartSeries } from './chart-parts';

const WIDTH = 400;
const HEIGHT = 160;
const LEFT = 60;
const BOTTOM = 22;

/**
 * One series over time as an SVG line (a gap where a period has no value), with its points in a
 * table under it.
 */
export function LineChart(props: {
  title: string;
  description: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  series: ChartSeries;
  format: (value: number | null) => string;
  max?: number;
  /** The values are counts: ticks on whole numbers only. */
  whole?: boolean;
}) {
  const id = useId();
  const known = props.values.filter((v): v is number => v !== null);
  const max = props.max ?? niceMax(Math.max(0, ...known));
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - BOTTOM - 8;
  const segments = lineSegments(props.values, plotWidth, plotHeight, max);
  const first = props.labels[0] ?? '';
  const last = props.labels[props.labels.length - 1] ?? '';
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        <g transform={`translate(${LEFT} 8)`}>
          {(props.whole ? wholeTicks(max) : ticks(max)).map((tick) => {
            const y = plotHeight - (tick / max) * plotHeight;
            return (
              <g key={tick} className="grid">
                <line x1={0} x2={plotWidth} y1={y} y2={y} />
                <text x={-6} y={y + 4} textAnchor="end">
                  {props.format(tick)}
                </text>
              </g>
            );
          })}
          {segments.map((points) => (
            <polyline key={points} points={points} className={`line ${props.series.className}`} />
          ))}
          {segments
            .flatMap((points) => points.split(' '))
            .map((point) => {
              const [x, y] = point.split(',');
              return (
                <circle
                  key={point}
                  cx={x}
                  cy={y}
                  r={3}
                  className={`dot ${props.series.className}`}
                />
              );
            })}
          <text x={0} y={plotHeight + 18} className="axis-label">
            {first}
          </text>
          <text x={plotWidth} y={plotHeight + 18} textAnchor="end" className="axis-label">
            {last}
          </text>
        </g>
      </svg>
      <figcaption>
        <Legend series={[props.series]} />
      </figcaption>
      <ChartTable
        title={props.title}
        columns={['Period', props.series.name]}
        rows={props.labels.map((label, i) => [label, props.format(props.values[i] ?? null)])}
      />
    </figure>
  );
}
