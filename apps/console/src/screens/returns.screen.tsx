import { useCallback, useId, useState } from 'react';
import type { ReturnRecord, Store } from '../api/types';
import { ConfirmPanel } from '../components/confirm-panel';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { ScreenHeading } from '../components/screen-heading';
import { TableWrap } from '../components/table-wrap';
import { UnsafeButton } from '../components/unsafe-button';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import { formatDateTime, NONE, plural, words } from '../lib/format';
import { actorName } from '../lib/principal';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';

const REFUND_STATES = [
  'awaiting_approval',
  'approved',
  'issuing',
  'issued',
  'failed',
  'not_refunded',
];

type Decision = { kind: 'approve' | 'reject'; item: ReturnRecord };

const itemsText = (item: ReturnRecord) =>
  item.items.map((line) => `${line.quantity} × ${line.sku}`).join(', ') || NONE;

/** Returns by refund state; a refund awaiting approval is approved or rejected here. */
export function ReturnsScreen({ store }: { store: Store }) {
  const { api, principal } = useSession();
  const id = useId();
  const [refundState, setRefundState] = useState('awaiting_approval');
  const [decision, setDecision] = useState<Decision>();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const action = useAction();
  const returns = useResource(
    useCallback(
      (signal: AbortSignal) =>
        api.get<ReturnRecord[]>(`/stores/${segment(store.id)}/returns`, { refundState }, signal),
      [api, store.id, refundState],
    ),
  );

  const decide = async () => {
    if (!decision) return;
    const { kind, item } = decision;
    const by = actorName(principal);
    const path = `/returns/${segment(item.id)}/${kind === 'approve' ? 'approve' : 'decline'}`;
    const body =
      kind === 'approve' ? { by } : { by, ...(note.trim() ? { note: note.trim() } : {}) };
    const done = await action.run(() => api.post(path, body));
    setDecision(undefined);
    setNote('');
    if (done) {
      setOutcome(
        kind === 'approve'
          ? `The refund for return ${item.sourceRef} was approved; it is being issued.`
          : `The refund for return ${item.sourceRef} was rejected.`,
      );
      returns.reload();
    }
  };

  const list = returns.data ?? [];
  return (
    <>
      <ScreenHeading title="Returns">
        <p className="muted">{store.name}</p>
      </ScreenHeading>
      <div className="field inline">
        <label htmlFor={`${id}-state`}>Refund state</label>
        <select
          id={`${id}-state`}
          value={refundState}
          onChange={(e) => setRefundState(e.target.value)}
        >
          {REFUND_STATES.map((state) => (
            <option key={state} value={state}>
              {words(state)}
            </option>
          ))}
        </select>
      </div>
      <ProblemView problem={returns.problem ?? action.problem} />
      <LiveStatus>
        {returns.loading ? <Loading what="returns" /> : null}
        {returns.data && !returns.loading ? <p>{plural(list.length, 'return')}.</p> : null}
        {outcome ? <p>{outcome}</p> : null}
      </LiveStatus>
      {decision ? (
        <ConfirmPanel
          title={`${decision.kind === 'approve' ? 'Approve' : 'Reject'} the refund for return ${decision.item.sourceRef}?`}
          confirmLabel={decision.kind === 'approve' ? 'Confirm approval' : 'Confirm rejection'}
          busy={action.busy}
          onConfirm={() => void decide()}
          onCancel={() => setDecision(undefined)}
        >
          <p>
            {decision.kind === 'approve'
              ? `The customer is refunded ${decision.item.refundTotal ?? 'the returned items'} once, through the store.`
              : 'Nothing is refunded through Shiplink; the store can still refund by hand.'}
          </p>
          {decision.kind === 'reject' ? (
            <div className="field">
              <label htmlFor={`${id}-note`}>Reason for rejecting (optional)</label>
              <textarea
                id={`${id}-note`}
                rows={3}
                maxLength={500}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            </div>
          ) : null}
        </ConfirmPanel>
      ) : null}
      {returns.data ? (
        <TableWrap label="Returns">
          <table>
            <caption>Returns: {words(refundState)}</caption>
            <thead>
              <tr>
                <th scope="col">Return</th>
                <th scope="col">Items</th>
                <th scope="col">Reason</th>
                <th scope="col">State</th>
                <th scope="col">Refund</th>
                <th scope="col">Reported</th>
                <th scope="col">Decide</th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    {item.sourceRef} <span className="muted">({item.source})</span>
                  </th>
                  <td>{itemsText(item)}</td>
                  <td>{item.reason ?? NONE}</td>
                  <td>
                    {item.state}
                    {item.trackingNumber ? ` · ${item.trackingNumber}` : ''}
                  </td>
                  <td>
                    {words(item.refundState)}
                    {item.refundTotal ? ` · ${item.refundTotal}` : ''}
                    {item.refundNote ? ` · ${item.refundNote}` : ''}
                  </td>
                  <td>{formatDateTime(item.createdAt)}</td>
                  <td>
                    {item.refundState === 'awaiting_approval' ? (
                      <div className="actions">
                        <UnsafeButton
                          aria-label={`Approve refund for return ${item.sourceRef}`}
                          onClick={() => setDecision({ kind: 'approve', item })}
                        >
                          Approve refund
                        </UnsafeButton>
                        <UnsafeButton
                          aria-label={`Reject refund for return ${item.sourceRef}`}
                          onClick={() => setDecision({ kind: 'reject', item })}
                        >
                          Reject refund
                        </UnsafeButton>
                      </div>
                    ) : (
                      (item.approvedBy ?? NONE)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
