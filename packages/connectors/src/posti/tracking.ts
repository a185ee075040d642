import type {
  TrackingProvider,
  TrackingRegistrationResult,
  TrackingSnapshot,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { PostiClient } from './client';
import { POSTI_PROVIDER } from './profile';
import type { PostiStatusEvent } from './schemas';
import type { PostiSettings } from './settings';
import { POSTI_CARRIER_SLUG, postiSnapshot } from './timeline';
import { PostiTrackingEventPayloadSchema } from './webhook';

/**
 * Parcel codes Posti issues: `JJFI` codes (`JJFI` + customer number + running number, and
 * Pakettikauppa's test code `JJFITESTLABEL100`) and UPU S10 codes of Finland (`XX123456789FI`).
 */
const POSTI_CODES = [/^JJFI[0-9A-Z]{8,30}$/, /^[A-Z]{2}\d{9}FI$/];

/** Whether a tracking number is a Posti parcel code (spaces and case aside, as people type it). */
export function isPostiTrackingCode(trackingNumber: string): boolean {
  const code = trackingNumber.replace(/\s+/g, '').toUpperCase();
  return POSTI_CODES.some((pattern) => pattern.test(code));
}

/** Posti naming the parcel unknown, as opposed to an empty list, which also fits a new parcel. */
const UNKNOWN_CODE =
  /\b(tracking[ _-]?code|shipment|parcel)s?\b.*\b(not found|unknown|does not exist)\b|\b(unknown|no such) (tracking[ _-]?code|shipment|parcel)\b/i;

/**
 * Whether a failed status read is Posti saying it has no such parcel. The API documents no such
 * answer (the simulator, like the docs' examples, answers `[]`), so only an explicit refusal or a
 * 404 that says so counts; the endpoint's own path, which names "shipment", is left out of it.
 */
function isUnknownCode(error: unknown): boolean {
  if (!(error instanceof PermanentError)) return false;
  if (error.reason !== `${POSTI_PROVIDER}.refused` && error.status !== 404) return false;
  return UNKNOWN_CODE.test(error.message.replace(error.endpoint ?? '', ''));
}

/** The parcel's events; undefined when Posti says it has no such parcel. */
async function eventsOf(
  client: PostiClient,
  trackingCode: string,
): Promise<PostiStatusEvent[] | undefined> {
  try {
    return await client.shipmentStatus(trackingCode);
  } catch (error) {
    if (isUnknownCode(error)) return undefined;
    throw error;
  }
}

/**
 * Posti's own tracking feed. Posti tracks its consignments from the moment they are created and
 * calls back every event (the 9901 service asked for with the shipment), so there is nothing to
 * register or delete: the tracking ref is the tracking code, and registering reads what Posti has.
 */
export function postiTrackingProvider(
  client: PostiClient,
  _settings: PostiSettings,
): TrackingProvider {
  return {
    name: 'Posti',
    carriers: [POSTI_CARRIER_SLUG],
    detectCarrier: ({ trackingNumber }) =>
      Promise.resolve(isPostiTrackingCode(trackingNumber) ? [POSTI_CARRIER_SLUG] : []),
    async register(request): Promise<TrackingRegistrationResult> {
      if (request.carrierSlug.trim().toLowerCase() !== POSTI_CARRIER_SLUG) {
        return {
          outcome: 'failed',
          why: `Posti tracks only its own parcels, not ${request.carrierSlug || 'an unknown courier'}'s`,
          reason: 'posti.not_a_posti_parcel',
        };
      }
      // A parcel created a moment ago is one Posti has heard nothing about yet.
      const events = (await eventsOf(client, request.trackingNumber)) ?? [];
      return {
        outcome: 'registered',
        snapshot: postiSnapshot(request.trackingNumber, events, {
          orderNumber: request.orderNumber,
        }),
        created: true,
        hasHistory: events.length > 0,
      };
    },
    async read(trackingRef): Promise<TrackingSnapshot | undefined> {
      const events = await eventsOf(client, trackingRef);
      return events && postiSnapshot(trackingRef, events);
    },
    remove: () => Promise.resolve(false),
    findRegistered: ({ trackingNumber, carrierSlug }) => {
      const code = trackingNumber.trim();
      const posti = carrierSlug.trim().toLowerCase() === POSTI_CARRIER_SLUG;
      return Promise.resolve(posti && code ? [code] : []);
    },
    snapshotOfEvent(payload) {
      const parsed = PostiTrackingEventPayloadSchema.safeParse(payload);
      if (!parsed.success) {
        throw new PermanentError(
          `posti callback in the inbox is not a tracking event: ${parsed.error.issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
            .join('; ')}`,
          { provider: POSTI_PROVIDER, reason: 'posti.callback_invalid' },
        );
      }
      return postiSnapshot(parsed.data.trackingCode, [parsed.data.event]);
    },
  };
}
