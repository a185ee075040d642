import { estimatedDelivery } from './estimated-delivery';
import type {
  TrackingProvider,
  TrackingRegistrationResult,
  TrackingRequest,
  TrackingSnapshot,
} from '@shiplink/domain';
import { ShiplinkError } from '@shiplink/errors';
import type { AfterShipClient } from './client';
import { toCreateTracking } from './mapping';
import { afterShipReason } from './profile';
import type { AfterShipCreateTrackingBody, AfterShipTracking } from './schemas';
import type { AfterShipSettings } from './settings';
import { afterShipTimeline } from './timeline';
import { parseAfterShipWebhook } from './webhook';

/** Refusals a person has to resolve: about the courier (4010, 4012), or the number (4005…). */
const NEEDS_REVIEW_CODES = [4010, 4012].map(afterShipReason);
const FAILED_CODES = [4005, 4011, 4017].map(afterShipReason);

/** Whether a refused create is for a person to resolve; undefined when it is an ordinary error. */
export function refusalOf(error: unknown): 'needs_review' | 'failed' | undefined {
  const reason = error instanceof ShiplinkError ? error.reason : '';
  if (NEEDS_REVIEW_CODES.includes(reason)) return 'needs_review';
  if (FAILED_CODES.includes(reason)) return 'failed';
  return undefined;
}

export function trackingSnapshot(tracking: AfterShipTracking): TrackingSnapshot {
  return {
    trackingRef: tracking.id,
    trackingNumber: tracking.tracking_number,
    carrierSlug: tracking.slug || null,
    orderNumber: tracking.order_number ?? null,
    entries: afterShipTimeline(tracking),
    estimatedDelivery: estimatedDelivery(tracking),
    trackingUrl:
      tracking.aftership_tracking_url ||
      tracking.courier_redirect_link ||
      tracking.courier_tracking_link ||
      null,
  };
}

/** The create body for a registration: the store's order id and number, the parcel's lines. */
export function createTrackingBody(request: TrackingRequest): AfterShipCreateTrackingBody {
  return toCreateTracking({
    trackingNumber: request.trackingNumber,
    slug: request.carrierSlug,
    orderId: request.orderRef,
    orderNumber: request.orderNumber,
    customers: [{ role: 'buyer', ...request.customer }],
    destinationCountryRegion: request.destinationCountry,
    shipmentItems: request.items,
  });
}

/** AfterShip (API 2025-01) as a tracking provider. */
export function afterShipTrackingProvider(
  client: AfterShipClient,
  _settings: AfterShipSettings,
): TrackingProvider {
  return {
    name: 'AfterShip',
    carriers: 'any',
    detectCarrier({ trackingNumber, postalCode, countryRegion }) {
      return client.detectCourier({
        trackingNumber,
        ...(postalCode ? { postalCode } : {}),
        ...(countryRegion ? { destinationCountryRegion: countryRegion } : {}),
      });
    },
    async register(request): Promise<TrackingRegistrationResult> {
      let result: Awaited<ReturnType<AfterShipClient['createTracking']>>;
      try {
        // An existing tracking (4003) comes back from the client as `created: false`.
        result = await client.createTracking(createTrackingBody(request));
      } catch (error) {
        const outcome = refusalOf(error);
        if (!outcome || !(error instanceof ShiplinkError)) throw error;
        return { outcome, why: `AfterShip refused it: ${error.message}`, reason: error.reason };
      }
      return {
        outcome: 'registered',
        snapshot: trackingSnapshot(result.tracking),
        created: result.created,
        hasHistory: (result.tracking.checkpoints ?? []).length > 0,
      };
    },
    async read(trackingRef) {
      const tracking = await client.getTracking(trackingRef);
      return tracking ? trackingSnapshot(tracking) : undefined;
    },
    remove: (trackingRef) => client.deleteTracking(trackingRef),
    async findRegistered({ trackingNumber, carrierSlug, orderNumber }) {
      const found = await client.listTrackings({
        trackingNumbers: [trackingNumber],
        slug: carrierSlug,
      });
      return found.filter((tracking) => tracking.order_number === orderNumber).map((t) => t.id);
    },
    snapshotOfEvent(payload) {
      return trackingSnapshot(parseAfterShipWebhook(payload).msg);
    },
  };
}
