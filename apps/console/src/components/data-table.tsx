import { cellText } from '../lib/format';
import { columnsOf, columnTitle } from '../lib/table';
import { TableWrap } from './table-wrap';

/** Rows shown as they come: one column per key, values as text. */
export function DataTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly Record<string, unknown>[];
}) {
  const columns = columnsOf(rows);
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {columnTitle(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((column) => (
                <td key={column}>{cellText(row[column])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
