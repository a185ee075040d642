import type { ActionContext } from './action-context';
import { customFieldsFrom, setCustomField } from './custom-fields';
import type { ActionOf } from './order-action-schemas';

/**
 * The order's own states, Custom Fields and sync info. Setting a state to the one it has is no
 * change: no message, and the version stays (when no other action of the request changes
 * anything). Messages: OrderStateChanged, OrderShipmentStateChanged, OrderPaymentStateChanged,
 * OrderCustomTypeSet / OrderCustomTypeRemoved, OrderCustomFieldAdded / Changed / Removed.
 */

export function changeOrderState(ctx: ActionContext, action: ActionOf<'changeOrderState'>): void {
  const old = ctx.order.orderState;
  if (old === action.orderState) return;
  ctx.order.orderState = action.orderState;
  ctx.emit('OrderStateChanged', { orderState: action.orderState, oldOrderState: old });
}

/** changeShipmentState: sets, or (omitted) removes, the order's shipment state. */
export function changeShipmentState(
  ctx: ActionContext,
  action: ActionOf<'changeShipmentState'>,
): void {
  const old = ctx.order.shipmentState;
  if (old === action.shipmentState) return;
  if (action.shipmentState) ctx.order.shipmentState = action.shipmentState;
  else delete ctx.order.shipmentState;
  ctx.emit('OrderShipmentStateChanged', {
    ...(action.shipmentState ? { shipmentState: action.shipmentState } : {}),
    ...(old ? { oldShipmentState: old } : {}),
  });
}

/** changePaymentState: sets, or (omitted) removes, the order's payment state. */
export function changePaymentState(
  ctx: ActionContext,
  action: ActionOf<'changePaymentState'>,
): void {
  const old = ctx.order.paymentState;
  if (old === action.paymentState) return;
  if (action.paymentState) ctx.order.paymentState = action.paymentState;
  else delete ctx.order.paymentState;
  ctx.emit('OrderPaymentStateChanged', {
    ...(action.paymentState ? { paymentState: action.paymentState } : {}),
    ...(old ? { oldPaymentState: old } : {}),
  });
}

/** setCustomType: the order's Custom Fields of a Type meant for `order`, or none. */
export function setCustomType(ctx: ActionContext, action: ActionOf<'setCustomType'>): void {
  const previousTypeId = ctx.order.custom?.type.id;
  if (!action.type) {
    if (!ctx.order.custom) return;
    delete ctx.order.custom;
    ctx.emit('OrderCustomTypeRemoved', { previousTypeId });
    return;
  }
  const custom = customFieldsFrom(
    ctx.project,
    { type: action.type, fields: action.fields },
    'order',
  );
  ctx.order.custom = custom;
  ctx.emit('OrderCustomTypeSet', {
    customFields: structuredClone(custom),
    ...(previousTypeId !== undefined ? { previousTypeId } : {}),
  });
}

/** setCustomField: one order Custom Field set or (value omitted) removed. */
export function setOrderCustomField(ctx: ActionContext, action: ActionOf<'setCustomField'>): void {
  const change = setCustomField(ctx.project, ctx.order.custom, action.name, action.value);
  switch (change.kind) {
    case 'added':
      return ctx.emit('OrderCustomFieldAdded', { name: action.name, value: change.value });
    case 'changed':
      return ctx.emit('OrderCustomFieldChanged', {
        name: action.name,
        value: change.value,
        previousValue: change.previousValue,
      });
    case 'removed':
      return ctx.emit('OrderCustomFieldRemoved', { name: action.name });
    case 'none':
      return;
  }
}

/**
 * The simulator models no Channels: a channel named by key gets a stable made-up id, and the
 * `OrderExport`/`OrderImport` role the platform requires is taken for granted.
 */
export function updateSyncInfo(ctx: ActionContext, action: ActionOf<'updateSyncInfo'>): void {
  const channelId = action.channel.id ?? ctx.project.idFor('channel', action.channel.key ?? '');
  ctx.order.syncInfo.push({
    channel: { typeId: 'channel', id: channelId },
    ...(action.externalId !== undefined ? { externalId: action.externalId } : {}),
    syncedAt: action.syncedAt ? new Date(action.syncedAt).toISOString() : ctx.now,
  });
  ctx.touch();
}
