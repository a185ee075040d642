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
   * Items were recorded to move the store's stock (a shipment lowers it, a return raises it):
   * make the store's changes still to make, or, `revert`, give back what a voided label took.
   */
  stockMoves: defineJob({
    queue: 'inventory',
    name: 'stock.moves',
    schema: z.object({ connectionId: uuid, sourceRef: externalRef, revert: z.boolean() }),
    jobId: (p) => jobKey('stock-moves', p.connectionId, p.sourceRef, p.revert ? 'revert' : 'apply'),
  }),

  /** Reconciling poll: balances changed since the last cursor, for deliveries that never came. */
  stockPoll: defineJob({
    queue: 'inventory',
    name: 'stock.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('stock-poll', p.connectionId),
  }),
} as const;
