import { z } from 'zod';
import { jobKey } from '@shiplink/domain';
import { defineJob } from '../define';
import { uuid } from './refs';

/** A provider's reference short and plain enough to sit in a job id (event and tracking ids). */
const ref = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** The `tracking` queue: trackings registered, their events normalized, the store told. */
export const trackingJobs = {
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
    schema: z.object({ connectionId: uuid, trackingRef: ref, eventRef: ref }),
    jobId: (p) => jobKey('tracking-event', p.connectionId, p.eventRef),
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
