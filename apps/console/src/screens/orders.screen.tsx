import { useCallback, useId, useState, type FormEvent } from 'react';
import type { OrderHit } from '../api/types';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { Link } from '../components/link';
import { ScreenHeading } from '../components/screen-heading';
import { TableWrap } from '../components/table-wrap';
import { useResource } from '../hooks/use-resource';
import { BASE, navigate } from '../hooks/use-route';
import { formatDateTime, NONE, plural, words } from '../lib/format';
import { queryString } from '../lib/query';
import { href } from '../lib/routes';
import { useSession } from '../session/session-context';

/** Finds orders by number, customer e-mail or tracking number; each opens its story. */
export function OrdersScreen({ query }: { query: string }) {
  const { api, store } = useSession();
  const id = useId();
  const [text, setText] = useState(query);
  const [onlyStore, setOnlyStore] = useState(false);
  const storeId = onlyStore ? store?.id : undefined;
  const load = useCallback(
    (signal: AbortSignal) =>
      api.get<{ items: OrderHit[] }>('/orders/search', { q: query, storeId }, signal),
    [api, query, storeId],
  );
  const results = useResource(query === '' ? null : load);

  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${href(BASE, 'orders')}${queryString({ q: text.trim() })}`);
  };

  const items = results.data?.items ?? [];
  return (
    <>
      <ScreenHeading title="Orders" />
      <form role="search" onSubmit={search} className="search">
        <div className="field">
          <label htmlFor={`${id}-q`}>Order number, e-mail or tracking number</label>
          <input
            id={`${id}-q`}
            type="search"
            required
            maxLength={200}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        {store ? (
          <div className="field checkbox">
            <input
              id={`${id}-store`}
              type="checkbox"
              checked={onlyStore}
              onChange={(event) => setOnlyStore(event.target.checked)}
            />
            <label htmlFor={`${id}-store`}>Only in {store.name}</label>
          </div>
        ) : null}
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ProblemView problem={results.problem} />
      <LiveStatus>
        {results.loading ? <Loading what="orders" /> : null}
        {results.data && !results.loading ? <p>{plural(items.length, 'order')} found.</p> : null}
      </LiveStatus>
      {items.length > 0 ? (
        <TableWrap label="Orders found">
          <table>
            <caption>Orders matching “{query}”</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Store</th>
                <th scope="col">Status</th>
                <th scope="col">Customer</th>
                <th scope="col">Placed</th>
                <th scope="col">Matched by</th>
              </tr>
            </thead>
            <tbody>
              {items.map((hit) => (
                <tr key={`${hit.storeId}:${hit.orderNumber}`}>
                  <th scope="row">
                    <Link to={href(BASE, 'orders', hit.storeId, hit.orderNumber)}>
                      {hit.orderNumber}
                    </Link>
                  </th>
                  <td>{hit.storeName}</td>
                  <td>{words(hit.status)}</td>
                  <td>{hit.customerEmailMasked ?? NONE}</td>
                  <td>{formatDateTime(hit.placedAt)}</td>
                  <td>{words(hit.matchedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
