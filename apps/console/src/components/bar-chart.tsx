import { useId } from 'react';
import { barLength, niceMax, ticks } from '../lib/charts';
import { ChartTable, Legend, type ChartSeries } from './chart-parts';

export interface BarGroup {
  label: string;
  values: readonly (number | null)[];
}

const WIDTH = 400;
const PLOT = 320;
const BAR = 12;
const LABEL = 18;
const GAP = 10;

/**
 * Horizontal bars, one group per row (a carrier, a region) and one bar per series, drawn as
 * plain SVG. The same numbers are in the table under it.
 */
export function BarChart(props: {
  title: string;
  description: string;
  groups: readonly BarGroup[];
  series: readonly ChartSeries[];
  format: (value: number | null) => string;
  /** The axis end when the scale is fixed (rates: 1). */
  max?: number;
}) {
  const id = useId();
  const { groups, series } = props;
  const known = groups.flatMap((group) => group.values.filter((v): v is number => v !== null));
  const max = props.max ?? niceMax(Math.max(0, ...known));
  const groupHeight = LABEL + series.length * (BAR + 2) + GAP;
  const height = groups.length * groupHeight + 20;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {ticks(max).map((tick, i, all) => {
          const x = barLength(tick, max, PLOT);
          // The axis ends' labels stay inside the drawing.
          const anchor = i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle';
          return (
            <g key={tick} className="grid">
              <line x1={x} x2={x} y1={0} y2={height - 16} />
              <text x={x} y={height - 2} textAnchor={anchor}>
                {props.format(tick)}
              </text>
            </g>
          );
        })}
        {groups.map((group, g) => {
          const top = g * groupHeight;
          return (
            <g key={group.label}>
              <text x={0} y={top + 13} className="bar-label">
                {group.label}
              </text>
              {series.map((each, s) => {
                const value = group.values[s] ?? null;
                const y = top + LABEL + s * (BAR + 2);
                const length = barLength(value, max, PLOT);
                return (
                  <g key={each.name}>
                    <rect x={0} y={y} width={length} height={BAR} className={each.className} />
                    <text x={length + 4} y={y + BAR - 2} className="bar-value">
                      {props.format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Legend series={series} />
      </figcaption>
      <ChartTable
        title={props.title}
        columns={['', ...series.map((each) => each.name)]}
        rows={groups.map((group) => [group.label, ...group.values.map(props.format)])}
      />
    </figure>
  );
}
