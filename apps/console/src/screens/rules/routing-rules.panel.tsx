import { useCallback, useId, useState, type FormEvent } from 'react';
import { orNone } from '../../api/problem';
import type { SavedRuleSet, Store } from '../../api/types';
import { LiveStatus, Loading, ProblemView } from '../../components/feedback';
import { JsonEditor } from '../../components/json-editor';
import { JsonView } from '../../components/json-view';
import { UnsafeButton } from '../../components/unsafe-button';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { formatDateTime, plural } from '../../lib/format';
import { editableRoutingRules, parseJsonText, prettyJson } from '../../lib/json-text';
import { actorName } from '../../lib/principal';
import { segment } from '../../lib/query';
import { useSession } from '../../session/session-context';

interface RoutingDryRun {
  version: number;
  draft: boolean;
  order: { orderRef: string; orderNumber: string; status: string };
  destinations: unknown[];
}

function RoutingEditor(props: {
  path: string;
  saved: SavedRuleSet | null;
  onSaved: (m: string) => void;
}) {
  const { api, principal } = useSession();
  const id = useId();
  const [text, setText] = useState(() => prettyJson(editableRoutingRules(props.saved?.rules)));
  const [orderRef, setOrderRef] = useState('');
  const [useDraft, setUseDraft] = useState(false);
  const [result, setResult] = useState<RoutingDryRun>();
  const save = useAction();
  const dryRun = useAction();

  const submitSave = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonText(text);
    if (!parsed.ok) return;
    const answer = await save.run(() =>
      api.put<{ version: number }>(props.path, { rules: parsed.value, by: actorName(principal) }),
    );
    if (answer) props.onSaved(`Routing rules saved as version ${answer.version}.`);
  };

  const submitDryRun = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonText(text);
    if (useDraft && !parsed.ok) return;
    const body = { orderRef, ...(useDraft && parsed.ok ? { rules: parsed.value } : {}) };
    setResult(await dryRun.run(() => api.post<RoutingDryRun>(`${props.path}/dry-run`, body)));
  };

  return (
    <>
      <form onSubmit={(event) => void submitSave(event)}>
        <JsonEditor
          label="Routing rules (JSON)"
          hint="A list of rules in priority order; each has when (all / any conditions) and then (tags, warehouse, hold…)."
          value={text}
          onChange={setText}
          problem={save.problem}
        />
        <ProblemView problem={save.problem} details={false} />
        <UnsafeButton type="submit" className="primary" busy={save.busy}>
          Validate and save
        </UnsafeButton>
      </form>
      <form onSubmit={(event) => void submitDryRun(event)} aria-labelledby={`${id}-dry`}>
        <h3 id={`${id}-dry`}>Dry run against an order</h3>
        <div className="field">
          <label htmlFor={`${id}-order`}>Store order ID</label>
          <input
            id={`${id}-order`}
            required
            value={orderRef}
            onChange={(event) => setOrderRef(event.target.value)}
          />
        </div>
        <div className="field checkbox">
          <input
            id={`${id}-draft`}
            type="checkbox"
            checked={useDraft}
            onChange={(event) => setUseDraft(event.target.checked)}
          />
          <label htmlFor={`${id}-draft`}>
            Try the rules in the editor instead of the saved ones
          </label>
        </div>
        <UnsafeButton type="submit" busy={dryRun.busy}>
          Dry run routing
        </UnsafeButton>
      </form>
      <ProblemView problem={dryRun.problem} />
      <LiveStatus>
        {result ? (
          <p>
            Dry run of {result.draft ? 'the draft' : `version ${result.version}`} on order{' '}
            {result.order.orderNumber} ({result.order.status}):{' '}
            {plural(result.destinations.length, 'destination')}.
          </p>
        ) : null}
      </LiveStatus>
      {result ? <JsonView label="Routing dry run result" value={result.destinations} /> : null}
    </>
  );
}

/** The store's routing rules: the saved version, a validated save, and a dry run on an order. */
export function RoutingRulesPanel({ store }: { store: Store }) {
  const { api } = useSession();
  const [outcome, setOutcome] = useState('');
  const path = `/stores/${segment(store.id)}/routing-rules`;
  const saved = useResource(
    useCallback(
      (signal: AbortSignal) =>
        orNone(api.get<SavedRuleSet>(path, undefined, signal), 'no_routing_rules'),
      [api, path],
    ),
  );
  return (
    <section aria-labelledby="routing-rules">
      <h2 id="routing-rules">Routing rules</h2>
      <ProblemView problem={saved.problem} />
      <LiveStatus>{outcome ? <p>{outcome}</p> : null}</LiveStatus>
      {saved.data === undefined ? (
        saved.loading ? (
          <Loading what="routing rules" />
        ) : null
      ) : (
        <>
          <p className="muted">
            {saved.data
              ? `Version ${saved.data.version}, saved ${formatDateTime(saved.data.savedAt)}${saved.data.savedBy ? ` by ${saved.data.savedBy}` : ''}.`
              : 'No routing rules are saved yet: orders go out as they come.'}
          </p>
          <RoutingEditor
            key={saved.data?.version ?? 0}
            path={path}
            saved={saved.data}
            onSaved={(message) => {
              setOutcome(message);
              saved.reload();
            }}
          />
        </>
      )}
    </section>
  );
}
