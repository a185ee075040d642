import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import { LIVE_REGISTRATIONS, type TrackingRecord } from '@shiplink/db';
import type { TrackingProvider, TrackingRequest } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { withLogContext } from '@shiplink/logger';
import { resolveCarrier } from './carrier-resolution.service';
import { trackingConnectionFor } from './tracking-connection';
import { trackingRequest } from './tracking-request';
import type { TrackingProgressService } from './tracking-progress.service';

const normalized = (value: string | null) => value?.replace(/\s+/g, '') || null;

/**
 * Tracking registration: exactly one provider tracking per (order, carrier, tracking number),
 * kept in step with the shipment. A changed number or carrier retires the old tracking (deleted
 * at the provider) before the new one is created, so a shipment never has two; a voided shipment or a
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
    const { repos, logger } = this.platform;
    const shipment = await repos.shipments.findForWriteback(shipmentId);
    if (!shipment) return;
    const tracker = await trackingConnectionFor(this.platform, shipment.storeId, {
      carrierSlug: normalized(shipment.carrierSlug),
      source: shipment.source,
    });
    if (!tracker) {
      logger.debug('store tracks no shipments', { storeId: shipment.storeId });
      return;
    }
    const { connection, provider: client } = tracker;
    const lives = await repos.trackings.allLiveForShipment(shipmentId);
    const [live] = lives;
    const number = normalized(shipment.trackingNumber);
    if (shipment.voided || !number) {
      const why = shipment.voided ? 'shipment voided' : 'tracking number removed';
      for (const tracking of lives) await this.retire(tracking, null, why);
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
      connectionId: connection.id,
    });
    for (const other of lives.filter((tracking) => tracking.id !== row.id)) {
      await this.retire(other, row.id, `replaced by ${carrier.slug ?? '?'} ${number}`);
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
    client: TrackingProvider,
    row: TrackingRecord,
    request: TrackingRequest,
  ): Promise<void> {
    const { repos, logger } = this.platform;
    const result = await client.register(request);
    if (result.outcome !== 'registered') {
      await repos.trackings.markUnregistered(row.id, result.outcome, result.why);
      logger.warn('tracking refused by the provider', {
        trackingNumber: row.trackingNumber,
        reason: result.reason,
      });
      return;
    }
    await repos.trackings.markRegistered(row.id, result.snapshot.trackingRef);
    logger.info('tracking registered', {
      trackingNumber: row.trackingNumber,
      slug: row.slug,
      created: result.created,
    });
    // A tracking the provider already had may come with history.
    if (result.hasHistory || !result.created) {
      await this.progress.apply(row.id, result.snapshot, { polled: false });
    }
  }

  /**
   * Deletes the tracking at the provider it is registered with (gone already is fine), then
   * marks it retired here.
   */
  private async retire(
    tracking: TrackingRecord,
    replacedById: string | null,
    why: string,
  ): Promise<void> {
    const { repos, logger } = this.platform;
    const client = await this.registeredWith(tracking);
    if (client) {
      const ids = tracking.trackingRef
        ? [tracking.trackingRef]
        : await this.unrecordedIds(client, tracking);
      for (const id of ids) await client.remove(id);
    }
    await repos.trackings.retire(tracking.id, replacedById, why);
    logger.info('tracking retired', { trackingNumber: tracking.trackingNumber, why });
  }

  /**
   * The provider a tracking is registered with: its recorded connection, or for trackings
   * recorded before connections were kept, the store's tracking service. Undefined once that
   * connection is gone (there is nothing left to delete it from).
   */
  private async registeredWith(tracking: TrackingRecord): Promise<TrackingProvider | undefined> {
    const { repos, ports } = this.platform;
    if (!tracking.connectionId) {
      const service = await trackingConnectionFor(this.platform, tracking.storeId, {
        carrierSlug: null,
        source: null,
      });
      return service?.provider;
    }
    const connection = await repos.tenancy.findConnection(tracking.connectionId);
    return connection?.active ? ports.tracking(connection) : undefined;
  }

  /** A create that succeeded at the provider but crashed before we stored its id. */
  private async unrecordedIds(client: TrackingProvider, tracking: TrackingRecord) {
    if (!tracking.slug || tracking.registration !== 'pending') return [];
    return client.findRegistered({
      trackingNumber: tracking.trackingNumber,
      carrierSlug: tracking.slug,
      orderNumber: tracking.orderNumber,
    });
  }
}
