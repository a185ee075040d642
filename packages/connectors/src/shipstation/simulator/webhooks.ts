import { randomUUID } from 'node:crypto';
import { WebhookSender } from '../../simulator-kit/webhook-sender';
import type { ShipStationOrderStatus } from '../schemas';
import type { ShipStationState, SimOrder } from './state';

/**
 * ShipStation V1 documents no retry policy; the simulator retries a few times so a receiver that
 * is down for a moment still gets the event, and tests can shorten the schedule.
 */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [2_000, 10_000, 30_000];

/** The pointer SHIP_NOTIFY carries: a shipments query for the label batch. */
export function shipNotifyResourceUrl(state: ShipStationState, batchId: number): string {
  return `${state.publicUrl}/shipments?batchId=${batchId}&includeShipmentItems=False`;
}

/**
 * One SHIP_NOTIFY per label action (a single label or a whole batch) to every SHIP_NOTIFY
 * subscription of the account; a subscription with a store id only hears about that store.
 */
export function notifyShipped(
  state: ShipStationState,
  sender: WebhookSender,
  account: string,
  batchId: number,
  storeIds: (number | null)[],
): string[] {
  const resourceUrl = shipNotifyResourceUrl(state, batchId);
  const body = JSON.stringify({ resource_url: resourceUrl, resource_type: 'SHIP_NOTIFY' });
  const sent: string[] = [];
  for (const hook of state.webhooks.values()) {
    if (hook.account !== account || hook.event !== 'SHIP_NOTIFY') continue;
    if (hook.storeId !== null && !storeIds.includes(hook.storeId)) continue;
    const id = `ship-notify-${batchId}-${hook.id}`;
    sender.send({ id, url: hook.targetUrl, event: 'SHIP_NOTIFY', body, headers: {} });
    sent.push(id);
  }
  return sent;
}

/**
 * Whether an order change is one ORDER_NOTIFY reports (help center): a new order in any status
 * but awaiting_payment, or an order leaving awaiting_payment for anything but cancelled.
 */
export function announcesOrder(
  before: ShipStationOrderStatus | undefined,
  after: ShipStationOrderStatus,
): boolean {
  if (before === undefined) return after !== 'awaiting_payment';
  return before === 'awaiting_payment' && after !== 'awaiting_payment' && after !== 'cancelled';
}

export function ordersResourceUrl(state: ShipStationState, importBatch: string): string {
  return `${state.publicUrl}/orders?importBatch=${importBatch}`;
}

export interface OrderNotice {
  importBatch: string;
  resourceUrl: string;
  deliveries: string[];
}

/**
 * Records the orders as one import batch (listed by `GET /orders?importBatch=`) and sends ONE
 * `event` webhook for it to the account's subscriptions of that event; a subscription with a
 * store id only hears about batches with an order of that store.
 */
export function notifyOrders(
  state: ShipStationState,
  sender: WebhookSender,
  event: 'ORDER_NOTIFY' | 'FULFILLMENT_REJECTED',
  orders: SimOrder[],
): OrderNotice {
  const importBatch = randomUUID();
  const account = orders[0]?.account ?? '';
  state.importBatches.set(importBatch, {
    id: importBatch,
    account,
    orderIds: orders.map((order) => order.orderId),
  });
  const resourceUrl = ordersResourceUrl(state, importBatch);
  const body = JSON.stringify({ resource_url: resourceUrl, resource_type: event });
  const storeIds = orders.map((order) => order.input.advancedOptions?.storeId ?? null);
  const deliveries: string[] = [];
  for (const hook of state.webhooks.values()) {
    if (hook.account !== account || hook.event !== event) continue;
    if (hook.storeId !== null && !storeIds.includes(hook.storeId)) continue;
    const id = `${event.toLowerCase().replace(/_/g, '-')}-${importBatch}-${hook.id}`;
    sender.send({ id, url: hook.targetUrl, event, body, headers: {} });
    deliveries.push(id);
  }
  return { importBatch, resourceUrl, deliveries };
}

export function createWebhookSender(
  retryDelaysMs = DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
): WebhookSender {
  return new WebhookSender({ retryDelaysMs, timeoutMs: 10_000 });
}
