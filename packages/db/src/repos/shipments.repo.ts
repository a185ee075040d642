import type { Db } from '../client';
import type { Provider } from '../generated/prisma/enums';

export interface IncomingShipment {
  orderId: string;
  fulfilmentOrderId: string | null;
  source: Provider;
  sourceId: string;
  trackingNumber: string | null;
  carrierCode: string | null;
  storeCarrier: string | null;
  serviceCode: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  shipDate: Date | null;
  voided: boolean;
  raw: unknown;
  items: { orderLineId: string; quantity: number }[];
}

export interface ShipmentForWriteback {
  id: string;
  orderId: string;
  orderExternalId: string;
  orderNumber: string;
  storeId: string;
  trackingNumber: string | null;
  carrierCode: string | null;
  storeCarrier: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  voided: boolean;
  storeShipmentId: string | null;
  writebackStatus: 'pending' | 'created' | 'skipped';
  items: { lineExternalId: string; addressExternalId: string; quantity: number }[];
}

export class ShipmentsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Records a shipment as the fulfilment system reports it. The (order, source, source id)
   * constraint makes re-fetches and replays land on the same row; items are set once.
   */
  async upsertFromSource(input: IncomingShipment): Promise<{ id: string; created: boolean }> {
    const { items, raw, shipDate, ...fields } = input;
    const key = { orderId: input.orderId, source: input.source, sourceId: input.sourceId };
    const existing = await this.db.shipment.findUnique({
      where: { orderId_source_sourceId: key },
      select: { id: true },
    });
    const data = { ...fields, shipDate, raw: raw as object };
    if (existing) {
      await this.db.shipment.update({
        where: { id: existing.id },
        data: {
          trackingNumber: data.trackingNumber,
          carrierCode: data.carrierCode,
          storeCarrier: data.storeCarrier,
          serviceCode: data.serviceCode,
          shippingMethod: data.shippingMethod,
          shippingCost: data.shippingCost,
          shipDate: data.shipDate,
          voided: data.voided,
          raw: data.raw,
        },
      });
      return { id: existing.id, created: false };
    }
    const row = await this.db.shipment.upsert({
      where: { orderId_source_sourceId: key },
      create: { ...data, items: { create: items } },
      update: {},
    });
    return { id: row.id, created: true };
  }

  async findForWriteback(id: string): Promise<ShipmentForWriteback | undefined> {
    const row = await this.db.shipment.findUnique({
      where: { id },
      include: { order: true, items: { include: { orderLine: true } } },
    });
    if (!row) return undefined;
    return {
      id: row.id,
      orderId: row.orderId,
      orderExternalId: row.order.externalId,
      orderNumber: row.order.orderNumber,
      storeId: row.order.storeId,
      trackingNumber: row.trackingNumber,
      carrierCode: row.carrierCode,
      storeCarrier: row.storeCarrier,
      shippingMethod: row.shippingMethod,
      shippingCost: row.shippingCost?.toString() ?? null,
      voided: row.voided,
      storeShipmentId: row.storeShipmentId,
      writebackStatus: row.writebackStatus,
      items: row.items.map((item) => ({
        lineExternalId: item.orderLine.externalId,
        addressExternalId: item.orderLine.externalAddressId,
        quantity: item.quantity,
      })),
    };
  }

  async markWrittenBack(id: string, storeShipmentId: string): Promise<void> {
    await this.db.shipment.update({
      where: { id },
      data: { storeShipmentId, writebackStatus: 'created', writebackNote: null },
    });
  }

  async markSkipped(id: string, note: string): Promise<void> {
    await this.db.shipment.update({
      where: { id },
      data: { writebackStatus: 'skipped', writebackNote: note },
    });
  }

  countForOrder(orderId: string) {
    return this.db.shipment.count({ where: { orderId } });
  }
}
