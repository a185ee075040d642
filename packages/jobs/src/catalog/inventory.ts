import { z } from 'zod';
import { digest, jobKey } from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, trigger, uuid } from './refs';

/** The most SKUs one refresh reads back; a delivery naming more becomes a reconciling poll. */
export const MAX_SKUS_PER_REFRESH = 100;

/** The `inventory` queue: the warehouse's stock into the store. */
export const inventoryJobs = {
  /**
   * The warehouse said these SKUs' balances changed: read them back (with the warehouse's own
   * time of each), keep the newest, and send the store the levels that changed.
   */
  stockRefresh: defineJob({
    queue: 'inventory',
    name: 'stock.refresh',
    schema: z.object({
      connectionId: uuid,
      skus: z.array(externalRef).min(1).max(MAX_SKUS_PER_REFRESH),
      trigger,
    }),
    jobId: (p) =>
      jobKey('stock-refresh', p.connectionId, p.trigger, digest([...p.skus].sort().join('\n'), 16)),
  }),

  /**
   * A shipment's items were recorded to lower the store's stock (stock after shipments): make
   * the store's changes that are still to make, or give them back when the label was voided.
   */
  shipmentStock: defineJob({
    queue: 'inventory',
    name: 'shipment.stock',
    schema: z.object({ connectionId: uuid, shipmentRef: externalRef, voided: z.boolean() }),
    jobId: (p) =>
      jobKey('shipment-stock', p.connectionId, p.shipmentRef, p.voided ? 'voided' : 'shipped'),
  }),

  /** Reconciling poll: balances changed since the last cursor, for deliveries that never came. */
  stockPoll: defineJob({
    queue: 'inventory',
    name: 'stock.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('stock-poll', p.connectionId),
  }),
} as const;
