import { MoneySchema } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { toBigCommerceTrackingCarrier } from './carriers';
import type { BigCommerceShipmentCreate } from './schemas';

export interface BigCommerceShipmentInput {
  /** BigCommerce order_address_id (the canonical destination's `addressExternalId`). */
  orderAddressId: string | number;
  /** BigCommerce order_product_ids (the canonical lines' `externalId`) and shipped quantities. */
  items: { orderProductId: string | number; quantity: number }[];
  trackingNumber: string | null;
  /** Any carrier name; becomes a valid `tracking_carrier` or `""`. */
  trackingCarrier: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  comments?: string | null;
  /** Where customers follow the parcel when BigCommerce cannot build a link for the carrier. */
  trackingLink?: string | null;
}

function positiveId(value: string | number, what: string): number {
  const id = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new PermanentError(`${what} "${value}" is not a BigCommerce id`, {
      provider: 'bigcommerce',
      reason: 'bigcommerce.invalid_shipment',
    });
  }
  return id;
}

/** The v2 create-shipment body for one destination of an order. */
export function toShipmentCreate(input: BigCommerceShipmentInput): BigCommerceShipmentCreate {
  const invalid = (message: string, reason = 'bigcommerce.invalid_shipment') =>
    new PermanentError(message, { provider: 'bigcommerce', reason });
  const quantities = new Map<number, number>();
  for (const item of input.items) {
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      throw invalid(`shipment quantity ${item.quantity} is not a positive integer`);
    }
    const id = positiveId(item.orderProductId, 'order product');
    quantities.set(id, (quantities.get(id) ?? 0) + item.quantity);
  }
  if (quantities.size === 0) throw invalid('a shipment needs at least one item');

  const trackingNumber = input.trackingNumber?.trim() ?? '';
  // BigCommerce refuses longer numbers; cutting one would send customers to someone else's parcel.
  if (trackingNumber.length > 50) {
    throw invalid(
      `tracking number longer than 50 characters`,
      'bigcommerce.tracking_number_too_long',
    );
  }
  const cost = input.shippingCost?.trim();
  if (cost && !MoneySchema.safeParse(cost).success)
    throw invalid(`shipping cost "${cost}" is not a decimal`);
  const link = input.trackingLink?.trim();
  const comments = input.comments?.trim();

  return {
    order_address_id: positiveId(input.orderAddressId, 'order address'),
    items: [...quantities].map(([orderProductId, quantity]) => ({
      order_product_id: orderProductId,
      quantity,
    })),
    tracking_number: trackingNumber,
    tracking_carrier: toBigCommerceTrackingCarrier(input.trackingCarrier),
    shipping_method: input.shippingMethod?.trim() ?? '',
    ...(cost ? { merchant_shipping_cost: cost } : {}),
    ...(comments ? { comments } : {}),
    // A link over BigCommerce's 500 characters is left out; generated_tracking_link still works.
    ...(link && link.length <= 500 ? { tracking_link: link } : {}),
  };
}

/**
 * The shipment already written for this tracking number, if any: write-back looks before it
 * creates, because a retried or replayed job must not ship the same parcel twice.
 */
export function findShipmentByTrackingNumber<S extends { tracking_number: string }>(
  shipments: readonly S[],
  trackingNumber: string,
): S | undefined {
  const wanted = trackingNumber.trim().toUpperCase();
  if (wanted === '') return undefined;
  return shipments.find((shipment) => shipment.tracking_number.trim().toUpperCase() === wanted);
}
