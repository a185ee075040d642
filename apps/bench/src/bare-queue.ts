/** The bare order pipeline's one queue and its job: the store's order id from the webhook. */
export const BARE_QUEUE = 'bare-orders';

export interface BareOrderJob {
  orderId: number;
}
