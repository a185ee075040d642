import type { Platform } from '@shiplink/app-kit';
import type {
  ConnectionRecord,
  LabelledShipment,
  OrderRecord,
  OrderReviewRecord,
} from '@shiplink/db';
import {
  AUTO_RESOLVER,
  digest,
  fulfilmentOrderKey,
  serviceForShippingMethod,
  validateRateRuleSet,
  type CanonicalOrder,
  type CarrierShipmentPlan,
  type Destination,
  type ShipmentCarrier,
} from '@shiplink/domain';
import { currentLogContext } from '@shiplink/logger';
import { CarrierShipmentRecorder } from './carrier-shipment-recorder';

export interface CarrierShipmentInput {
  order: OrderRecord;
  canonical: CanonicalOrder;
  /** The store's own reference (what fulfilment order keys are built from). */
  storeRef: string;
}

/** Why a destination waits for a person, as its review says it. */
interface Waiting {
  reason: 'shipment_validation' | 'carrier_outcome_unknown';
  destination: Destination;
  problems: string[];
}

interface Run {
  input: CarrierShipmentInput;
  connection: ConnectionRecord;
  carrier: ShipmentCarrier;
}

/** Store statuses in which nothing more is ever sent to the carrier. */
const WITHDRAWN: readonly CanonicalOrder['status'][] = ['cancelled', 'refunded', 'archived'];

/**
 * The store's own dispatch: when a store order reaches a status its carrier connection ships on
 * (Posti: Awaiting Fulfillment by default), each destination becomes one consignment with its
 * labels. The request is recorded with its exact document before the carrier is called, and it
 * is sent once per attempt: an attempt the carrier answered with a failure is tried again, one
 * it did not answer (the consignment may exist) waits for a person, and a created consignment
 * is never asked for again. A destination that cannot be sent as it stands waits in review with
 * its reasons, and the next import after the store's data is fixed sends it, whatever the
 * order's status has become meanwhile.
 */
export class CarrierShipmentService {
  private readonly recorder: CarrierShipmentRecorder;

  constructor(private readonly platform: Platform) {
    this.recorder = new CarrierShipmentRecorder(platform);
  }

  async ship(input: CarrierShipmentInput): Promise<void> {
    const connection = await this.carrierOf(input.order.storeId);
    if (!connection || (await this.exportsToWarehouse(input.order.storeId))) return;
    const run: Run = { input, connection, carrier: this.platform.ports.shipments(connection) };
    const review = await this.platform.repos.catalog.findReviewOf(input.order.id, connection.id);
    if (WITHDRAWN.includes(input.canonical.status)) {
      if (review?.status === 'open') await this.dismiss(run, review);
      return;
    }
    // An order that waits in review was due when it was first seen: its status since (partly
    // shipped by its other destinations) does not take it back.
    const due =
      review?.status !== 'dismissed' &&
      (run.carrier.shipsOn(input.canonical.storeStatusId) || review?.status === 'open');
    const waiting: Waiting[] = [];
    for (const destination of input.canonical.destinations) {
      const wait = await this.shipDestination(run, destination, due);
      if (wait) waiting.push(wait);
    }
    if (waiting.length > 0) await this.hold(run, waiting);
    else if (review?.status === 'open') await this.release(run, review);
  }

  /** What the destination waits for, if anything. */
  private async shipDestination(
    run: Run,
    destination: Destination,
    due: boolean,
  ): Promise<Waiting | undefined> {
    const { repos } = this.platform;
    const { order, canonical } = run.input;
    const recorded = await repos.carrierShipments.findFor(
      order.id,
      run.connection.id,
      destination.addressExternalId,
    );
    // Work already begun is finished whatever the order's status is now.
    if (recorded?.status === 'created') {
      await this.recorder.complete(order, run.connection, run.carrier, recorded);
      return undefined;
    }
    if (recorded?.status === 'uncertain') return uncertain(destination, recorded);
    if (recorded?.status === 'requested') return this.send(run, destination, recorded);
    if (!due) return undefined;
    const plan = run.carrier.plan(canonical, destination, await this.choiceFor(order, destination));
    if (!plan.ok) {
      if (plan.reason !== 'shipment_validation') {
        this.platform.logger.info('no carrier shipment for this destination', {
          reason: plan.reason,
          addressRef: destination.addressExternalId,
        });
        return undefined;
      }
      return {
        reason: 'shipment_validation',
        destination,
        problems: plan.problems.map((p) => p.message),
      };
    }
    const orderKey = fulfilmentOrderKey(
      run.input.storeRef,
      canonical.externalId,
      destination.addressExternalId,
      canonical.destinations.length,
    );
    // The same order, destination and parcel set always make the same request id.
    const requestId = `${orderKey}:${digest(JSON.stringify(plan.document), 16)}`;
    if (recorded?.status === 'failed' && recorded.requestId === requestId) {
      return refused(destination, recorded.error);
    }
    const record = await repos.carrierShipments.record({
      orderId: order.id,
      connectionId: run.connection.id,
      externalAddressId: destination.addressExternalId,
      requestId,
      serviceCode: plan.serviceCode,
      serviceName: plan.serviceName,
      plan,
    });
    return this.send(run, destination, record);
  }

