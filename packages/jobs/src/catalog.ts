import { z } from 'zod';
import { digest, jobKey } from '@shiplink/domain';
import { defineJob } from './define';

const uuid = z.uuid();

/**
 * The job catalog: every payload the hub enqueues, declared once. Payloads carry ids and
 * references; workers read the current state themselves.
 */
export const jobs = {
  /** Fetch a store order, map it, upsert it into the fulfilment system. */
  orderImport: defineJob({
    queue: 'orders',
    name: 'order.import',
    schema: z.object({
      connectionId: uuid,
      orderId: z.string().regex(/^\d+$/),
      /** What caused it: an inbox event id or a poll's modification stamp. */
      trigger: z.string().min(1),
    }),
    jobId: (p) => jobKey('order-import', p.connectionId, p.orderId, p.trigger),
  }),

  /** Delta poll of store orders modified since the last cursor. */
  ordersPoll: defineJob({
    queue: 'orders',
    name: 'orders.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('orders-poll', p.connectionId),
    policy: { attempts: 3 },
  }),

  /** A fulfilment webhook pointed at a batch of shipments: fetch and record them. */
  shipmentsFetch: defineJob({
    queue: 'shipments',
    name: 'shipments.fetch',
    schema: z.object({ connectionId: uuid, resourceUrl: z.url() }),
    jobId: (p) => jobKey('shipments-fetch', p.connectionId, digest(p.resourceUrl)),
  }),

  /** Delta poll of fulfilment shipments created since the last cursor. */
  shipmentsPoll: defineJob({
    queue: 'shipments',
    name: 'shipments.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('shipments-poll', p.connectionId),
    policy: { attempts: 3 },
  }),

  /** Create the store shipment (carrier, tracking, items) for one recorded shipment. */
  shipmentWriteback: defineJob({
    queue: 'shipments',
    name: 'shipment.writeback',
    schema: z.object({ shipmentId: uuid }),
    jobId: (p) => jobKey('shipment-writeback', p.shipmentId),
  }),
} as const;

export type JobCatalog = typeof jobs;
export type AnyJob = JobCatalog[keyof JobCatalog];

export function findJob(queue: string, name: string): AnyJob | undefined {
  return Object.values(jobs).find((job) => job.queue === queue && job.name === name);
}
