import type { ReplayAnswer } from '../api/types';
import { ConfirmPanel } from '../components/confirm-panel';
import { formatDateTime, plural } from '../lib/format';

/** The dry run's answer (how many, and the first of them), and the question whether to go on. */
export function ReplayConfirm(props: {
  dryRun: ReplayAnswer;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { matched, items } = props.dryRun;
  return (
    <ConfirmPanel
      title="Confirm replay"
      confirmLabel="Confirm replay"
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>
        <strong>{plural(matched, 'dead letter')} would be replayed.</strong>
        {matched > items.length ? ` The first ${items.length} are listed.` : ''}
      </p>
      {items.length > 0 ? (
        <ul className="compact" aria-label="Dead letters to replay">
          {items.map((item) => (
            <li key={item.id}>
              {item.jobName} on {item.queue} ({item.reason}), failed {formatDateTime(item.failedAt)}
            </li>
          ))}
        </ul>
      ) : null}
    </ConfirmPanel>
  );
}
