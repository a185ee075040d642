import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import {
  afterShipReason,
  type AfterShipClient,
  type AfterShipCreateTrackingBody,
} from '@shiplink/connectors/aftership';
import { LIVE_REGISTRATIONS, type TrackingRecord } from '@shiplink/db';
import { PermanentError, ShiplinkError } from '@shiplink/errors';
import { withLogContext } from '@shiplink/logger';
import { resolveCarrier } from './carrier-resolution.service';
import { trackingRequest } from './tracking-request';
import type { TrackingProgressService } from './tracking-progress.service';

/** AfterShip refusals a person has to resolve: about the courier, or about the number itself. */
const NEEDS_REVIEW_CODES = [4010, 4012].map(afterShipReason);
const FAILED_CODES = [4005, 4011, 4017].map(afterShipReason);

const normalized = (value: string | null) => value?.replace(/\s+/g, '') || null;

/**
 * Tracking registration: exactly one AfterShip tracking per (order, carrier, tracking number),
 * kept in step with the shipment. A changed number or carrier retires the old tracking (deleted at
 * AfterShip) before the new one is created, so a shipment never has two; a voided shipment or a
 * removed number retires it too. One shipment is worked by one process at a time.
 */
export class TrackingRegistrationService {
  constructor(
    private readonly platform: Platform,
    private readonly progress: TrackingProgressService,
  ) {}

  async register({ shipmentId }: { shipmentId: string }): Promise<void> {
    const { repos } = this.platform;
    const first = await repos.shipments.findForWriteback(shipmentId);
    if (!first) {
      throw new PermanentError(`shipment ${shipmentId} does not exist`, {
        reason: 'shipment.unknown',
      });
    }
    await withLogContext({ orderRef: first.orderNumber }, () =>
      repos.locks.withLock(`tracking-shipment:${shipmentId}`, () => this.run(shipmentId)),
    );
  }

  private async run(shipmentId: string): Promise<void> {
    const { repos, clients, logger } = this.platform;
    const shipment = await repos.shipments.findForWriteback(shipmentId);
    if (!shipment) return;
    const connection = await repos.tenancy.findStoreConnection(shipment.storeId, 'aftership');
    if (!connection) {
      logger.debug('store tracks no shipments', { storeId: shipment.storeId });
      return;
    }
    const client = clients.aftership(connection);
    const lives = await repos.trackings.allLiveForShipment(shipmentId);
    const [live] = lives;
    const number = normalized(shipment.trackingNumber);
    if (shipment.voided || !number) {
      const why = shipment.voided ? 'shipment voided' : 'tracking number removed';
      for (const tracking of lives) await this.retire(client, tracking, null, why);
      return;
    }
    const order = await repos.orders.find(shipment.orderId);
    if (!order) return;
    const request = trackingRequest(order, shipment, number);
    const carrier = await resolveCarrier(
      client,
      { ...request.hints, trackingNumber: number },
      live,
    );
    const taken = await repos.trackings.findByKey(shipment.orderId, carrier.slug, number);
    if (
      taken &&
      taken.shipmentId !== shipmentId &&
      LIVE_REGISTRATIONS.includes(taken.registration)
    ) {
      // Two shipment records for one parcel (same order, carrier and number): tracked once.
      logger.warn('tracking number already tracked for another shipment', {
        trackingNumber: number,
      });
      return;
    }
    const current =
      lives.length === 1 && live?.trackingNumber === number && live.slug === carrier.slug;
    if (current && live.registration === 'registered') return;
    const row = await repos.trackings.claim({
      orderId: shipment.orderId,
      shipmentId,
      storeId: shipment.storeId,
      orderNumber: shipment.orderNumber,
      trackingNumber: number,
      slug: carrier.slug,
      carrierStatus: carrier.status,
      carrierCandidates: carrier.candidates,
      registration: carrier.slug ? 'pending' : 'needs_review',
      registrationNote: carrier.note,
    });
    for (const other of lives.filter((tracking) => tracking.id !== row.id)) {
      await this.retire(client, other, row.id, `replaced by ${carrier.slug ?? '?'} ${number}`);
    }
    if (!carrier.slug) {
      logger.warn('tracking carrier needs review', {
        trackingNumber: number,
        candidates: carrier.candidates,
      });
      return;
    }
    const settings = parseStoreSettings(connection.store.settings, shipment.storeId);
    await this.create(
      client,
      row,
      request.body(carrier.slug, settings.tracking.shareWithCarrierTracking),
    );
  }

  private async create(
    client: AfterShipClient,
    row: TrackingRecord,
    body: AfterShipCreateTrackingBody,
  ): Promise<void> {
    const { repos, logger } = this.platform;
    let result: Awaited<ReturnType<AfterShipClient['createTracking']>>;
    try {
      result = await client.createTracking(body);
    } catch (error) {
      const reason = error instanceof ShiplinkError ? error.reason : '';
      const state = NEEDS_REVIEW_CODES.includes(reason)
        ? 'needs_review'
        : FAILED_CODES.includes(reason)
          ? 'failed'
          : undefined;
      if (!state || !(error instanceof Error)) throw error;
      await repos.trackings.markUnregistered(
        row.id,
        state,
        `AfterShip refused it: ${error.message}`,
      );
      logger.warn('tracking refused by aftership', { trackingNumber: row.trackingNumber, reason });
      return;
    }
    await repos.trackings.markRegistered(row.id, result.tracking.id);
    logger.info('tracking registered', {
      trackingNumber: row.trackingNumber,
      slug: row.slug,
      created: result.created,
    });
    // A tracking AfterShip already had may come with history.
    if ((result.tracking.checkpoints ?? []).length > 0 || !result.created) {
      await this.progress.apply(row.id, result.tracking, { polled: false });
    }
  }

  /** Deletes the tracking at AfterShip (gone already is fine), then marks it retired here. */
  private async retire(
    client: AfterShipClient,
    tracking: TrackingRecord,
    replacedById: string | null,
    why: string,
  ): Promise<void> {
    const { repos, logger } = this.platform;
    const ids = tracking.afterShipId
      ? [tracking.afterShipId]
      : await this.unrecordedIds(client, tracking);
    for (const id of ids) await client.deleteTracking(id);
    await repos.trackings.retire(tracking.id, replacedById, why);
    logger.info('tracking retired', { trackingNumber: tracking.trackingNumber, why });
  }

  /** A create that succeeded at AfterShip but crashed before we stored its id. */
  private async unrecordedIds(client: AfterShipClient, tracking: TrackingRecord) {
    if (!tracking.slug || tracking.registration !== 'pending') return [];
    const found = await client.listTrackings({
      trackingNumbers: [tracking.trackingNumber],
      slug: tracking.slug,
    });
    return found.filter((t) => t.order_number === tracking.orderNumber).map((t) => t.id);
  }
}
