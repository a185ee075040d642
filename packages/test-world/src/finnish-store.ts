import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';

/*
 * A Finnish store that dispatches its own parcels with Posti: its sender address and the
 * orders its tests and the demo place. Data only, so the demo can use it without test tooling.
 */

/** The merchant's dispatch address, as a Finnish store sets up its Posti connection. */
export const NORDIC_TRAIL_SENDER = {
  name: 'Nordic Trail Oy',
  street: 'Teollisuuskatu 1',
  postcode: '00510',
  city: 'Helsinki',
  phone: '+358 9 123 4567',
  vatcode: '1234567-8',
};

const aino = {
  firstName: 'Aino',
  lastName: 'Virtanen',
  street1: 'Mannerheimintie 12 B 7',
  city: 'Helsinki',
  zip: '00100',
  country: 'Finland',
  countryIso2: 'FI',
  phone: '040 123 4567',
  email: 'aino@example.fi',
};

/** A consignment as the Posti simulator holds it (the fields tests read). */
export interface PostiShipmentView {
  uuid: string;
  reference: string;
  routingIds: string[];
  product: string;
  recipient: Record<string, string | null>;
  additionalServices: { serviceCode: string; specifiers: Record<string, string> }[];
  callbackUrl: string | null;
  pickupPointId: string | null;
  trackingCodes: string[];
  parcels: { trackingCode: string; weightKg: number; contents: string }[];
}

/** Two 16 kg kettlebells and a jacket: more than one 30 kg parcel takes. */
export const heavyLines = () => [
  { sku: 'TRAIL-JACKET-M', name: 'Trail jacket', quantity: 1, price: '189.00', weight: 0.9 },
  { sku: 'KETTLEBELL-16', name: 'Kettlebell 16 kg', quantity: 2, price: '69.00', weight: 16 },
];

/** A Finnish order to a home address: a kettlebell and a jacket (8.9 kg), paid by card. */
export const finnishOrder = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  billing: aino,
  lines: [
    { sku: 'TRAIL-JACKET-M', name: 'Trail jacket', quantity: 1, price: '189.00', weight: 0.9 },
    { sku: 'KETTLEBELL-8', name: 'Kettlebell 8 kg', quantity: 1, price: '39.00', weight: 8 },
  ],
  shippingMethod: 'Kotipaketti',
  shippingCost: '8.90',
  currency: 'EUR',
  taxRate: 0.255,
  taxInclusive: true,
  ...overrides,
});
