import { z } from 'zod';
import { digest, jobKey } from '@shiplink/domain';
import { defineJob } from './define';

const uuid = z.uuid();
/** A store platform's numeric id (BigCommerce order and shipment ids). */
const numericId = z.string().regex(/^\d{1,20}$/);
/** A provider's opaque reference: short and free of anything a job id cannot hold. */
const ref = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** A store order as the subject of jobs about it (see `JobDefinition.subject`). */
export const orderSubject = (connectionId: string, orderId: string) =>
  jobKey('order', connectionId, orderId);

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
      orderId: numericId,
      /** What caused it: an inbox event id or a poll's modification stamp. */
      trigger: z.string().min(1).max(100),
    }),
    jobId: (p) => jobKey('order-import', p.connectionId, p.orderId, p.trigger),
    subject: (p) => orderSubject(p.connectionId, p.orderId),
  }),

  /** Delta poll of store orders modified since the last cursor. */
  ordersPoll: defineJob({
    queue: 'orders',
    name: 'orders.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('orders-poll', p.connectionId),
  }),

  /** A fulfilment webhook pointed at a batch of shipments: fetch and record them. */
  shipmentsFetch: defineJob({
    queue: 'shipments',
    name: 'shipments.fetch',
    schema: z.object({ connectionId: uuid, resourceUrl: z.url().max(2_048) }),
    jobId: (p) => jobKey('shipments-fetch', p.connectionId, digest(p.resourceUrl)),
  }),

  /** Delta poll of fulfilment shipments created since the last cursor. */
  shipmentsPoll: defineJob({
    queue: 'shipments',
    name: 'shipments.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('shipments-poll', p.connectionId),
  }),

  /** Create the store shipment (carrier, tracking, items) for one recorded shipment. */
  shipmentWriteback: defineJob({
    queue: 'shipments',
    name: 'shipment.writeback',
    schema: z.object({ shipmentId: uuid }),
    jobId: (p) => jobKey('shipment-writeback', p.shipmentId),
  }),

  /** A store shipment appeared or changed (BigCommerce store/shipment/*): record it, track it. */
  storeShipmentSync: defineJob({
    queue: 'shipments',
    name: 'store-shipment.sync',
    schema: z.object({
      connectionId: uuid,
      orderId: numericId,
      shipmentId: numericId,
      change: z.enum(['created', 'updated']),
      /** The inbox event it came from, so that every change of the shipment is looked at. */
      trigger: z.string().min(1).max(100),
    }),
    jobId: (p) => jobKey('store-shipment-sync', p.connectionId, p.shipmentId, p.trigger),
  }),

  /**
   * Register, re-register or retire the AfterShip tracking of one shipment. It runs on the
   * tracking queue rather than shipments: every AfterShip call lives in one app that is scaled and
   * rate-limited against AfterShip's per-endpoint quotas, and an AfterShip outage never holds up
   * the store write-back. `revision` (see `trackingRevision`) names the number and carrier it was
   * asked for, so a changed number gets a job of its own while duplicates of one change collapse.
   */
  trackingRegister: defineJob({
    queue: 'tracking',
    name: 'tracking.register',
    schema: z.object({ shipmentId: uuid, revision: ref }),
    jobId: (p) => jobKey('tracking-register', p.shipmentId, p.revision),
  }),

  /** An AfterShip webhook, read back from the inbox by connection and `event_id`. */
  trackingEvent: defineJob({
    queue: 'tracking',
    name: 'tracking.event',
    schema: z.object({ connectionId: uuid, trackingId: ref, eventId: ref }),
    jobId: (p) => jobKey('tracking-event', p.connectionId, p.eventId),
  }),

  /** Delta poll: the store's trackings that went quiet are re-read from AfterShip. */
  trackingPoll: defineJob({
    queue: 'tracking',
    name: 'tracking.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('tracking-poll', p.connectionId),
  }),

  /** Show the parcels' progress on the store order (status, staff notes) as the store wants. */
  trackingWriteback: defineJob({
    queue: 'tracking',
    name: 'tracking.writeback',
    schema: z.object({ orderId: uuid, trigger: ref }),
    jobId: (p) => jobKey('tracking-writeback', p.orderId, p.trigger),
  }),
} as const;

export type JobCatalog = typeof jobs;
export type AnyJob = JobCatalog[keyof JobCatalog];

export function findJob(queue: string, name: string): AnyJob | undefined {
  return Object.values(jobs).find((job) => job.queue === queue && job.name === name);
}
