import { noteOnStoreOrder, type Platform } from '@shiplink/app-kit';
import type { LabelledShipment } from '@shiplink/db';
import { withLogContext } from '@shiplink/logger';

/** The staff-note line of a consignment: its reference, its carrier id, each parcel's codes. */
export function consignmentLine(record: LabelledShipment): string {
  const parcels = record.parcels
    .map((p) =>
      p.labelCode ? `${p.trackingNumber} (label code ${p.labelCode})` : p.trackingNumber,
    )
    .join(', ');
  const carrierId = record.shipmentRef ? ` (${record.shipmentRef})` : '';
  return `[Shiplink] ${record.serviceName} consignment ${record.reference ?? record.requestId}${carrierId}: ${parcels}`;
}

/**
 * A created consignment on its store order, as one staff-note line, for the support team: where
 * the store keeps staff notes (a store that keeps tracking on each parcel shows it there). Under
 * the order's write lock, since tracking write-back rewrites the same notes.
 */
export class CarrierShipmentNoteService {
  constructor(private readonly platform: Platform) {}

  async note({ carrierShipmentId }: { carrierShipmentId: string }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const record = await repos.carrierShipments.find(carrierShipmentId);
    const order = record && (await repos.orders.find(record.orderId));
    if (!record || record.status !== 'created' || !order) return;
    const connection = await repos.tenancy.requireStoreConnectionAmong(
      order.storeId,
      ports.providersFor('store'),
    );
    const store = ports.store(connection);
    if (!store.staffNotes) return;
    await withLogContext({ orderRef: order.orderNumber }, async () => {
      if (await noteOnStoreOrder(this.platform, order, consignmentLine(record), store)) {
        logger.info('consignment shown on the store order', { carrierShipmentId });
      }
    });
  }
}
