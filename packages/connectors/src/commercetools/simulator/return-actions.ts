import { randomUUID } from 'node:crypto';
import type { ActionContext } from './action-context';
import { customFieldsFrom } from './custom-fields';
import { invalidInput, invalidOperation } from './errors';
import type { ActionOf } from './order-action-schemas';
import type { Order, ReturnItem } from './records';

/**
 * Returns. A ReturnItem starts `Advised` (payment `NonRefundable`) or `Returned` (payment
 * `Initial`), as ReturnItem's reference says; setReturnShipmentState only moves a `Returned`
 * item on to `BackInStock` or `Unusable`. Messages: ReturnInfoAdded,
 * OrderReturnShipmentStateChanged (setReturnPaymentState has none).
 */

function findReturnItem(
  order: Order,
  ref: { returnItemId?: string; returnItemKey?: string },
): ReturnItem {
  if (ref.returnItemId === undefined && ref.returnItemKey === undefined) {
    throw invalidInput('Either returnItemId or returnItemKey must be provided.');
  }
  for (const info of order.returnInfo) {
    const item = info.items.find((candidate) =>
      ref.returnItemId !== undefined
        ? candidate.id === ref.returnItemId
        : candidate.key === ref.returnItemKey,
    );
    if (item) return item;
  }
  throw invalidOperation(
    `A return item with ${ref.returnItemId !== undefined ? `ID '${ref.returnItemId}'` : `key '${ref.returnItemKey}'`} does not exist.`,
  );
}

/** addReturnInfo: one return with its items. */
export function addReturnInfo(ctx: ActionContext, action: ActionOf<'addReturnInfo'>): void {
  const items = action.items.map((draft): ReturnItem => {
    if (draft.shipmentState !== 'Advised' && draft.shipmentState !== 'Returned') {
      throw invalidInput(
        `A return item can only be created as 'Advised' or 'Returned', not '${draft.shipmentState}'.`,
      );
    }
    if (draft.lineItemId === undefined) {
      throw invalidInput('A return item needs a lineItemId (the order has no custom line items).');
    }
    if (!ctx.order.lineItems.some((line) => line.id === draft.lineItemId)) {
      throw invalidOperation(`The order has no line item with ID '${draft.lineItemId}'.`);
    }
    return {
      type: 'LineItemReturnItem',
      id: randomUUID(),
      ...(draft.key !== undefined ? { key: draft.key } : {}),
      quantity: draft.quantity,
      lineItemId: draft.lineItemId,
      ...(draft.comment !== undefined ? { comment: draft.comment } : {}),
      shipmentState: draft.shipmentState,
      paymentState: draft.shipmentState === 'Advised' ? 'NonRefundable' : 'Initial',
      ...(draft.custom
        ? { custom: customFieldsFrom(ctx.project, draft.custom, 'order-return-item') }
        : {}),
      createdAt: ctx.now,
      lastModifiedAt: ctx.now,
    };
  });
  const returnInfo = {
    items,
    ...(action.returnTrackingId !== undefined ? { returnTrackingId: action.returnTrackingId } : {}),
    returnDate: action.returnDate ? new Date(action.returnDate).toISOString() : ctx.now,
  };
  ctx.order.returnInfo.push(returnInfo);
  ctx.emit('ReturnInfoAdded', { returnInfo: structuredClone(returnInfo) });
}

/** setReturnShipmentState: a returned item back in stock or unusable. */
export function setReturnShipmentState(
  ctx: ActionContext,
  action: ActionOf<'setReturnShipmentState'>,
): void {
  const item = findReturnItem(ctx.order, action);
  if (item.shipmentState === action.shipmentState) return;
  const allowed =
    item.shipmentState === 'Returned' &&
    (action.shipmentState === 'BackInStock' || action.shipmentState === 'Unusable');
  if (!allowed) {
    throw invalidOperation(
      `The return item's shipment state cannot change from '${item.shipmentState}' to '${action.shipmentState}'.`,
    );
  }
  item.shipmentState = action.shipmentState;
  item.lastModifiedAt = ctx.now;
  ctx.emit('OrderReturnShipmentStateChanged', {
    returnItemId: item.id,
    returnShipmentState: action.shipmentState,
  });
}

/** setReturnPaymentState: a return item's payment state. */
export function setReturnPaymentState(
  ctx: ActionContext,
  action: ActionOf<'setReturnPaymentState'>,
): void {
  const item = findReturnItem(ctx.order, action);
  if (item.paymentState === action.paymentState) return;
  item.paymentState = action.paymentState;
  item.lastModifiedAt = ctx.now;
  ctx.touch();
}
