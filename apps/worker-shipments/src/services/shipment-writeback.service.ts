import type { Platform } from '@shiplink/app-kit';
import type { ShipmentForWriteback } from '@shiplink/db';
import { sumMoney, trackingRevision, type StorePlatform } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { jobs } from '@shiplink/jobs';
import { currentLogContext, withLogContext } from '@shiplink/logger';

/** Written into the store shipment's comments so a later look-up can recognise our own. */
const marker = (shipment: ShipmentForWriteback) => `shiplink:${shipment.id}`;

/** What the parcel cost the merchant: the label and its insurance, where known. */
function merchantCost(shipment: ShipmentForWriteback): string | null {
  const parts = [shipment.shippingCost, shipment.insuranceCost].filter((v): v is string => !!v);
  return parts.length ? sumMoney(...parts) : null;
}

/** Our marker, and the costs in words for the merchant's team reading the shipment. */
function comments(shipment: ShipmentForWriteback): string {
  const costs = [
    shipment.shippingCost ? `label ${sumMoney(shipment.shippingCost)}` : null,
    shipment.insuranceCost ? `insurance ${sumMoney(shipment.insuranceCost)}` : null,
  ].filter(Boolean);
  return costs.length ? `${marker(shipment)} (${costs.join(', ')})` : marker(shipment);
}

/**
 * Shipment back: one store shipment per fulfilment shipment, never two. The advisory lock
 * serialises racing workers; looking at the store's shipments first covers a crash between
 * creating the shipment and recording its id.
 */
export class ShipmentWritebackService {
  constructor(private readonly platform: Platform) {}

  async writeBack({ shipmentId }: { shipmentId: string }): Promise<void> {
    const { repos } = this.platform;
    const first = await repos.shipments.findForWriteback(shipmentId);
    if (!first)
      throw new PermanentError(`shipment ${shipmentId} does not exist`, {
        reason: 'shipment.unknown',
      });
    await withLogContext({ orderRef: first.orderNumber }, () =>
      repos.locks.withLock(`shipment-writeback:${shipmentId}`, async () => {
        const shipment = await repos.shipments.findForWriteback(shipmentId);
        if (!shipment || shipment.storeShipmentId || shipment.writebackStatus !== 'pending') return;
        await this.create(shipment);
      }),
    );
    // Tracking follows the shipment; the job is a no-op where no tracking provider is connected.
    await this.platform.producer.enqueue(
      jobs.trackingRegister,
      { shipmentId, revision: trackingRevision(first) },
      { correlationId: currentLogContext().correlationId ?? `shipment-${shipmentId}` },
    );
  }

  private async create(shipment: ShipmentForWriteback): Promise<void> {
    const { repos, ports, logger } = this.platform;
    if (shipment.voided) {
      await repos.shipments.markSkipped(shipment.id, 'label voided before write-back');
      return;
    }
    const addresses = [...new Set(shipment.items.map((i) => i.addressExternalId))];
    const [address] = addresses;
    if (!address || addresses.length > 1) {
      throw new PermanentError('shipment items must ship to exactly one store address', {
        reason: 'shipment.address_ambiguous',
      });
    }
    const connection = await repos.tenancy.requireStoreConnectionAmong(
      shipment.storeId,
      ports.providersFor('store'),
    );
    const store = ports.store(connection);
    const orderRef = shipment.orderExternalId;
    const existing = await this.findExisting(store, orderRef, shipment);
    if (existing) {
      await repos.shipments.markWrittenBack(shipment.id, existing);
      logger.info('store shipment already existed', { storeShipmentId: existing });
      return;
    }
    const created = await store.createShipment(orderRef, {
      addressRef: address,
      items: shipment.items.map((i) => ({ lineRef: i.lineExternalId, quantity: i.quantity })),
      trackingNumber: shipment.trackingNumber,
      carrierSlug: shipment.carrierSlug,
      shippingMethod: shipment.shippingMethod,
      shippingCost: merchantCost(shipment),
      trackingUrl: shipment.trackingUrl,
      comments: comments(shipment),
    });
    await repos.shipments.markWrittenBack(shipment.id, created.shipmentRef);
    logger.info('store shipment created', {
      storeShipmentId: created.shipmentRef,
      carrier: shipment.carrierSlug,
      items: shipment.items.length,
    });
  }

  /** Our earlier shipment, matched by our marker or by tracking number. */
  private async findExisting(
    store: StorePlatform,
    orderRef: string,
    shipment: ShipmentForWriteback,
  ): Promise<string | undefined> {
    const shipments = await store.listShipments(orderRef);
    const match = shipments.find(
      (s) =>
        s.comments.includes(marker(shipment)) ||
        (shipment.trackingNumber !== null && s.trackingNumber === shipment.trackingNumber),
    );
    return match?.shipmentRef;
  }
}
