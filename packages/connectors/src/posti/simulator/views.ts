import { eventJson } from './parcel-events';
import type { ShipmentRecord } from './records';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** A shipment as the control API shows it: everything stored, parcels with their events. */
export function shipmentView(shipment: ShipmentRecord) {
  return {
    uuid: shipment.uuid,
    reference: shipment.reference,
    apiKey: shipment.apiKey,
    routingIds: [...shipment.routingIds],
    routingName: shipment.routingName,
    product: shipment.product,
    sender: shipment.sender,
    recipient: shipment.recipient,
    additionalServices: shipment.additionalServices,
    callbackUrl: shipment.callbackUrl ?? null,
    pickupPointId: shipment.pickupPointId ?? null,
    cashOnDelivery: shipment.cashOnDelivery ?? null,
    createdAt: iso(shipment.createdAt),
    cancelledAt: iso(shipment.cancelledAt),
    trackingCodes: shipment.parcels.map((parcel) => parcel.trackingCode),
    parcels: shipment.parcels.map((parcel) => ({
      uuid: parcel.uuid,
      trackingCode: parcel.trackingCode,
      labelCode: parcel.labelCode ?? null,
      packageType: parcel.packageType,
      weightKg: parcel.weightKg,
      volumeM3: parcel.volumeM3 ?? null,
      contents: parcel.contents,
      reference: parcel.reference,
      events: parcel.events.map((event) => eventJson(shipment, parcel, event)),
    })),
  };
}
