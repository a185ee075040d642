import type { StoreReturn } from '@shiplink/domain';
import type { UpdateAction } from './client';
import type { CommercetoolsOrder } from './schemas';

const keyOf = (returnRef: string, lineItemId: string) =>
  `shiplink-return-${returnRef}-${lineItemId}`.slice(0, 256);

/**
 * The actions that record a hub return as the order's return info: once (its items are keyed by
 * the return and line), as Advised until the goods are back and Returned from then on.
 */
export function planReturnWrites(order: CommercetoolsOrder, record: StoreReturn): UpdateAction[] {
  const stored = new Map(
    order.returnInfo.flatMap((info) => info.items.map((item) => [item.key ?? '', item] as const)),
  );
  const lines = new Set(order.lineItems.map((line) => line.id));
  const state = record.receivedAt ? 'Returned' : 'Advised';
  const wanted = record.items.filter((item) => lines.has(item.lineRef) && item.quantity > 0);
  const added = wanted
    .filter((item) => !stored.has(keyOf(record.returnRef, item.lineRef)))
    .map((item) => ({
      key: keyOf(record.returnRef, item.lineRef),
      lineItemId: item.lineRef,
      quantity: item.quantity,
      shipmentState: state,
      comment: item.restock ? 'Returned; goes back to stock' : 'Returned; not sellable',
    }));
  const received: UpdateAction[] = record.receivedAt
    ? wanted.flatMap((item) => {
        const known = stored.get(keyOf(record.returnRef, item.lineRef));
        return known && known.shipmentState === 'Advised'
          ? [
              {
                action: 'setReturnShipmentState',
                returnItemId: known.id,
                shipmentState: 'Returned',
              },
            ]
          : [];
      })
    : [];
  if (added.length === 0) return received;
  return [
    {
      action: 'addReturnInfo',
      items: added,
      ...(record.trackingNumber ? { returnTrackingId: record.trackingNumber } : {}),
      ...(record.receivedAt ? { returnDate: record.receivedAt } : {}),
    },
    ...received,
  ];
}
