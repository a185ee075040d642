import { z } from 'zod';
import { digest, jobKey } from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, trigger, uuid } from './refs';

/** A store order as the subject of jobs about it (see `JobDefinition.subject`). */
export const orderSubject = (connectionId: string, orderRef: string) =>
  jobKey('order', connectionId, orderRef);

/** The `orders` queue: store orders out to the fulfilment system. */
export const orderJobs = {
  /** Read a store order, map it, upsert it into the fulfilment system. */
  orderImport: defineJob({
    queue: 'orders',
    name: 'order.import',
    schema: z.object({ connectionId: uuid, orderRef: externalRef, trigger }),
    jobId: (p) => jobKey('order-import', p.connectionId, p.orderRef, p.trigger),
    subject: (p) => orderSubject(p.connectionId, p.orderRef),
  }),

  /**
   * A fulfilment order changed at the fulfilment system (a webhook named it by the system's id):
   * record its status and show it on the store order as the store's settings say.
   */
  fulfilmentOrderSync: defineJob({
    queue: 'orders',
    name: 'fulfilment-order.sync',
    schema: z.object({ connectionId: uuid, fulfilmentOrderRef: externalRef, trigger }),
    jobId: (p) => jobKey('fulfilment-order-sync', p.connectionId, p.fulfilmentOrderRef, p.trigger),
  }),

  /**
   * A webhook pointed at fulfilment orders that changed (ShipStation's ORDER_NOTIFY and
   * FULFILLMENT_REJECTED): read them and handle each as a fulfilment order change.
   */
  fulfilmentOrdersFetch: defineJob({
    queue: 'orders',
    name: 'fulfilment-orders.fetch',
    schema: z.object({ connectionId: uuid, batchRef: z.string().min(1).max(2_048) }),
    jobId: (p) => jobKey('fulfilment-orders-fetch', p.connectionId, digest(p.batchRef)),
  }),

  /** Delta poll of fulfilment orders changed at the warehouse, and of open orders now late. */
  fulfilmentOrdersPoll: defineJob({
    queue: 'orders',
    name: 'fulfilment-orders.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('fulfilment-orders-poll', p.connectionId),
  }),

  /**
   * Orders waiting in review for SKUs the fulfilment system did not have: ask it again, and
   * export every order whose SKUs are all matched now.
   */
  reviewsRecheck: defineJob({
    queue: 'orders',
    name: 'reviews.recheck',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('reviews-recheck', p.connectionId),
  }),

  /**
   * A carrier consignment was made for a store order: show it on the order for the support team
   * (one staff-note line), apart from the import, which holds the order's import lock.
   */
  carrierShipmentNote: defineJob({
    queue: 'orders',
    name: 'carrier-shipment.note',
    schema: z.object({ carrierShipmentId: uuid }),
    jobId: (p) => jobKey('carrier-shipment-note', p.carrierShipmentId),
  }),

  /** Delta poll of store orders changed since the last cursor. */
  ordersPoll: defineJob({
    queue: 'orders',
    name: 'orders.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('orders-poll', p.connectionId),
  }),
} as const;
