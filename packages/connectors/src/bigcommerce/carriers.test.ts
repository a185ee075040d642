import { CARRIERS } from '@shiplink/domain';
import { isValidTrackingCarrier, toBigCommerceTrackingCarrier } from './carriers';
import accepted from './fixtures/tracking-carriers.json';

describe('canonical carriers on the store', () => {
  const valid = new Set(accepted.values);

  it.each(Object.entries(CARRIERS))(
    '%s has an accepted BigCommerce value (%j)',
    (_id, { slug, storeValue }) => {
      expect(valid.has(storeValue)).toBe(true);
      expect(storeValue === '' || isValidTrackingCarrier(storeValue)).toBe(true);
      // What a shipment carries (its slug) is what the store shows.
      expect(toBigCommerceTrackingCarrier(slug)).toBe(storeValue);
    },
  );
});
