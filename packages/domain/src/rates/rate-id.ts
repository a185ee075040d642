import { digest } from '../keys';
import { type Cart } from './cart';
import { normalizePostcode } from './zones';

/**
 * A quote's `rate_id`: the same for the same cart, destination, service, price and rule-set
 * revision, so the store's order says which quote the customer took and a repeated checkout
 * call answers alike. Item order, the city and the language do not change it.
 */
export function cartFingerprint(cart: Cart): string {
  const items = cart.items
    .map((i) => [i.sku, i.quantity, i.weightKg, i.lengthCm, i.widthCm, i.heightCm, i.priceEach])
    .map((fields) => JSON.stringify(fields))
    .sort();
  const country = cart.destination.country.toUpperCase();
  return JSON.stringify([
    cart.currency,
    country,
    normalizePostcode(cart.destination.postcode, country),
    cart.destination.addressType,
    items,
  ]);
}

/** 24 hex characters (BigCommerce takes up to 50). */
export function rateIdOf(
  fingerprint: string,
  quote: { storeId: string; version: number; zoneId: string; code: string; amount: string },
): string {
  const { storeId, version, zoneId, code, amount } = quote;
  return digest(JSON.stringify([storeId, version, zoneId, code, amount, fingerprint]), 24);
}
