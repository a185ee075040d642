import type { Db } from '../client';
import type { ShippingLedgerEntry } from '@shiplink/domain';
import { shippingLedger } from './shipping-ledger';
import type { Provider } from './tenancy.repo';

export interface IncomingShipment {
  orderId: string;
  fulfilmentOrderId: string | null;
  source: Provider;
  sourceId: string;
  trackingNumber: string | null;
  carrierCode: string | null;
  carrierSlug: string | null;
  serviceCode: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  /** What insuring the parcel cost, where the source says. */
  insuranceCost?: string | null;
  shipDate: Date | null;
  /** Where the customer follows the parcel, where the source gives a link. */
  trackingUrl?: string | null;
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
  /** Who reported it: the provider whose vocabulary `carrierCode` is in. */
  source: Provider;
  trackingNumber: string | null;
  carrierCode: string | null;
  carrierSlug: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  insuranceCost: string | null;
  trackingUrl: string | null;
  voided: boolean;
  storeShipmentId: string | null;
  writebackStatus: 'pending' | 'created' | 'skipped';
  items: { lineExternalId: string; addressExternalId: string; quantity: number }[];
}

export class ShipmentsRepo {
  constructor(private readonly db: Db) {}

  /** Every order destination of a store with a label bought in [from, to), for reconciliation. */
  ledger(storeId: string, period: { from: Date; to: Date }): Promise<ShippingLedgerEntry[]> {
    return shippingLedger(this.db, storeId, period);
  }

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
          carrierSlug: data.carrierSlug,
          serviceCode: data.serviceCode,
          shippingMethod: data.shippingMethod,
          shippingCost: data.shippingCost,
          ...(data.insuranceCost === undefined ? {} : { insuranceCost: data.insuranceCost }),
          shipDate: data.shipDate,
          ...(data.trackingUrl === undefined ? {} : { trackingUrl: data.trackingUrl }),
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
      source: row.source,
      trackingNumber: row.trackingNumber,
      carrierCode: row.carrierCode,
      carrierSlug: row.carrierSlug,
      shippingMethod: row.shippingMethod,
      shippingCost: row.shippingCost?.toString() ?? null,
      insuranceCost: row.insuranceCost?.toString() ?? null,
      trackingUrl: row.trackingUrl,
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

  /**
   * A shipment the store holds that no fulfilment system reported to us (the merchant shipped in
   * the store's own admin): recorded under the store's id, with nothing to write back.
   */
  async upsertFromStore(
    input: Omit<IncomingShipment, 'sourceId' | 'fulfilmentOrderId'> & {
      storeShipmentId: string;
    },
  ): Promise<{ id: string; created: boolean }> {
    const { storeShipmentId, ...shipment } = input;
    const saved = await this.upsertFromSource({
      ...shipment,
      sourceId: storeShipmentId,
      fulfilmentOrderId: null,
    });
    await this.db.shipment.update({
      where: { id: saved.id },
      data: {
        storeShipmentId,
        writebackStatus: 'skipped',
        writebackNote: 'shipment came from the store',
      },
    });
    return saved;
  }

  /**
   * Which of the order's shipments a store shipment is: the one our write-back marked (its
   * comments carry our id), the one holding its id, or the one with its tracking number that
   * has no store shipment yet.
   */
  async findForStoreShipment(
    orderId: string,
    ref: { storeShipmentId: string; markedId: string | undefined; trackingNumber: string },
  ): Promise<
    { id: string; trackingNumber: string | null; carrierSlug: string | null } | undefined
  > {
    const select = { id: true, trackingNumber: true, carrierSlug: true } as const;
    const number = ref.trackingNumber.trim();
    return (
      (ref.markedId
        ? await this.db.shipment.findFirst({ where: { orderId, id: ref.markedId }, select })
        : null) ??
      (await this.db.shipment.findFirst({
        where: { orderId, storeShipmentId: ref.storeShipmentId },
        select,
      })) ??
      (number
        ? await this.db.shipment.findFirst({
            where: { orderId, trackingNumber: number, storeShipmentId: null },
            select,
          })
        : null) ??
      undefined
    );
  }

  /** The order's shipments the store holds (its id known), voided or not. */
  async storeShipmentsOf(
    orderId: string,
  ): Promise<{ id: string; storeShipmentId: string; voided: boolean }[]> {
    const rows = await this.db.shipment.findMany({
      where: { orderId, storeShipmentId: { not: null } },
      select: { id: true, storeShipmentId: true, voided: true },
    });
    return rows.flatMap((row) =>
      row.storeShipmentId ? [{ ...row, storeShipmentId: row.storeShipmentId }] : [],
    );
  }

  /** The store removed the shipment (a parcel taken off its delivery): it no longer counts. */
  async markVoided(id: string): Promise<void> {
    await this.db.shipment.update({ where: { id }, data: { voided: true } });
  }

  async holdsStoreShipment(orderId: string, storeShipmentId: string): Promise<boolean> {
    return (await this.db.shipment.count({ where: { orderId, storeShipmentId } })) > 0;
  }

  /** The store is what customers see: an edited number or carrier there wins over ours. */
  async updateTrackingFromStore(
    id: string,
    fields: { trackingNumber: string | null; carrierSlug: string | null; storeShipmentId: string },
  ): Promise<void> {
    await this.db.shipment.update({ where: { id }, data: fields });
  }
}
