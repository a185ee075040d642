import { z } from 'zod';
import { digest, jobKey } from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, trigger, uuid } from './refs';

/** The `shipments` queue: fulfilment shipments back to the store. */
export const shipmentJobs = {
  /** A fulfilment webhook pointed at a batch of shipments: fetch and record them. */
  shipmentsFetch: defineJob({
    queue: 'shipments',
    name: 'shipments.fetch',
    // The provider's reference to the batch (ShipStation: its resource_url), opaque here.
    schema: z.object({ connectionId: uuid, batchRef: z.string().min(1).max(2_048) }),
    jobId: (p) => jobKey('shipments-fetch', p.connectionId, digest(p.batchRef)),
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

  /** A store shipment appeared or changed: record it, track it. */
  storeShipmentSync: defineJob({
    queue: 'shipments',
    name: 'store-shipment.sync',
    schema: z.object({
      connectionId: uuid,
      orderRef: externalRef,
      shipmentRef: externalRef,
      change: z.enum(['created', 'updated']),
      /** The inbox event it came from, so that every change of the shipment is looked at. */
      trigger,
    }),
    jobId: (p) => jobKey('store-shipment-sync', p.connectionId, p.shipmentRef, p.trigger),
  }),

  /**
   * A store order's deliveries or parcels changed (stores whose parcels live on the order): read
   * them all, record and track each. `sequence`: the store's message number for the order, so a
   * message older than one acted on is superseded; null from the reconciling poll.
   */
  storeParcelsSync: defineJob({
    queue: 'shipments',
    name: 'store-parcels.sync',
    schema: z.object({
      connectionId: uuid,
      orderRef: externalRef,
      sequence: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
      trigger,
    }),
    jobId: (p) => jobKey('store-parcels-sync', p.connectionId, p.orderRef, p.trigger),
  }),

  /** Delta poll of store orders changed since the cursor, for parcels a push did not bring. */
  storeParcelsPoll: defineJob({
    queue: 'shipments',
    name: 'store-parcels.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('store-parcels-poll', p.connectionId),
  }),
} as const;
