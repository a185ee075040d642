import { WebhookSender } from '../../simulator-kit/webhook-sender';
import type { ShipStationState } from './state';

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

export function createWebhookSender(
  retryDelaysMs = DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
): WebhookSender {
  return new WebhookSender({ retryDelaysMs, timeoutMs: 10_000 });
}
