import { useCallback, useState } from 'react';
import type { DeadLetter, ReplayAnswer } from '../api/types';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { JsonView } from '../components/json-view';
import { Link } from '../components/link';
import { ScreenHeading } from '../components/screen-heading';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import { BASE } from '../hooks/use-route';
import { formatDateTime, NONE, plural, words } from '../lib/format';
import { segment } from '../lib/query';
import { href } from '../lib/routes';
import { useSession } from '../session/session-context';
import { ReplayConfirm } from './replay-confirm';

/** One dead letter: why it failed, its payload, and replaying it (dry run first). */
export function DeadLetterScreen({ id }: { id: string }) {
  const { api } = useSession();
  const [dryRun, setDryRun] = useState<ReplayAnswer>();
  const [outcome, setOutcome] = useState('');
  const action = useAction();
  const letter = useResource(
    useCallback(
      (signal: AbortSignal) =>
        api.get<DeadLetter & { payload: unknown }>(
          `/dead-letters/${segment(id)}`,
          undefined,
          signal,
        ),
      [api, id],
    ),
  );
  const replay = async (dry: boolean) => {
    const answer = await action.run(() =>
      api.post<ReplayAnswer>('/dead-letters/replay', { ids: [id], dryRun: dry }),
    );
    if (dry) {
      setDryRun(answer);
      return;
    }
    setDryRun(undefined);
    if (answer) {
      setOutcome(
        answer.missing
          ? 'The dead letter is no longer in its queue: it was replayed or removed already.'
          : `${plural(answer.replayed, 'dead letter')} replayed.`,
      );
      letter.reload();
    }
  };
  const item = letter.data;
  return (
    <>
      <ScreenHeading title={`Dead letter ${id}`}>
        <p>
          <Link to={href(BASE, 'dead-letters')}>Back to dead letters</Link>
        </p>
      </ScreenHeading>
      <ProblemView problem={letter.problem ?? action.problem} />
      <LiveStatus>
        {letter.loading && !item ? <Loading what="the dead letter" /> : null}
        {outcome ? <p>{outcome}</p> : null}
      </LiveStatus>
      {item ? (
        <>
          <dl className="facts">
            <dt>Job</dt>
            <dd>{item.jobName}</dd>
            <dt>Queue</dt>
            <dd>{item.queue}</dd>
            <dt>Provider</dt>
            <dd>{item.provider ?? NONE}</dd>
            <dt>Connection</dt>
            <dd>{item.connectionId ?? NONE}</dd>
            <dt>Reason</dt>
            <dd>{words(item.reason)}</dd>
            <dt>Error</dt>
            <dd className="wrap">{item.error}</dd>
            <dt>Attempts</dt>
            <dd>{item.attemptsMade}</dd>
            <dt>Status</dt>
            <dd>{item.status}</dd>
            <dt>Failed</dt>
            <dd>{formatDateTime(item.failedAt)}</dd>
            <dt>Replays</dt>
            <dd>
              {item.replayCount}
              {item.lastReplayedAt ? `, last ${formatDateTime(item.lastReplayedAt)}` : ''}
            </dd>
          </dl>
          <div className="actions">
            <UnsafeButton
              busy={action.busy}
              disabled={dryRun !== undefined}
              onClick={() => void replay(true)}
            >
              Replay this dead letter
            </UnsafeButton>
          </div>
          {dryRun ? (
            <ReplayConfirm
              dryRun={dryRun}
              busy={action.busy}
              onConfirm={() => void replay(false)}
              onCancel={() => setDryRun(undefined)}
            />
          ) : null}
          <h2>Payload</h2>
          <JsonView label="Payload" value={item.payload} />
        </>
      ) : null}
    </>
  );
}
