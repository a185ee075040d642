import type { StoreSettings } from '@shiplink/connectors';
import { toCreateTracking, type AfterShipCreateTrackingBody } from '@shiplink/connectors/aftership';
import type { OrderRecord, ShipmentForWriteback } from '@shiplink/db';

type Sharing = StoreSettings['tracking']['shareWithCarrierTracking'];

/**
 * What AfterShip is told about one shipment: store-side identifiers only (the store's order id
 * and number, never ours), the parcel's own lines and quantities (partial shipments say what
 * they carry), and the customer's contact details as far as the store shares them.
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
      storeCarrier: shipment.storeCarrier,
      carrierCode: shipment.carrierCode,
      postalCode: shipTo?.postalCode ?? null,
      countryRegion: shipTo?.country ?? null,
    },
    body(slug: string, share: Sharing): AfterShipCreateTrackingBody {
      return toCreateTracking({
        trackingNumber: number,
        slug,
        orderId: order.externalId,
        orderNumber: order.orderNumber,
        customers: [
          {
            role: 'buyer',
            name: share.name ? canonical.customer.name : null,
            email: share.email ? (canonical.customer.email ?? canonical.billTo.email) : null,
            phone: share.phone ? (shipTo?.phone ?? canonical.billTo.phone) : null,
          },
        ],
        destinationCountryRegion: shipTo?.country ?? null,
        shipmentItems: items,
      });
    },
  };
}
