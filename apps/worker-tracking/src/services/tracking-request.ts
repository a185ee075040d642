import type { StoreSettings } from '@shiplink/connectors';
import type { OrderRecord, ShipmentForWriteback } from '@shiplink/db';
import type { TrackingRequest } from '@shiplink/domain';

type Sharing = StoreSettings['tracking']['shareWithCarrierTracking'];

/**
 * What the tracking provider is told about one shipment: store-side identifiers only (the
 * store's order id and number, never ours), the parcel's own lines and quantities (partial
 * shipments say what they carry), and the customer's contact details as far as the store shares
 * them.
 */
export function trackingRequest(
  order: OrderRecord,
  shipment: ShipmentForWriteback,
  number: string,
) {
  const { canonical } = order;
  const address = shipment.items[0]?.addressExternalId;
  const destination =
    canonical.destinations.find((d) => d.addressExternalId === address) ??
    canonical.destinations[0];
  const skuOf = new Map(order.lines.map((line) => [line.externalId, line.sku]));
  const items = shipment.items.map((item) => ({
    sku: skuOf.get(item.lineExternalId) ?? item.lineExternalId,
    quantity: item.quantity,
  }));
  const shipTo = destination?.shipTo;
  return {
    hints: {
      carrierSlug: shipment.carrierSlug,
      carrierCode: shipment.carrierCode,
      carrierSource: shipment.source,
      postalCode: shipTo?.postalCode ?? null,
      countryRegion: shipTo?.country ?? null,
    },
    body(slug: string, share: Sharing): TrackingRequest {
      return {
        trackingNumber: number,
        carrierSlug: slug,
        orderRef: order.externalId,
        orderNumber: order.orderNumber,
        customer: {
          name: share.name ? canonical.customer.name : null,
          email: share.email ? (canonical.customer.email ?? canonical.billTo.email) : null,
          phone: share.phone ? (shipTo?.phone ?? canonical.billTo.phone) : null,
        },
        destinationCountry: shipTo?.country ?? null,
        items,
      };
    },
  };
}
