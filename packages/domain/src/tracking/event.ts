import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ReasonSchema, TrackingStatusSchema } from './status';

/** Where tracking events come from; kept on every event so a timeline can be re-derived. */
export const TRACKING_SOURCES = [
  'aftership',
  'posti',
  'shipstation',
  'shiphero',
  'manual',
] as const;
export const TrackingSourceSchema = z.enum(TRACKING_SOURCES);
export type TrackingSource = z.infer<typeof TrackingSourceSchema>;

/** Namespaced so codes from different sources never collide: `aftership:Exception_011`. */
export const SubStatusSchema = z.string().regex(/^[a-z][a-z0-9_-]*:\S/, 'must be namespaced');

/**
 * The sub-status marker for a vendor status no mapping knows (ShipEngine's precedent): the event
 * becomes `unknown`, the raw code stays in the sub-status, and the gap can be counted.
 */
export const CARRIER_STATUS_NOT_MAPPED = 'CARRIER_STATUS_NOT_MAPPED';

export function unmappedSubStatus(source: TrackingSource, raw: string): string {
  return `${source}:${CARRIER_STATUS_NOT_MAPPED}:${raw}`;
}

/** True for sub-statuses made by `unmappedSubStatus`, for the mapping-gap counter. */
export function isUnmappedSubStatus(subStatus: string): boolean {
  return subStatus.split(':')[1] === CARRIER_STATUS_NOT_MAPPED;
}

export const TrackingLocationSchema = z
  .object({
    city: z.string().nullable(),
    state: z.string().nullable(),
    postalCode: z.string().nullable(),
    /** As the source gave it (ISO 3166 alpha-2 or alpha-3); not normalized, to stay re-derivable. */
    countryRegion: z.string().nullable(),
    /** The free-text location the source sent, if any. */
    raw: z.string().nullable(),
  })
  .strict();
export type TrackingLocation = z.infer<typeof TrackingLocationSchema>;

export const EMPTY_LOCATION: TrackingLocation = {
  city: null,
  state: null,
  postalCode: null,
  countryRegion: null,
  raw: null,
};

/**
 * One normalized checkpoint. The raw fields are kept next to the normalized ones so that a new
 * mapping version can recompute status, subStatus and reason without asking the source again.
 */
export const TrackingEventSchema = z
  .object({
    status: TrackingStatusSchema,
    subStatus: SubStatusSchema,
    reason: ReasonSchema.nullable(),
    actionRequired: z.boolean(),
    /**
     * When it happened, as the carrier reported it: ISO 8601 with offset, or — when the carrier
     * gave no offset (`occurredAtIsLocal`) — the local wall time at the checkpoint's location.
     */
    occurredAt: z.string(),
    occurredAtIsLocal: z.boolean(),
    /**
     * The same instant in UTC, for ordering and identity. For local wall times it is derived by
     * `localWallTimeToUtc` from the wall time and the event's own location (zone inferred from
     * country/state, else the wall time read as UTC): deterministic, so identities stay stable
     * across re-sends.
     */
    occurredAtUtc: z.iso.datetime(),
    /** The most specific code the source gave (a carrier's own code when an aggregator forwards it). */
    rawCode: z.string().nullable(),
    /** The source's own coarse status, e.g. AfterShip's `tag`. */
    rawTag: z.string().nullable(),
    message: z.string().nullable(),
    location: TrackingLocationSchema,
    source: TrackingSourceSchema,
    /** The version of the mapping that produced status/subStatus/reason. */
    mappingVersion: z.string().min(1),
  })
  .strict()
  .superRefine((event, ctx) => {
    const schema = event.occurredAtIsLocal
      ? z.iso.datetime({ local: true })
      : z.iso.datetime({ offset: true });
    if (!schema.safeParse(event.occurredAt).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['occurredAt'],
        message: event.occurredAtIsLocal
          ? 'must be a local date-time without offset'
          : 'must be an ISO date-time with offset',
      });
    }
  });
export type TrackingEvent = z.infer<typeof TrackingEventSchema>;

export interface CheckpointIdentityInput {
  carrier: string;
  trackingNumber: string;
  occurredAtUtc: string;
  rawCode: string | null;
  location: TrackingLocation | null;
}

const norm = (value: string | null | undefined) =>
  (value ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A checkpoint's identity: sha256 over carrier, tracking number, occurred-at (UTC), raw code and
 * location. The time we (or an aggregator) received it is deliberately absent: identical scans
 * re-sent with a different receive time must collapse into one (AfterShip iOS SDK issue #4).
 * Formatting noise (case, spacing, `.000` milliseconds) does not change the identity.
 */
export function checkpointIdentity(input: CheckpointIdentityInput): string {
  const instant = new Date(input.occurredAtUtc);
  const location = input.location ?? EMPTY_LOCATION;
  const parts = [
    norm(input.carrier),
    input.trackingNumber.replace(/\s+/g, '').toUpperCase(),
    Number.isNaN(instant.getTime()) ? norm(input.occurredAtUtc) : instant.toISOString(),
    norm(input.rawCode),
    norm(location.city),
    norm(location.state),
    norm(location.postalCode),
    norm(location.countryRegion),
    norm(location.raw),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
