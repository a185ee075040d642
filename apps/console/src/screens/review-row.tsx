import { useState, type FormEvent } from 'react';
import type { Review } from '../api/types';
import { UnsafeButton } from '../components/unsafe-button';
import type { Action } from '../hooks/use-action';
import { formatDateTime, words } from '../lib/format';
import { actorName } from '../lib/principal';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';

/** Reviews a change just sent on their way: open until the re-import releases them. */
export type Settling = (review: Review) => boolean;

/** Maps one store SKU to the SKU the fulfilment system knows the product by. */
function MapSkuForm(props: {
  sku: string;
  storeId: string;
  action: Action;
  onDone: (message: string, waiting: Settling) => void;
}) {
  const { api, principal } = useSession();
  const [fulfilmentSku, setFulfilmentSku] = useState('');
  const id = `map-${props.storeId}-${props.sku}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/stores/${segment(props.storeId)}/sku-mappings/${segment(props.sku)}`;
    const answer = await props.action.run(() =>
      api.put<{ ordersRequeued: number }>(path, { fulfilmentSku, by: actorName(principal) }),
    );
    if (answer) {
      props.onDone(
        `SKU ${props.sku} mapped to ${fulfilmentSku}: ${answer.ordersRequeued} waiting orders imported again.`,
        (review) => review.status === 'open' && review.skus.includes(props.sku),
      );
    }
  };
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>Fulfilment SKU for {props.sku}</label>
      <input
        id={id}
        required
        value={fulfilmentSku}
        onChange={(event) => setFulfilmentSku(event.target.value)}
      />
      <UnsafeButton type="submit" busy={props.action.busy} aria-label={`Map SKU ${props.sku}`}>
        Map SKU
      </UnsafeButton>
    </form>
  );
}

/** One review: what the order waits for, and the ways a person resolves it. */
export function ReviewRow(props: {
  review: Review;
  storeId: string;
  action: Action;
  onDone: (message: string, waiting?: Settling) => void;
}) {
  const { api, principal } = useSession();
  const { review, action, onDone } = props;
  const path = `/reviews/${segment(review.id)}`;
  const retry = async () => {
    const answer = await action.run(() => api.post(`${path}/retry`, { by: actorName(principal) }));
    if (answer) {
      onDone(
        `Order ${review.orderNumber} is being imported again.`,
        (each) => each.id === review.id && each.status === 'open',
      );
    }
  };
  const dismiss = async () => {
    const answer = await action.run(() =>
      api.post(`${path}/dismiss`, { by: actorName(principal) }),
    );
    if (answer) onDone(`The review of order ${review.orderNumber} was dismissed.`);
  };
  return (
    <tr>
      <th scope="row">{review.orderNumber}</th>
      <td>{words(review.reason)}</td>
      <td>
        {review.details ? <p>{review.details}</p> : null}
        {review.skus.length > 0 ? <p>SKUs: {review.skus.join(', ')}</p> : null}
      </td>
      <td>{formatDateTime(review.createdAt)}</td>
      <td>
        {review.status}
        {review.resolvedBy ? ` by ${review.resolvedBy}` : ''}
      </td>
      <td>
        {review.status === 'open'
          ? review.skus.map((sku) => (
              <MapSkuForm
                key={sku}
                sku={sku}
                storeId={props.storeId}
                action={action}
                onDone={onDone}
              />
            ))
          : null}
        <div className="actions">
          {review.status !== 'released' ? (
            <UnsafeButton
              busy={action.busy}
              onClick={() => void retry()}
              aria-label={`Retry order ${review.orderNumber}`}
            >
              Retry
            </UnsafeButton>
          ) : null}
          {review.status === 'open' ? (
            <UnsafeButton
              busy={action.busy}
              onClick={() => void dismiss()}
              aria-label={`Dismiss order ${review.orderNumber}`}
            >
              Dismiss
            </UnsafeButton>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
