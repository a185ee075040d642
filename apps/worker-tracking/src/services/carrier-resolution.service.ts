import type { AfterShipClient } from '@shiplink/connectors/aftership';
import { storeCarrierFor } from '@shiplink/connectors/shipstation';
import type { CarrierResolution, TrackingRecord } from '@shiplink/db';

export interface ResolvedCarrier {
  /** AfterShip courier slug; null when a person has to pick it. */
  slug: string | null;
  status: CarrierResolution;
  candidates: string[];
  note: string | null;
}

export interface CarrierHints {
  trackingNumber: string;
  /** The store's carrier value (BigCommerce tracking_carrier, which is an AfterShip slug). */
  storeCarrier: string | null;
  /** The fulfilment system's carrier code (ShipStation carrierCode). */
  carrierCode: string | null;
  postalCode: string | null;
  countryRegion: string | null;
}

/**
 * Which AfterShip courier a shipment travels with. The shipment's own carrier wins (BigCommerce
 * `tracking_carrier` values are AfterShip slugs; ShipStation codes map through
 * `storeCarrierFor`). Without one, AfterShip's detection decides only when it names exactly one
 * courier; none or several leave the choice to a person, since a wrong courier sends the
 * customer to someone else's parcel.
 */
export async function resolveCarrier(
  client: AfterShipClient,
  hints: CarrierHints,
  live: TrackingRecord | undefined,
): Promise<ResolvedCarrier> {
  const own = hints.storeCarrier?.trim() || storeCarrierFor(hints.carrierCode);
  if (own) return { slug: own, status: 'mapped', candidates: [], note: null };
  // Detection answered for this very number before: asking again costs a call and says the same.
  if (live && live.trackingNumber === hints.trackingNumber && live.carrierStatus === 'detected') {
    return { slug: live.slug, status: 'detected', candidates: [], note: null };
  }
  const candidates = await client.detectCourier({
    trackingNumber: hints.trackingNumber,
    ...(hints.postalCode ? { postalCode: hints.postalCode } : {}),
    ...(hints.countryRegion ? { destinationCountryRegion: hints.countryRegion } : {}),
  });
  const [only, ...others] = candidates;
  if (only && others.length === 0) {
    return { slug: only, status: 'detected', candidates, note: null };
  }
  const note =
    candidates.length > 0
      ? `AfterShip's courier detection offers ${candidates.join(', ')}: set the carrier on the store shipment`
      : 'AfterShip cannot detect the courier: set the carrier on the store shipment';
  return { slug: null, status: 'needs_review', candidates, note };
}
