import type { Db } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { isUniqueViolation } from '../unique';

export type CarrierShipmentState = 'requested' | 'created' | 'failed' | 'uncertain';

/** One parcel of a created consignment, as recorded. */
export interface RecordedCarrierParcel {
  trackingNumber: string;
  parcelRef: string | null;
  labelCode: string | null;
  trackingUrl: string;
  /** The store's lines in the parcel. */
  items: { lineRef: string; quantity: number }[];
}

export interface CarrierShipmentRecord {
  id: string;
  orderId: string;
  connectionId: string;
  externalAddressId: string;
  requestId: string;
  status: CarrierShipmentState;
  serviceCode: string;
  serviceName: string;
  plan: unknown;
  shipmentRef: string | null;
  reference: string | null;
  parcels: RecordedCarrierParcel[];
  hasLabel: boolean;
  labelError: string | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  consignedAt: Date | null;
}

/** A consignment with its order's number, for label lists and prints. */
export interface LabelledShipment extends CarrierShipmentRecord {
  orderNumber: string;
  storeId: string;
}

const WITHOUT_LABEL = {
  id: true,
  orderId: true,
  connectionId: true,
  externalAddressId: true,
  requestId: true,
  status: true,
  serviceCode: true,
  serviceName: true,
  plan: true,
  shipmentRef: true,
  reference: true,
  parcels: true,
  labelFetchedAt: true,
  labelError: true,
  error: true,
  attempts: true,
  createdAt: true,
  consignedAt: true,
  order: { select: { orderNumber: true, storeId: true } },
} as const satisfies Prisma.CarrierShipmentSelect;

type Row = Prisma.CarrierShipmentGetPayload<{ select: typeof WITHOUT_LABEL }>;

function toRecord(row: Row): LabelledShipment {
  const { labelFetchedAt, order, ...rest } = row;
  return {
    ...rest,
    // Written only by `markCreated`, in this shape.
    parcels: rest.parcels as unknown as RecordedCarrierParcel[],
    hasLabel: labelFetchedAt !== null,
    orderNumber: order.orderNumber,
    storeId: order.storeId,
  };
}

/**
 * Consignments a carrier makes for store orders (Posti), one per destination. The row is written
 * with the exact document before the carrier is called, so whatever is retried sends the same
 * request id and document, and a created one is never made again.
 */
export class CarrierShipmentsRepo {
  constructor(private readonly db: Db) {}

  async findFor(
    orderId: string,
    connectionId: string,
    externalAddressId: string,
  ): Promise<LabelledShipment | undefined> {
    const row = await this.db.carrierShipment.findUnique({
      where: {
        orderId_connectionId_externalAddressId: { orderId, connectionId, externalAddressId },
      },
      select: WITHOUT_LABEL,
    });
    return row ? toRecord(row) : undefined;
  }

  async find(id: string): Promise<LabelledShipment | undefined> {
    const row = await this.db.carrierShipment.findUnique({ where: { id }, select: WITHOUT_LABEL });
    return row ? toRecord(row) : undefined;
  }

