import type { WebhookIntent } from '@shiplink/connectors';
import { digest } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import type { AcceptedEvent } from './intake.service';

/**
 * The job a delivery's intent becomes. Jobs that can recur for one order or shipment carry the
 * delivery they came from as their trigger, so a redelivery maps to the same job id while every
 * distinct event is looked at.
 */
export function jobForIntent(
  intent: WebhookIntent,
  connectionId: string,
  eventRef: string,
): NonNullable<AcceptedEvent['job']> {
  const trigger = digest(eventRef, 16);
  switch (intent.kind) {
    case 'order.changed':
      return {
        definition: jobs.orderImport,
        payload: { connectionId, orderRef: intent.orderRef, trigger },
      };
    case 'store-shipment.changed':
      return {
        definition: jobs.storeShipmentSync,
        payload: {
          connectionId,
          orderRef: intent.orderRef,
          shipmentRef: intent.shipmentRef,
          change: intent.change,
          trigger,
        },
      };
    case 'shipments.available':
      return {
        definition: jobs.shipmentsFetch,
        payload: { connectionId, batchRef: intent.batchRef },
      };
    case 'tracking.updated':
      return {
        definition: jobs.trackingEvent,
        payload: { connectionId, trackingRef: intent.trackingRef, eventRef: intent.eventRef },
      };
  }
}
