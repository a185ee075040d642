import type { Platform } from '@shiplink/app-kit';
import type {
  ConnectionRecord,
  LabelledShipment,
  OrderRecord,
  RecordedCarrierParcel,
} from '@shiplink/db';
import type { CarrierShipmentPlan, CarrierShipmentResult, ShipmentCarrier } from '@shiplink/domain';
import { classifyFailure } from '@shiplink/errors';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';

/**
 * What follows a created consignment, each step safe to repeat: its parcels recorded with their
 * lines, the label PDF kept, one hub shipment per parcel handed to the store write-back (which
 * makes the store shipment with the tracking number and link, and has it tracked), and the
 * carrier's ids on the store order for the support team.
 */
export class CarrierShipmentRecorder {
  constructor(private readonly platform: Platform) {}

  /** Records what the carrier made; the plan's lines go with the parcel they were packed in. */
  async created(
    record: LabelledShipment,
    result: CarrierShipmentResult,
  ): Promise<LabelledShipment> {
    const planned = (record.plan as CarrierShipmentPlan).parcels;
    const parcels: RecordedCarrierParcel[] = result.parcels.map((parcel, index) => ({
      ...parcel,
      // A carrier that answers fewer parcels than were planned puts the rest in its last one.
      items:
        index === result.parcels.length - 1
          ? planned.slice(index).flatMap((p) => p.items)
          : (planned[index]?.items ?? []),
    }));
    await this.platform.repos.carrierShipments.markCreated(record.id, {
      shipmentRef: result.shipmentRef,
      reference: result.reference,
      parcels,
    });
    return { ...record, status: 'created', ...result, parcels };
  }

  async complete(
    order: OrderRecord,
    connection: ConnectionRecord,
    carrier: ShipmentCarrier,
    record: LabelledShipment,
  ): Promise<void> {
    if (!record.hasLabel) await this.fetchLabel(carrier, record);
    await this.handOver(order, connection, carrier, record);
    await this.platform.producer.enqueue(
      jobs.carrierShipmentNote,
      { carrierShipmentId: record.id },
      { correlationId: currentLogContext().correlationId ?? `carrier-shipment-${record.id}` },
    );
  }

  /**
   * Keeps the label PDF. A label the carrier cannot give yet is not a reason to hold the
   * shipment back: the failure is noted and the label is fetched again when it is asked for.
   */
  private async fetchLabel(carrier: ShipmentCarrier, record: LabelledShipment): Promise<void> {
    const { repos, logger } = this.platform;
    try {
      const pdf = await carrier.labels({
        shipmentRef: record.shipmentRef,
        reference: record.reference ?? '',
        parcels: record.parcels,
      });
      await repos.carrierShipments.saveLabel(record.id, pdf);
      logger.info('labels kept', { bytes: pdf.length, parcels: record.parcels.length });
    } catch (error) {
      const failure = classifyFailure(error);
      await repos.carrierShipments.labelFailed(record.id, failure.message);
      logger.warn('labels not available yet', { reason: failure.reason });
    }
  }

  private async handOver(
    order: OrderRecord,
    connection: ConnectionRecord,
    carrier: ShipmentCarrier,
    record: LabelledShipment,
  ): Promise<void> {
    const { repos, producer, logger } = this.platform;
    const lines = new Map(order.lines.map((line) => [line.externalId, line.id]));
    for (const parcel of record.parcels) {
      const items = parcel.items.flatMap((item) => {
        const orderLineId = lines.get(item.lineRef);
        if (!orderLineId)
          logger.warn('parcel item matches no order line', { lineRef: item.lineRef });
        return orderLineId ? [{ orderLineId, quantity: item.quantity }] : [];
      });
      // The store takes shipments with items only; a parcel the carrier added holds none.
      if (items.length === 0) continue;
      const saved = await repos.shipments.upsertFromSource({
        orderId: order.id,
        fulfilmentOrderId: null,
        source: connection.provider,
        sourceId: parcel.trackingNumber,
        trackingNumber: parcel.trackingNumber,
        carrierCode: record.serviceCode,
        carrierSlug: carrier.carrierSlug,
        serviceCode: record.serviceCode,
        shippingMethod: record.serviceName,
        shippingCost: null,
        shipDate: record.createdAt,
        trackingUrl: parcel.trackingUrl,
        voided: false,
        raw: { carrierShipmentId: record.id, parcel },
        items,
      });
      await producer.enqueue(
        jobs.shipmentWriteback,
        { shipmentId: saved.id },
        { correlationId: currentLogContext().correlationId ?? `carrier-shipment-${record.id}` },
      );
    }
  }
}
