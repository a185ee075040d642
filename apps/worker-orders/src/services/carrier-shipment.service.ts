import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord, LabelledShipment, OrderRecord } from '@shiplink/db';
import {
  AUTO_RESOLVER,
  digest,
  fulfilmentOrderKey,
  serviceForShippingMethod,
  validateRateRuleSet,
  type CanonicalOrder,
  type CarrierPlanRefusal,
  type CarrierShipmentPlan,
  type Destination,
  type ShipmentCarrier,
} from '@shiplink/domain';
import { classifyFailure } from '@shiplink/errors';
import { currentLogContext } from '@shiplink/logger';
import { CarrierShipmentRecorder } from './carrier-shipment-recorder';

export interface CarrierShipmentInput {
  order: OrderRecord;
  canonical: CanonicalOrder;
  /** The store's own reference (what fulfilment order keys are built from). */
  storeRef: string;
}

interface Refused {
  destination: Destination;
  refusal: CarrierPlanRefusal;
}

/**
 * The store's own dispatch: when a store order reaches a status its carrier connection ships on
 * (Posti: Awaiting Fulfillment by default), each destination becomes one consignment with its
 * labels. The request is recorded with its exact document before the carrier is called, so a
 * retry sends the same request id and a created consignment is never made twice. A destination
 * that cannot be sent as it stands (no usable address or contact) waits in review with its
 * reasons, and the next import after the store's data is fixed sends it.
 */
export class CarrierShipmentService {
  private readonly recorder: CarrierShipmentRecorder;

  constructor(private readonly platform: Platform) {
    this.recorder = new CarrierShipmentRecorder(platform);
  }

  async ship(input: CarrierShipmentInput): Promise<void> {
    const connection = await this.carrierOf(input.order.storeId);
    if (!connection) return;
    if (await this.exportsToWarehouse(input.order.storeId)) {
      // The warehouse prints the labels of a store that exports to one: never a second parcel.
      this.platform.logger.debug('no carrier shipment: the store exports to a fulfilment system');
      return;
    }
    const carrier = this.platform.ports.shipments(connection);
    if (!carrier.shipsOn(input.canonical.storeStatusId)) return;
    const { repos, logger } = this.platform;
    const review = await repos.catalog.findReviewOf(input.order.id, connection.id);
    if (review?.status === 'dismissed') {
      logger.info('no carrier shipment: its review was dismissed', { reviewId: review.id });
      return;
    }
    const refused: Refused[] = [];
    for (const destination of input.canonical.destinations) {
      const outcome = await this.shipDestination(input, connection, carrier, destination);
      if (outcome) refused.push({ destination, refusal: outcome });
    }
    if (refused.length > 0) await this.hold(input, connection, refused);
    else if (review?.status === 'open') {
      if (await repos.catalog.release(review.id, AUTO_RESOLVER)) {
        this.audit('review.released', input, connection, { reviewId: review.id });
      }
    }
  }

  /** The refusal when the destination cannot be sent as it stands; undefined otherwise. */
  private async shipDestination(
    input: CarrierShipmentInput,
    connection: ConnectionRecord,
    carrier: ShipmentCarrier,
    destination: Destination,
  ): Promise<CarrierPlanRefusal | undefined> {
    const { repos } = this.platform;
    const { order, canonical } = input;
    const recorded = await repos.carrierShipments.findFor(
      order.id,
      connection.id,
      destination.addressExternalId,
    );
    if (recorded?.status === 'created') {
      await this.recorder.complete(order, connection, carrier, recorded);
      return undefined;
    }
    if (recorded?.status === 'requested') return this.send(input, connection, carrier, recorded);
    const plan = carrier.plan(canonical, destination, await this.choiceFor(order, destination));
    if (!plan.ok) return plan;
    const orderKey = fulfilmentOrderKey(
      input.storeRef,
      canonical.externalId,
      destination.addressExternalId,
      canonical.destinations.length,
    );
    // The same order, destination and parcel set always make the same request id.
    const requestId = `${orderKey}:${digest(JSON.stringify(plan.document), 16)}`;
    if (recorded?.status === 'failed' && recorded.requestId === requestId) {
      return refusedByCarrier(recorded);
    }
    const record = await repos.carrierShipments.record({
      orderId: order.id,
      connectionId: connection.id,
      externalAddressId: destination.addressExternalId,
      requestId,
      serviceCode: plan.serviceCode,
      serviceName: plan.serviceName,
      plan,
    });
    return this.send(input, connection, carrier, record);
  }

