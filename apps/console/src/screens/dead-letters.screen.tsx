import { useCallback, useMemo, useState } from 'react';
import type { DeadLetter, ReplayAnswer } from '../api/types';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { ScreenHeading } from '../components/screen-heading';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import {
  deadLetterFilter,
  EMPTY_FILTER,
  replayRequest,
  type DeadLetterFilter,
  type DeadLetterForm,
} from '../lib/dead-letters';
import { plural } from '../lib/format';
import { selectedShown } from '../lib/selection';
import { useSession } from '../session/session-context';
import { DeadLetterFilters, type Suggestions } from './dead-letter-filters';
import { DeadLetterTable } from './dead-letter-table';
import { ReplayConfirm } from './replay-confirm';

/** How many dead letters the list shows at once; "replay all matching" reaches every match. */
const LIST_LIMIT = 100;

type Target = { ids: string[] } | { filter: DeadLetterFilter };

const distinct = (values: readonly (string | null)[]) =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort();

function seen(items: readonly DeadLetter[]): Suggestions {
  return {
    queue: distinct(items.map((item) => item.queue)),
    provider: distinct(items.map((item) => item.provider)),
    reason: distinct(items.map((item) => item.reason)),
  };
}

/** Jobs that failed for good: filtered, looked at, and replayed after a dry run and a yes. */
export function DeadLettersScreen() {
  const { api } = useSession();
  const [form, setForm] = useState<DeadLetterForm>(EMPTY_FILTER);
  const filter = useMemo(() => deadLetterFilter(form), [form]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<{ target: Target; dryRun: ReplayAnswer }>();
  const [outcome, setOutcome] = useState('');
  const action = useAction();
  const list = useResource(
    useCallback(
      (signal: AbortSignal) =>
        api.get<{ items: DeadLetter[]; total: number }>(
          '/dead-letters',
          { ...filter, limit: LIST_LIMIT },
          signal,
        ),
      [api, filter],
    ),
  );
  const items = list.data?.items ?? [];
  const suggestions = useMemo(() => seen(list.data?.items ?? []), [list.data]);
  const ticked = selectedShown(
    selected,
    items.map((item) => item.id),
  );

  const askReplay = async (target: Target) => {
    setOutcome('');
    const dryRun = await action.run(() =>
      api.post<ReplayAnswer>('/dead-letters/replay', replayRequest(target, true)),
    );
    if (dryRun) setPending({ target, dryRun });
  };

  const confirmReplay = async () => {
    if (!pending) return;
    const done = await action.run(() =>
      api.post<ReplayAnswer>('/dead-letters/replay', replayRequest(pending.target, false)),
    );
    setPending(undefined);
    if (done) {
      const gone = done.missing
        ? ` ${plural(done.missing, 'was', 'were')} no longer in its queue.`
        : '';
      setOutcome(`${plural(done.replayed, 'dead letter')} replayed.${gone}`);
      setSelected(new Set());
      list.reload();
    }
  };

  return (
    <>
      <ScreenHeading title="Dead letters" />
      <DeadLetterFilters
        value={form}
        suggestions={suggestions}
        onApply={(next) => {
          setForm(next);
          setSelected(new Set());
          setPending(undefined);
        }}
      />
      <ProblemView problem={list.problem ?? action.problem} />
      <LiveStatus>
        {list.loading ? <Loading what="dead letters" /> : null}
        {list.data && !list.loading ? (
          <p>
            {plural(list.data.total, 'dead letter')} match
            {list.data.total > items.length ? `; the first ${items.length} are shown` : ''}.
          </p>
        ) : null}
        {outcome ? <p>{outcome}</p> : null}
      </LiveStatus>
      <div className="actions">
        <span className="muted">{ticked.length} selected</span>
        <UnsafeButton
          busy={action.busy}
          disabled={ticked.length === 0 || pending !== undefined}
          onClick={() => void askReplay({ ids: ticked })}
        >
          Replay selected
        </UnsafeButton>
        <UnsafeButton
          busy={action.busy}
          disabled={(list.data?.total ?? 0) === 0 || pending !== undefined}
          onClick={() => void askReplay({ filter })}
        >
          Replay all matching
        </UnsafeButton>
      </div>
      {pending ? (
        <ReplayConfirm
          dryRun={pending.dryRun}
          busy={action.busy}
          onConfirm={() => void confirmReplay()}
          onCancel={() => setPending(undefined)}
        />
      ) : null}
      {list.data ? (
        <DeadLetterTable items={items} selected={selected} onSelect={setSelected} />
      ) : null}
    </>
  );
}