  /**
   * One attempt at the recorded request, under an id of its own. A carrier that answered with a
   * failure made nothing (thrown: the job retries); a refusal or no answer waits for a person.
   */
  private async send(
    run: Run,
    destination: Destination,
    record: LabelledShipment,
  ): Promise<Waiting | undefined> {
    const { repos, logger } = this.platform;
    if (record.status === 'created') {
      await this.recorder.complete(run.input.order, run.connection, run.carrier, record);
      return undefined;
    }
    const attempt = record.attempts + 1;
    await repos.carrierShipments.countAttempt(record.id);
    const sent = await run.carrier.create(
      record.plan as CarrierShipmentPlan,
      `${record.requestId}:${attempt}`,
    );
    const facts = { carrierShipmentId: record.id, requestId: record.requestId, attempt };
    if (sent.outcome === 'refused') {
      await repos.carrierShipments.markFailed(record.id, sent.message);
      this.audit('carrier_shipment.refused', run, { ...facts, error: sent.message });
      logger.warn('carrier refused the shipment', { error: sent.message });
      return refused(destination, sent.message);
    }
    if (sent.outcome === 'unknown') {
      await repos.carrierShipments.markUncertain(record.id, sent.message);
      this.audit('carrier_shipment.uncertain', run, { ...facts, error: sent.message });
      logger.warn('carrier did not say whether it made the shipment', { error: sent.message });
      return uncertain(destination, { ...record, error: sent.message });
    }
    const created = await this.recorder.created(record, sent.shipment);
    this.audit('carrier_shipment.created', run, {
      ...facts,
      shipmentRef: sent.shipment.shipmentRef,
      trackingNumbers: sent.shipment.parcels.map((parcel) => parcel.trackingNumber),
      product: record.serviceCode,
    });
    logger.info('carrier shipment created', {
      parcels: sent.shipment.parcels.length,
      product: record.serviceCode,
    });
    await this.recorder.complete(run.input.order, run.connection, run.carrier, created);
    return undefined;
  }

  /** What checkout sold for the destination, as the store's rate rules name its method. */
  private async choiceFor(order: OrderRecord, destination: Destination) {
    const saved = await this.platform.repos.rates.current(order.storeId);
    const rules = saved ? validateRateRuleSet(saved.rules) : undefined;
    const chosen = rules?.ok
      ? serviceForShippingMethod(rules.ruleSet, destination.shippingMethod, {
          country: destination.shipTo.country ?? '',
          postcode: destination.shipTo.postalCode ?? '',
        })
      : undefined;
    return { product: chosen?.product ?? null, pickupPointId: chosen?.pickupPointId ?? null };
  }

  private async exportsToWarehouse(storeId: string): Promise<boolean> {
    const { repos, ports } = this.platform;
    // The warehouse prints the labels of a store that exports to one: never a second parcel.
    return Boolean(
      await repos.tenancy.findStoreConnectionAmong(storeId, ports.providersFor('fulfilment')),
    );
  }

  private async carrierOf(storeId: string): Promise<ConnectionRecord | undefined> {
    const { repos, ports } = this.platform;
    return repos.tenancy.findStoreConnectionAmong(storeId, ports.providersWith('shipments'));
  }

  /** One review per order and carrier: a destination the carrier may hold already comes first. */
  private async hold(run: Run, waiting: readonly Waiting[]): Promise<void> {
    const { repos, logger } = this.platform;
    const many = run.input.canonical.destinations.length > 1;
    const reason = waiting.some((w) => w.reason === 'carrier_outcome_unknown')
      ? 'carrier_outcome_unknown'
      : 'shipment_validation';
    const details = waiting
      .map((w) => `${many ? `${w.destination.addressExternalId}: ` : ''}${w.problems.join('; ')}`)
      .join(' | ');
    const held = await repos.catalog.hold({
      orderId: run.input.order.id,
      connectionId: run.connection.id,
      reason,
      skus: [],
      details,
    });
    if (!held) return;
    const fields = { reviewId: held.review.id, reason, details };
    if (held.outcome === 'unchanged') {
      logger.info('order still waits for review before its carrier shipment', fields);
      return;
    }
    this.audit(held.outcome === 'opened' ? 'review.opened' : 'review.updated', run, fields);
    logger.warn('order held for review: its carrier shipment needs a person', fields);
  }

  private async release(run: Run, review: OrderReviewRecord): Promise<void> {
    if (!(await this.platform.repos.catalog.release(review.id, AUTO_RESOLVER))) return;
    this.audit('review.released', run, { reviewId: review.id, by: AUTO_RESOLVER });
  }

  /** A store order cancelled while it waits in review waits for nothing any more. */
  private async dismiss(run: Run, review: OrderReviewRecord): Promise<void> {
    if (!(await this.platform.repos.catalog.dismiss(review.id, AUTO_RESOLVER))) return;
    this.audit('review.dismissed', run, {
      reviewId: review.id,
      by: AUTO_RESOLVER,
      cause: 'order_cancelled',
      storeStatus: run.input.canonical.status,
    });
  }

  private audit(kind: string, run: Run, metadata: Record<string, unknown>): void {
    this.platform.repos.audit.record({
      direction: 'internal',
      kind,
      provider: run.connection.provider,
      connectionId: run.connection.id,
      orderRef: run.input.canonical.orderNumber,
      correlationId: currentLogContext().correlationId,
      metadata,
    });
  }
}

function refused(destination: Destination, error: string | null): Waiting {
  return {
    reason: 'shipment_validation',
    destination,
    problems: [`the carrier refused the shipment: ${error ?? 'no reason given'}`],
  };
}

function uncertain(destination: Destination, record: LabelledShipment): Waiting {
  const { reference } = record.plan as Partial<CarrierShipmentPlan>;
  return {
    reason: 'carrier_outcome_unknown',
    destination,
    problems: [
      `the carrier did not say whether it made consignment ${reference ?? record.requestId} (${record.error ?? 'no answer'}): look for it in the carrier's admin; a retry of this review sends it again`,
    ],
  };
}