  /**
   * Records the request before it is sent. A destination recorded already keeps its row: the
   * recorded document is what a retry sends, even when the order changed since (the first
   * request may have reached the carrier, and only the same request id is safe to repeat). Only
   * a request the carrier refused for good is replaced: nothing exists there, so the corrected
   * order is a new request.
   */
  async record(input: {
    orderId: string;
    connectionId: string;
    externalAddressId: string;
    requestId: string;
    serviceCode: string;
    serviceName: string;
    plan: unknown;
  }): Promise<LabelledShipment> {
    const existing = await this.findFor(input.orderId, input.connectionId, input.externalAddressId);
    if (existing?.status === 'failed' && existing.requestId !== input.requestId) {
      const row = await this.db.carrierShipment.update({
        where: { id: existing.id, status: 'failed' },
        data: {
          requestId: input.requestId,
          serviceCode: input.serviceCode,
          serviceName: input.serviceName,
          plan: input.plan as object,
          status: 'requested',
          error: null,
        },
        select: WITHOUT_LABEL,
      });
      return toRecord(row);
    }
    if (existing) return existing;
    try {
      const row = await this.db.carrierShipment.create({
        data: { ...input, plan: input.plan as object },
        select: WITHOUT_LABEL,
      });
      return toRecord(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await this.findFor(input.orderId, input.connectionId, input.externalAddressId);
      if (!raced) throw error;
      return raced;
    }
  }

  /** Counts a call about to be made, so a person sees how often a request was sent. */
  async countAttempt(id: string): Promise<void> {
    await this.db.carrierShipment.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }

  async markCreated(
    id: string,
    result: { shipmentRef: string | null; reference: string; parcels: RecordedCarrierParcel[] },
  ): Promise<void> {
    await this.db.carrierShipment.update({
      where: { id },
      data: {
        status: 'created',
        consignedAt: new Date(),
        shipmentRef: result.shipmentRef,
        reference: result.reference,
        parcels: result.parcels as unknown as object,
        error: null,
      },
    });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.carrierShipment.update({
      where: { id },
      data: { status: 'failed', error: error.slice(0, 2_000) },
    });
  }

  /** Sent, with no answer to go by: the consignment may exist (see the status). */
  async markUncertain(id: string, error: string): Promise<void> {
    await this.db.carrierShipment.update({
      where: { id },
      data: { status: 'uncertain', error: error.slice(0, 2_000) },
    });
  }

  /**
   * A person looked (a review retry): the order's refused or unanswered requests may be sent
   * again. Returns how many were released.
   */
  async releaseForRetry(orderId: string, connectionId: string): Promise<number> {
    const released = await this.db.carrierShipment.updateMany({
      where: { orderId, connectionId, status: { in: ['failed', 'uncertain'] } },
      data: { status: 'requested', error: null },
    });
    return released.count;
  }

  async saveLabel(id: string, pdf: Buffer): Promise<void> {
    await this.db.carrierShipment.update({
      where: { id },
      data: { labelPdf: new Uint8Array(pdf), labelFetchedAt: new Date(), labelError: null },
    });
  }

  async labelFailed(id: string, error: string): Promise<void> {
    await this.db.carrierShipment.update({
      where: { id },
      data: { labelError: error.slice(0, 2_000) },
    });
  }

  /** The stored label PDF, undefined while there is none. */
  async label(id: string): Promise<Buffer | undefined> {
    const row = await this.db.carrierShipment.findUnique({
      where: { id },
      select: { labelPdf: true },
    });
    return row?.labelPdf ? Buffer.from(row.labelPdf) : undefined;
  }

  /** The consignments of one order of a store (every destination). */
  async forOrder(storeId: string, orderNumber: string): Promise<LabelledShipment[]> {
    const rows = await this.db.carrierShipment.findMany({
      where: { order: { storeId, orderNumber } },
      orderBy: { createdAt: 'asc' },
      select: WITHOUT_LABEL,
    });
    return rows.map((row) => toRecord(row));
  }

  /**
   * A store's created consignments for printing: those of the given order numbers, else those
   * the carrier made in the window; in the order they were made (ties by id), at most `limit`.
   */
  async forPrinting(query: {
    storeId: string;
    orderNumbers?: readonly string[];
    since?: Date;
    until?: Date;
    limit: number;
  }): Promise<LabelledShipment[]> {
    const rows = await this.db.carrierShipment.findMany({
      where: {
        status: 'created',
        order: {
          storeId: query.storeId,
          ...(query.orderNumbers ? { orderNumber: { in: [...query.orderNumbers] } } : {}),
        },
        ...(query.since || query.until
          ? {
              consignedAt: {
                ...(query.since ? { gte: query.since } : {}),
                ...(query.until ? { lt: query.until } : {}),
              },
            }
          : {}),
      },
      orderBy: [{ consignedAt: 'asc' }, { id: 'asc' }],
      take: query.limit,
      select: WITHOUT_LABEL,
    });
    return rows.map((row) => toRecord(row));
  }
}
