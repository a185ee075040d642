import type { CarrierResolution, TrackingRecord } from '@shiplink/db';
import { carrierSlugFromCode, type TrackingProvider } from '@shiplink/domain';

export interface ResolvedCarrier {
  /** Courier slug; null when a person has to pick it. */
  slug: string | null;
  status: CarrierResolution;
  candidates: string[];
  note: string | null;
}

export interface CarrierHints {
  trackingNumber: string;
  /** The shipment's courier slug (the store's carrier value is one already). */
  carrierSlug: string | null;
  /** The fulfilment system's carrier code, in the vocabulary of `carrierSource`. */
  carrierCode: string | null;
  /** The provider that reported `carrierCode`. */
  carrierSource: string | null;
  postalCode: string | null;
  countryRegion: string | null;
}

/**
 * Which courier a shipment travels with. The shipment's own carrier wins (its slug, else its
 * carrier code through the canonical carrier table). Without one, the tracking provider's
 * detection decides only when it names exactly one courier; none or several leave the choice to
 * a person, since a wrong courier sends the customer to someone else's parcel.
 */
export async function resolveCarrier(
  provider: Pick<TrackingProvider, 'name' | 'detectCarrier'>,
  hints: CarrierHints,
  live: TrackingRecord | undefined,
): Promise<ResolvedCarrier> {
  const own =
    hints.carrierSlug?.trim() ||
    (hints.carrierSource ? carrierSlugFromCode(hints.carrierSource, hints.carrierCode) : '');
  if (own) return { slug: own, status: 'mapped', candidates: [], note: null };
  // Detection answered for this very number before: asking again costs a call and says the same.
  if (live && live.trackingNumber === hints.trackingNumber && live.carrierStatus === 'detected') {
    return { slug: live.slug, status: 'detected', candidates: [], note: null };
  }
  const candidates = await provider.detectCarrier({
    trackingNumber: hints.trackingNumber,
    postalCode: hints.postalCode,
    countryRegion: hints.countryRegion,
  });
  const [only, ...others] = candidates;
  if (only && others.length === 0) {
    return { slug: only, status: 'detected', candidates, note: null };
  }
  const note =
    candidates.length > 0
      ? `${provider.name}'s courier detection offers ${candidates.join(', ')}: set the carrier on the store shipment`
      : `${provider.name} cannot detect the courier: set the carrier on the store shipment`;
  return { slug: null, status: 'needs_review', candidates, note };
}
