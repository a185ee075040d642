import { TableWrap } from './table-wrap';

export interface ChartSeries {
  name: string;
  /** The CSS class that colours the series (`series-a`, `series-b`). */
  className: string;
}

/** Which colour is which series, in text next to its swatch. */
export function Legend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {series.map((each) => (
        <li key={each.name}>
          <span className={`swatch ${each.className}`} aria-hidden="true" />
          {each.name}
        </li>
      ))}
    </ul>
  );
}

/** A chart's numbers as a table: the accessible alternative, one click away for everyone. */
export function ChartTable(props: {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  return (
    <details className="chart-table">
      <summary>Table of “{props.title}”</summary>
      <TableWrap label={props.title}>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              {props.columns.map((column, i) => (
                <th key={i} scope="col">
                  {column || 'Group'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
