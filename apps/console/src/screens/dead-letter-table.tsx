import type { DeadLetter } from '../api/types';
import { Link } from '../components/link';
import { TableWrap } from '../components/table-wrap';
import { BASE } from '../hooks/use-route';
import { formatDateTime, NONE, words } from '../lib/format';
import { href } from '../lib/routes';
import { toggled, toggledAll } from '../lib/selection';

/** An error message cut to what fits a cell; the detail page shows all of it. */
const short = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

/** The dead letters shown, each with a checkbox and a link to its detail. */
export function DeadLetterTable(props: {
  items: readonly DeadLetter[];
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
}) {
  const { items, selected, onSelect } = props;
  const ids = items.map((item) => item.id);
  const allTicked = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <TableWrap label="Dead letters">
      <table>
        <caption>Dead letters</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all dead letters shown"
                checked={allTicked}
                disabled={ids.length === 0}
                onChange={() => onSelect(toggledAll(selected, ids))}
              />
            </th>
            <th scope="col">Job</th>
            <th scope="col">Queue</th>
            <th scope="col">Provider</th>
            <th scope="col">Reason</th>
            <th scope="col">Error</th>
            <th scope="col">Attempts</th>
            <th scope="col">Status</th>
            <th scope="col">Failed</th>
            <th scope="col">Replays</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={selected.has(item.id) ? 'selected' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select dead letter ${item.id}`}
                  checked={selected.has(item.id)}
                  onChange={() => onSelect(toggled(selected, item.id))}
                />
              </td>
              <th scope="row">
                <Link to={href(BASE, 'dead-letters', item.id)}>{item.jobName}</Link>
                <span className="muted id"> {item.id}</span>
              </th>
              <td>{item.queue}</td>
              <td>{item.provider ?? NONE}</td>
              <td>{words(item.reason)}</td>
              <td className="wrap">{short(item.error)}</td>
              <td>{item.attemptsMade}</td>
              <td>{item.status}</td>
              <td>{formatDateTime(item.failedAt)}</td>
              <td>
                {item.replayCount}
                {item.lastReplayedAt ? ` (last ${formatDateTime(item.lastReplayedAt)})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
