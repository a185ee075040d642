import { useId, useState, type FormEvent } from 'react';
import type { Store } from '../api/types';
import { DataTable } from '../components/data-table';
import { LiveStatus, ProblemView } from '../components/feedback';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { saveFile } from '../lib/download';
import { plural } from '../lib/format';
import { printBody, withOrder, type PrintBody, type PrintMode } from '../lib/labels';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';
import { ConsignmentLookup } from './consignment-lookup';

interface PrintPlan {
  included: {
    orderNumber: string;
    carrierShipmentId: string;
    trackingNumbers: string[];
    label: string;
  }[];
  missing: { orderNumber: string; reason: string; message: string }[];
  truncated: boolean;
  nextSince: string | null;
}

/** Picks the labels, shows the dry run of the print, then downloads the PDF. */
export function LabelPrint({ store }: { store: Store }) {
  const { api } = useSession();
  const id = useId();
  const [mode, setMode] = useState<PrintMode>('orders');
  const [form, setForm] = useState({ orders: '', since: '', until: '' });
  const [note, setNote] = useState('');
  const [plan, setPlan] = useState<{ body: PrintBody; result: PrintPlan }>();
  const [printed, setPrinted] = useState('');
  const action = useAction();
  const path = `/stores/${segment(store.id)}/labels/print`;
  const input = printBody(mode, form);
  const current =
    input.ok && plan !== undefined && JSON.stringify(input.body) === JSON.stringify(plan.body);

  const dryRun = async (event: FormEvent) => {
    event.preventDefault();
    setPrinted('');
    setNote(input.ok ? '' : input.message);
    if (!input.ok) return;
    const result = await action.run(() => api.post<PrintPlan>(`${path}/dry-run`, input.body));
    setPlan(result ? { body: input.body, result } : undefined);
  };

  const print = async () => {
    if (!plan) return;
    const file = await action.run(() => api.download('POST', path, plan.body, 'labels.pdf'));
    if (!file) return;
    saveFile(file.blob, file.fileName);
    const included = file.headers.get('x-shiplink-labels-included') ?? '0';
    const missing = file.headers.get('x-shiplink-labels-missing') ?? '0';
    setPrinted(`Downloaded ${file.fileName}: ${included} labels, ${missing} missing.`);
  };

  const change = (field: keyof typeof form, value: string) => setForm({ ...form, [field]: value });
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Print labels</h2>
      <form onSubmit={(event) => void dryRun(event)}>
        <fieldset>
          <legend>Which labels</legend>
          <div className="field checkbox">
            <input
              id={`${id}-orders-mode`}
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'orders'}
              onChange={() => setMode('orders')}
            />
            <label htmlFor={`${id}-orders-mode`}>These orders</label>
          </div>
          <div className="field checkbox">
            <input
              id={`${id}-period-mode`}
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'period'}
              onChange={() => setMode('period')}
            />
            <label htmlFor={`${id}-period-mode`}>Every label made in a period</label>
          </div>
        </fieldset>
        {mode === 'orders' ? (
          <div className="field">
            <label htmlFor={`${id}-orders`}>Order numbers (one a line)</label>
            <textarea
              id={`${id}-orders`}
              rows={5}
              value={form.orders}
              onChange={(event) => change('orders', event.target.value)}
            />
          </div>
        ) : (
          <div className="inline-fields">
            <div className="field">
              <label htmlFor={`${id}-since`}>Made from</label>
              <input
                id={`${id}-since`}
                type="datetime-local"
                value={form.since}
                onChange={(event) => change('since', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-until`}>Made before (optional)</label>
              <input
                id={`${id}-until`}
                type="datetime-local"
                value={form.until}
                onChange={(event) => change('until', event.target.value)}
              />
            </div>
          </div>
        )}
        {note ? (
          <p className="field-error" role="alert">
            {note}
          </p>
        ) : null}
        <UnsafeButton type="submit" busy={action.busy}>
          Dry run print
        </UnsafeButton>
      </form>
      {mode === 'orders' ? (
        <ConsignmentLookup
          storeId={store.id}
          onAdd={(orderNumber) => change('orders', withOrder(form.orders, orderNumber))}
        />
      ) : null}
      <ProblemView problem={action.problem} />
      <LiveStatus>
        {plan ? (
          <p>
            The print would hold {plural(plan.result.included.length, 'label')};{' '}
            {plural(plan.result.missing.length, 'label')} missing.
            {plan.result.truncated
              ? ` More matched than one print holds: print again from ${plan.result.nextSince}.`
              : ''}
          </p>
        ) : null}
        {printed ? <p>{printed}</p> : null}
      </LiveStatus>
      {plan && plan.result.included.length > 0 ? (
        <DataTable caption="Labels in the print" rows={plan.result.included} />
      ) : null}
      {plan && plan.result.missing.length > 0 ? (
        <DataTable caption="Labels missing from the print" rows={plan.result.missing} />
      ) : null}
      {plan ? (
        <>
          {current ? null : (
            <p className="hint">The choice changed since the dry run: run it again to print.</p>
          )}
          <UnsafeButton
            className="primary"
            busy={action.busy}
            disabled={!current || plan.result.included.length === 0}
            onClick={() => void print()}
          >
            Print labels (PDF)
          </UnsafeButton>
        </>
      ) : null}
    </section>
  );
}
