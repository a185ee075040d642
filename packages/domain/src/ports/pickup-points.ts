/**
 * Where a carrier lets customers collect parcels (Posti's pickup points and parcel lockers), for
 * checkout: the nearest ones to an address, as the carrier ranks them.
 */
export interface PickupPointSource {
  nearest(
    address: { country: string; postcode: string; street: string | null; city: string | null },
    options: { limit: number; timeoutMs: number },
  ): Promise<PickupPoint[]>;
}

export interface PickupPoint {
  /** The carrier's id of the point, as an order's pickup-point field carries it. */
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  /** Metres from the address, where the carrier says. */
  distanceMetres: number | null;
  /** Opening hours as the carrier words them. */
  openingHours: string | null;
}
