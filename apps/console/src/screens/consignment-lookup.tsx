import { useId, useState, type FormEvent } from 'react';
import { LiveStatus, ProblemView } from '../components/feedback';
import { TableWrap } from '../components/table-wrap';
import { useAction } from '../hooks/use-action';
import { formatDateTime, plural, words } from '../lib/format';
import { segment } from '../lib/query';
import { useSession } from '../session/session-context';

interface Consignment {
  id: string;
  orderNumber: string;
  status: string;
  serviceName: string;
  parcels: { trackingNumber: string }[];
  hasLabel: boolean;
  labelError: string | null;
  error: string | null;
  createdAt: string;
}

/** One order's consignments, to see their labels before adding the order to a print. */
export function ConsignmentLookup(props: {
  storeId: string;
  onAdd: (orderNumber: string) => void;
}) {
  const { api } = useSession();
  const id = useId();
  const [orderNumber, setOrderNumber] = useState('');
  const [found, setFound] = useState<{ orderNumber: string; items: Consignment[] }>();
  const action = useAction();
  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = orderNumber.trim();
    const path = `/stores/${segment(props.storeId)}/orders/${segment(wanted)}/carrier-shipments`;
    const items = await action.run(() => api.get<Consignment[]>(path));
    setFound(items ? { orderNumber: wanted, items } : undefined);
  };
  return (
    <div className="card">
      <form onSubmit={(event) => void lookUp(event)} className="inline-form">
        <label htmlFor={`${id}-order`}>Order number</label>
        <input
          id={`${id}-order`}
          required
          maxLength={100}
          value={orderNumber}
          onChange={(event) => setOrderNumber(event.target.value)}
        />
        <button type="submit" disabled={action.busy}>
          Show consignments
        </button>
      </form>
      <ProblemView problem={action.problem} />
      <LiveStatus>
        {found ? (
          <p>
            Order {found.orderNumber} has {plural(found.items.length, 'consignment')}.
          </p>
        ) : null}
      </LiveStatus>
      {found && found.items.length > 0 ? (
        <>
          <TableWrap label={`Consignments of order ${found.orderNumber}`}>
            <table>
              <caption>Consignments of order {found.orderNumber}</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Status</th>
                  <th scope="col">Tracking numbers</th>
                  <th scope="col">Label</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {found.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{item.serviceName}</th>
                    <td>
                      {words(item.status)}
                      {item.error ? ` · ${item.error}` : ''}
                    </td>
                    <td>{item.parcels.map((parcel) => parcel.trackingNumber).join(', ')}</td>
                    <td>
                      {item.hasLabel ? 'Stored' : 'Fetched from the carrier when printed'}
                      {item.labelError ? ` · ${item.labelError}` : ''}
                    </td>
                    <td>{formatDateTime(item.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <button type="button" onClick={() => props.onAdd(found.orderNumber)}>
            Add order {found.orderNumber} to the print
          </button>
        </>
      ) : null}
    </div>
  );
}
