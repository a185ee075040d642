import { useCallback, useId, useState, type FormEvent } from 'react';
import { orNone } from '../../api/problem';
import type { SavedRuleSet, Store } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { LiveStatus, Loading, ProblemView } from '../../components/feedback';
import { JsonEditor } from '../../components/json-editor';
import { JsonView } from '../../components/json-view';
import { UnsafeButton } from '../../components/unsafe-button';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { formatDateTime, plural } from '../../lib/format';
import { editableRateRules, parseJsonText, prettyJson } from '../../lib/json-text';
import { actorName } from '../../lib/principal';
import { segment } from '../../lib/query';
import { recordRows } from '../../lib/table';
import { useSession } from '../../session/session-context';

/** A cart as BigCommerce's checkout asks for rates: one 500 g mug to a Helsinki address. */
const SAMPLE_CART = {
  base_options: {
    destination: {
      zip: '00100',
      city: 'Helsinki',
      country_iso2: 'FI',
      address_type: 'RESIDENTIAL',
    },
    items: [
      {
        sku: 'MUG',
        quantity: 1,
        weight: { units: 'g', value: 500 },
        discounted_price: { currency: 'EUR', amount: '12.50' },
      },
    ],
  },
};

function RatesEditor(props: {
  path: string;
  saved: SavedRuleSet | null;
  onSaved: (m: string) => void;
}) {
  const { api, principal } = useSession();
  const id = useId();
  const [text, setText] = useState(() => prettyJson(editableRateRules(props.saved?.rules)));
  const [cart, setCart] = useState(() => prettyJson(SAMPLE_CART));
  const [language, setLanguage] = useState('');
  const [result, setResult] = useState<Record<string, unknown>>();
  const save = useAction();
  const dryRun = useAction();

  const submitSave = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonText(text);
    if (!parsed.ok) return;
    const answer = await save.run(() =>
      api.put<{ version: number }>(props.path, { rules: parsed.value, by: actorName(principal) }),
    );
    if (answer) props.onSaved(`Rate rules saved as version ${answer.version}.`);
  };

  const submitDryRun = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonText(cart);
    if (!parsed.ok) return;
    const body = { rateRequest: parsed.value, ...(language ? { language } : {}) };
    setResult(
      await dryRun.run(() => api.post<Record<string, unknown>>(`${props.path}/dry-run`, body)),
    );
  };

  const quotes = recordRows(result?.quotes);
  return (
    <>
      <form onSubmit={(event) => void submitSave(event)}>
        <JsonEditor
          label="Rate rules (JSON)"
          hint="The rule set without storeId and version, which the hub sets: currency, zones, services and their prices."
          value={text}
          onChange={setText}
          problem={save.problem}
        />
        <ProblemView problem={save.problem} details={false} />
        <UnsafeButton type="submit" className="primary" busy={save.busy}>
          Save rate rules
        </UnsafeButton>
      </form>
      <form onSubmit={(event) => void submitDryRun(event)} aria-labelledby={`${id}-dry`}>
        <h3 id={`${id}-dry`}>Dry run against a sample cart</h3>
        <p className="hint">A dry run uses the saved rules: save a change first.</p>
        <JsonEditor
          label="Sample cart (rate request JSON)"
          value={cart}
          onChange={setCart}
          problem={dryRun.problem}
          rows={10}
        />
        <div className="field">
          <label htmlFor={`${id}-language`}>Language (optional, e.g. fi)</label>
          <input
            id={`${id}-language`}
            maxLength={10}
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
          />
        </div>
        <UnsafeButton type="submit" busy={dryRun.busy}>
          Dry run rates
        </UnsafeButton>
      </form>
      <ProblemView problem={dryRun.problem} details={false} />
      <LiveStatus>
        {result ? <p>Checkout would show {plural(quotes?.length ?? 0, 'rate')}.</p> : null}
      </LiveStatus>
      {quotes ? <DataTable caption="Rates checkout would show" rows={quotes} /> : null}
      {result ? <JsonView label="Rate dry run result" value={result} /> : null}
    </>
  );
}

/** The store's checkout rate rules: the saved version, a validated save, and a dry run. */
export function RateRulesPanel({ store }: { store: Store }) {
  const { api } = useSession();
  const [outcome, setOutcome] = useState('');
  const path = `/stores/${segment(store.id)}/rate-rules`;
  const saved = useResource(
    useCallback(
      (signal: AbortSignal) =>
        orNone(api.get<SavedRuleSet>(path, undefined, signal), 'no_rate_rules'),
      [api, path],
    ),
  );
  return (
    <section aria-labelledby="rate-rules">
      <h2 id="rate-rules">Checkout rate rules</h2>
      <ProblemView problem={saved.problem} />
      <LiveStatus>{outcome ? <p>{outcome}</p> : null}</LiveStatus>
      {saved.data === undefined ? (
        saved.loading ? (
          <Loading what="rate rules" />
        ) : null
      ) : (
        <>
          <p className="muted">
            {saved.data
              ? `Version ${saved.data.version}, saved ${formatDateTime(saved.data.savedAt)}${saved.data.savedBy ? ` by ${saved.data.savedBy}` : ''}.`
              : 'No rate rules are saved yet: checkout gets no rates from Shiplink.'}
          </p>
          <RatesEditor
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