  /**
   * Sends the recorded request. A permanent refusal marks it failed and puts the order in review
   * (the carrier says the document cannot work); anything else is thrown for the job to retry,
   * with the same request id.
   */
  private async send(
    input: CarrierShipmentInput,
    connection: ConnectionRecord,
    carrier: ShipmentCarrier,
    record: LabelledShipment,
  ): Promise<CarrierPlanRefusal | undefined> {
    const { repos, logger } = this.platform;
    if (record.status === 'created') {
      await this.recorder.complete(input.order, connection, carrier, record);
      return undefined;
    }
    await repos.carrierShipments.countAttempt(record.id);
    let result;
    try {
      result = await carrier.create(record.plan as CarrierShipmentPlan, record.requestId);
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind !== 'permanent') throw error;
      await repos.carrierShipments.markFailed(record.id, failure.message);
      this.audit('carrier_shipment.failed', input, connection, {
        carrierShipmentId: record.id,
        requestId: record.requestId,
        reason: failure.reason,
        error: failure.message,
      });
      logger.warn('carrier refused the shipment', { reason: failure.reason });
      return refusedByCarrier({ error: failure.message });
    }
    const created = await this.recorder.created(record, result);
    this.audit('carrier_shipment.created', input, connection, {
      carrierShipmentId: record.id,
      requestId: record.requestId,
      shipmentRef: result.shipmentRef,
      trackingNumbers: result.parcels.map((parcel) => parcel.trackingNumber),
      product: record.serviceCode,
    });
    logger.info('carrier shipment created', {
      parcels: result.parcels.length,
      product: record.serviceCode,
    });
    await this.recorder.complete(input.order, connection, carrier, created);
    return undefined;
  }

  /** What checkout sold for the destination, as the store's rate rules name its method. */
  private async choiceFor(order: OrderRecord, destination: Destination) {
    const saved = await this.platform.repos.rates.current(order.storeId);
    const rules = saved ? validateRateRuleSet(saved.rules) : undefined;
    const chosen = rules?.ok
      ? serviceForShippingMethod(rules.ruleSet, destination.shippingMethod)
      : undefined;
    return { product: chosen?.product ?? null, pickupPointId: chosen?.pickupPointId ?? null };
  }

  private async exportsToWarehouse(storeId: string): Promise<boolean> {
    const { repos, ports } = this.platform;
    return Boolean(
      await repos.tenancy.findStoreConnectionAmong(storeId, ports.providersFor('fulfilment')),
    );
  }

  private async carrierOf(storeId: string): Promise<ConnectionRecord | undefined> {
    const { repos, ports } = this.platform;
    return repos.tenancy.findStoreConnectionAmong(storeId, ports.providersWith('shipments'));
  }

  private async hold(
    input: CarrierShipmentInput,
    connection: ConnectionRecord,
    refused: readonly Refused[],
  ): Promise<void> {
    const { repos, logger } = this.platform;
    const details = refused
      .map(({ destination, refusal }) => {
        const where =
          input.canonical.destinations.length > 1 ? `${destination.addressExternalId}: ` : '';
        return `${where}${refusal.problems.map((problem) => problem.message).join('; ')}`;
      })
      .join(' | ');
    const held = await repos.catalog.hold({
      orderId: input.order.id,
      connectionId: connection.id,
      reason: 'shipment_validation',
      skus: [],
      details,
    });
    if (!held) return;
    const fields = {
      reviewId: held.review.id,
      problems: refused.flatMap(({ refusal }) => refusal.problems.map((problem) => problem.code)),
      details,
    };
    if (held.outcome === 'unchanged') {
      logger.info('order still waits for review before its carrier shipment', fields);
      return;
    }
    this.audit(held.outcome === 'opened' ? 'review.opened' : 'review.updated', input, connection, {
      ...fields,
      reason: 'shipment_validation',
    });
    logger.warn('order held for review: its carrier shipment cannot be made', fields);
  }

  private audit(
    kind: string,
    input: CarrierShipmentInput,
    connection: ConnectionRecord,
    metadata: Record<string, unknown>,
  ): void {
    this.platform.repos.audit.record({
      direction: 'internal',
      kind,
      provider: connection.provider,
      connectionId: connection.id,
      orderRef: input.canonical.orderNumber,
      correlationId: currentLogContext().correlationId,
      metadata,
    });
  }
}

/** A request the carrier refused for good, as review problems. */
function refusedByCarrier(record: { error: string | null }): CarrierPlanRefusal {
  return {
    ok: false,
    reason: 'shipment_validation',
    problems: [
      {
        code: 'carrier_refused',
        field: 'shipment',
        message: `the carrier refused the shipment: ${record.error ?? 'no reason given'}`,
      },
    ],
  };
}
