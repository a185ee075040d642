import type { PickupPoint, PickupPointSource } from '@shiplink/domain';
import type { PostiClient } from './client';
import type { PostiPickupPoint } from './schemas';

/** A Posti pickup point in the hub's terms; Posti gives no distance, its description holds the hours. */
export function pickupPoint(point: PostiPickupPoint, country: string): PickupPoint {
  return {
    id: point.pickup_point_id,
    name: point.name,
    street: point.street_address ?? '',
    postcode: point.postcode ?? '',
    city: point.city ?? '',
    country: point.country ?? country,
    distanceMetres: null,
    openingHours: point.description ?? null,
  };
}

/**
 * Posti's pickup points for checkout (Posti Shipping `/pickup-points/search`), nearest first as
 * Posti ranks them, asked once within the checkout's timeout.
 */
export function postiPickupPoints(client: PostiClient): PickupPointSource {
  return {
    async nearest(address, options) {
      const points = await client.pickupPoints(
        {
          postcode: address.postcode,
          country: address.country,
          maxResults: options.limit,
          ...(address.street ? { streetAddress: address.street } : {}),
        },
        { timeoutMs: options.timeoutMs },
      );
      return points.slice(0, options.limit).map((point) => pickupPoint(point, address.country));
    },
  };
}
