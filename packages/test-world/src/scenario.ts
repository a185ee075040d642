import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';

const austin = {
  firstName: 'Maya',
  lastName: 'Lindqvist',
  street1: '401 Congress Ave',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'United States',
  countryIso2: 'US',
  phone: '+1 512 555 0101',
  email: 'maya@example.com',
};

const tent = { sku: 'TENT-2P', name: 'Ridgeline 2-Person Tent', price: '249.00', weight: 5.5 };
const stove = { sku: 'STOVE-MINI', name: 'Pocket Rocket Stove', price: '49.95', weight: 0.4 };
const lamp = {
  sku: 'LAMP-USB',
  name: 'Trail Lantern',
  price: '29.00',
  weight: 0.6,
  options: { Color: 'Forest' },
};
const socks = { sku: 'SOCK-WOOL-M', name: 'Merino Hiking Socks', price: '18.00', weight: 0.2 };

/** A realistic multi-line order, everything to one address. */
export const multiLineOrder = (): PlaceOrderInput => ({
  billing: austin,
  lines: [
    { ...tent, quantity: 1 },
    { ...stove, quantity: 2 },
    { ...socks, quantity: 3, giftMessage: 'Happy trails, Dad!' },
  ],
  shippingMethod: 'UPS Ground',
  shippingCost: '12.50',
  taxRate: 0.0825,
  customerMessage: 'Please leave at the side door.',
  staffNotes: 'VIP customer',
  billingFormFields: { 'Gift receipt': 'yes' },
});

/** Shipped in two parcels by the warehouse (a partial shipment first). */
export const splitOrder = (): PlaceOrderInput => ({
  billing: { ...austin, firstName: 'Jonas', email: 'jonas@example.com' },
  lines: [
    { ...tent, quantity: 1 },
    { ...lamp, quantity: 2 },
  ],
  shippingMethod: 'USPS Priority',
  shippingCost: '9.80',
});

/** Cancelled by the merchant after it reached the warehouse. */
export const cancelledOrder = (): PlaceOrderInput => ({
  billing: { ...austin, firstName: 'Priya', email: 'priya@example.com' },
  lines: [{ ...stove, quantity: 1 }],
});

/**
 * A checkout that let a blank postcode through: ShipStation refuses the order, the job goes
 * straight to the dead-letter queue, and a replay succeeds once the address is fixed.
 */
export const badAddressOrder = (): PlaceOrderInput => ({
  billing: { ...austin, firstName: 'Leo', zip: ' ', email: 'leo@example.com' },
  lines: [{ ...socks, quantity: 2 }],
});
