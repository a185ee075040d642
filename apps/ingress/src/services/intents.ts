import type { WebhookIntent } from '@shiplink/connectors';
import { digest, recipientHash } from '@shiplink/domain';
import { jobs, MAX_SKUS_PER_REFRESH } from '@shiplink/jobs';
import type { AcceptedEvent } from './intake.service';

/**
 * The job a delivery's intent becomes; none for a store's uninstall, which the ingress carries
 * out itself once the delivery is recorded. Jobs that can recur for one order or shipment carry the
 * delivery they came from as their trigger, so a redelivery maps to the same job id while every
 * distinct event is looked at.
 */
export function jobForIntent(
  intent: WebhookIntent,
  connectionId: string,
  eventRef: string,
): AcceptedEvent['job'] {
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
    case 'store-parcels.changed':
      return {
        definition: jobs.storeParcelsSync,
        payload: { connectionId, orderRef: intent.orderRef, sequence: intent.sequence, trigger },
      };
    case 'shipments.available':
      return {
        definition: jobs.shipmentsFetch,
        payload: { connectionId, batchRef: intent.batchRef },
      };
    case 'fulfilment-order.changed':
      return {
        definition: jobs.fulfilmentOrderSync,
        payload: { connectionId, fulfilmentOrderRef: intent.fulfilmentOrderRef, trigger },
      };
    case 'return.reported':
      return {
        definition: jobs.returnReported,
        payload: { connectionId, report: intent.report },
      };
    case 'fulfilment-orders.available':
      return {
        definition: jobs.fulfilmentOrdersFetch,
        payload: { connectionId, batchRef: intent.batchRef },
      };
    case 'stock.changed': {
      const skus = [...new Set(intent.skus)];
      // A delivery naming more SKUs than one read-back takes is a reconciliation's worth of work.
      if (skus.length > MAX_SKUS_PER_REFRESH || skus.length === 0) {
        return { definition: jobs.stockPoll, payload: { connectionId } };
      }
      return { definition: jobs.stockRefresh, payload: { connectionId, skus, trigger } };
    }
    case 'product.changed':
      return {
        definition: jobs.productSync,
        payload: { connectionId, productRef: intent.productRef, trigger },
      };
    case 'message.status':
      return {
        definition: jobs.messageStatus,
        payload: {
          connectionId,
          providerRef: intent.providerRef,
          status: intent.status,
          errorCode: intent.errorCode,
        },
      };
    case 'message.opt-out':
      return {
        definition: jobs.messageOptOut,
        payload: {
          connectionId,
          recipientHash: recipientHash(intent.recipient),
          optedOut: intent.optedOut,
          trigger,
        },
      };
    case 'store.uninstalled':
      return undefined;
    case 'tracking.updated':
      return {
        definition: jobs.trackingEvent,
        payload: { connectionId, trackingRef: intent.trackingRef, eventRef: intent.eventRef },
      };
  }
}
