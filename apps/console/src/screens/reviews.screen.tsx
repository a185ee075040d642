import { useCallback, useEffect, useState } from 'react';
import type { Review, SkuMapping, Store } from '../api/types';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { ScreenHeading } from '../components/screen-heading';
import { TableWrap } from '../components/table-wrap';
import { useAction } from '../hooks/use-action';
import { useResource } from '../hooks/use-resource';
import { formatDateTime, NONE, plural } from '../lib/format';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';
import { ReviewRow, type Settling } from './review-row';

/** How often, and how many times, the list is read again while re-imported orders settle. */
const SETTLE_EVERY_MS = 1_000;
const SETTLE_TRIES = 15;

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'released', label: 'Released' },
  { value: '', label: 'All' },
] as const;

/** Orders held for review (unknown SKUs, carrier or tracking problems), resolved in place. */
export function ReviewsScreen({ store }: { store: Store }) {
  const { api } = useSession();
  const [status, setStatus] = useState<string>('open');
  const [outcome, setOutcome] = useState('');
  const action = useAction();
  const base = `/stores/${segment(store.id)}`;
  const reviews = useResource(
    useCallback(
      (signal: AbortSignal) => api.get<Review[]>(`${base}/reviews`, { status }, signal),
      [api, base, status],
    ),
  );
  const mappings = useResource(
    useCallback(
      (signal: AbortSignal) => api.get<SkuMapping[]>(`${base}/sku-mappings`, undefined, signal),
      [api, base],
    ),
  );

  // A mapping or a retry re-imports orders in the background: the list follows until they left.
  const [settling, setSettling] = useState<{ waiting: Settling; left: number }>();
  const { data: shown, loading, reload } = reviews;
  useEffect(() => {
    if (!settling || loading) return;
    const waiting = (shown ?? []).some(settling.waiting);
    const timer = setTimeout(
      () => {
        if (!waiting || settling.left <= 1) return setSettling(undefined);
        setSettling({ ...settling, left: settling.left - 1 });
        reload();
      },
      waiting ? SETTLE_EVERY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [settling, shown, loading, reload]);

  const done = (message: string, waiting?: Settling) => {
    setOutcome(message);
    setSettling(waiting ? { waiting, left: SETTLE_TRIES } : undefined);
    reviews.reload();
    mappings.reload();
  };

  const list = reviews.data ?? [];
  return (
    <>
      <ScreenHeading title="Reviews">
        <p className="muted">{store.name}</p>
      </ScreenHeading>
      <div className="field inline">
        <label htmlFor="review-status">Status</label>
        <select id="review-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {STATUSES.map((each) => (
            <option key={each.value} value={each.value}>
              {each.label}
            </option>
          ))}
        </select>
      </div>
      <ProblemView problem={reviews.problem ?? action.problem} />
      <LiveStatus>
        {reviews.loading ? <Loading what="reviews" /> : null}
        {outcome ? <p>{outcome}</p> : null}
      </LiveStatus>
      {reviews.data ? (
        <TableWrap label="Reviews">
          <table>
            <caption>{plural(list.length, 'review')}</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Reason</th>
                <th scope="col">Waiting for</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">Resolve</th>
              </tr>
            </thead>
            <tbody>
              {list.map((review) => (
                <ReviewRow
                  key={review.id}
                  review={review}
                  storeId={store.id}
                  action={action}
                  onDone={done}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <section aria-labelledby="sku-mappings">
        <h2 id="sku-mappings">SKU mappings</h2>
        <ProblemView problem={mappings.problem} />
        {mappings.data && mappings.data.length === 0 ? <p>No SKU mappings yet.</p> : null}
        {mappings.data && mappings.data.length > 0 ? (
          <TableWrap label="SKU mappings">
            <table>
              <caption>{plural(mappings.data.length, 'mapping')}</caption>
              <thead>
                <tr>
                  <th scope="col">Store SKU</th>
                  <th scope="col">Fulfilment SKU</th>
                  <th scope="col">Source</th>
                  <th scope="col">Mapped by</th>
                  <th scope="col">Mapped</th>
                </tr>
              </thead>
              <tbody>
                {mappings.data.map((mapping) => (
                  <tr key={`${mapping.connectionId}:${mapping.storeSku}`}>
                    <td>{mapping.storeSku}</td>
                    <td>{mapping.fulfilmentSku}</td>
                    <td>{mapping.source}</td>
                    <td>{mapping.mappedBy ?? NONE}</td>
                    <td>{formatDateTime(mapping.mappedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}
