import { PermanentError } from '@shiplink/errors';
import { BIGCOMMERCE_SAMPLE_BUNDLE_RAW, bigCommerceSampleBundle } from './fixtures/order-bundle';
import {
  BIGCOMMERCE_ORDER_STATUSES,
  bigCommerceDateToIso,
  bigCommerceOrderStatus,
  toCanonicalOrder,
  bigCommerceWeightToGrams,
  type BigCommerceWeightUnit,
} from './mapping';
import { BigCommerceOrderBundleSchema } from './schemas';

/** The sample with parts replaced, parsed like an API answer. */
function variant(change: (raw: typeof BIGCOMMERCE_SAMPLE_BUNDLE_RAW) => void) {
  const raw = structuredClone(BIGCOMMERCE_SAMPLE_BUNDLE_RAW);
  change(raw);
  return BigCommerceOrderBundleSchema.parse(raw);
}
const lbs = { weightUnit: 'lbs' } as const;

describe('order statuses', () => {
  it.each([
    [0, 'Incomplete', 'incomplete'],
    [1, 'Pending', 'awaiting_payment'],
    [2, 'Shipped', 'shipped'],
    [3, 'Partially Shipped', 'partially_shipped'],
    [4, 'Refunded', 'refunded'],
    [5, 'Cancelled', 'cancelled'],
    [6, 'Declined', 'cancelled'],
    [7, 'Awaiting Payment', 'awaiting_payment'],
    [8, 'Awaiting Pickup', 'awaiting_fulfilment'],
    [9, 'Awaiting Shipment', 'awaiting_fulfilment'],
    [10, 'Completed', 'completed'],
    [11, 'Awaiting Fulfillment', 'awaiting_fulfilment'],
    [12, 'Manual Verification Required', 'on_hold'],
    [13, 'Disputed', 'on_hold'],
    [14, 'Partially Refunded', 'awaiting_fulfilment'],
  ])('status %i (%s) → %s', (id, label, status) => {
    expect(bigCommerceOrderStatus(id)).toEqual({ status, label, known: true });
  });

  it('covers every id from 0 to 14', () => {
    expect(Object.keys(BIGCOMMERCE_ORDER_STATUSES).map(Number)).toEqual([...Array(15).keys()]);
  });

  it.each([
    [0, 3, 'awaiting_fulfilment'],
    [1, 3, 'partially_shipped'],
    [3, 3, 'shipped'],
  ])('a partial refund with %i of %i shipped → %s', (itemsShipped, itemsTotal, status) => {
    expect(bigCommerceOrderStatus(14, { itemsShipped, itemsTotal }).status).toBe(status);
  });

  it.each([
    [0, 'Incomplete'],
    [2, 'Shipped'],
    [5, 'Cancelled'],
    [9, 'Awaiting Shipment'],
    [11, 'Awaiting Fulfillment'],
    [14, 'Partially Refunded'],
  ])('archived (is_deleted) with status %i (%s) → archived', (id, label) => {
    expect(bigCommerceOrderStatus(id, { itemsShipped: 1, itemsTotal: 3, isDeleted: true })).toEqual(
      { status: 'archived', label, known: true },
    );
  });

  it('archives an unknown status too, still naming it', () => {
    expect(bigCommerceOrderStatus(42, { itemsShipped: 0, itemsTotal: 1, isDeleted: true })).toEqual(
      { status: 'archived', label: 'Unknown status 42', known: false },
    );
  });

  it('maps an archived order as archived, keeping the store status it had', () => {
    const order = toCanonicalOrder(
      variant((raw) => void Object.assign(raw.order, { status_id: 11, is_deleted: true })),
      lbs,
    );
    expect(order).toMatchObject({ storeStatusId: 11, status: 'archived' });
    expect(
      toCanonicalOrder(
        variant((raw) => void (raw.order.status_id = 11)),
        lbs,
      ).status,
    ).toBe('awaiting_fulfilment');
  });

  it('holds an unknown status for a person instead of guessing, keeping the id', () => {
    expect(bigCommerceOrderStatus(42)).toEqual({
      status: 'on_hold',
      label: 'Unknown status 42',
      known: false,
    });
    const order = toCanonicalOrder(
      variant(
        (raw) => void Object.assign(raw.order, { status_id: 42, status: '', custom_status: '' }),
      ),
      lbs,
    );
    expect(order).toMatchObject({
      storeStatusId: 42,
      storeStatus: 'Unknown status 42',
      status: 'on_hold',
    });
  });
});

describe('values', () => {
  it.each<[string, BigCommerceWeightUnit, number | null]>([
    ['1.0000', 'lbs', 453.592],
    ['0.8000', 'lbs', 362.874],
    ['16', 'oz', 453.592],
    ['1.25', 'kg', 1250],
    ['250', 'g', 250],
    ['0.0000', 'kg', 0],
    ['', 'kg', null],
    ['-1', 'kg', null],
    ['heavy', 'g', null],
  ])('weight %p %s → %p g', (weight, unit, grams) => {
    expect(bigCommerceWeightToGrams(weight, unit)).toBe(grams);
  });

  it.each([
    ['Tue, 05 Mar 2019 21:40:11 +0000', '2019-03-05T21:40:11.000Z'],
    ['Thu, 20 Apr 2017 11:32:00 -0400', '2017-04-20T15:32:00.000Z'],
    ['2017-04-20T11:32:00.000-04:00', '2017-04-20T15:32:00.000Z'],
    ['', null],
    ['not a date', null],
  ])('date %p → %p', (value, iso) => {
    expect(bigCommerceDateToIso(value)).toBe(iso);
  });

  it.each([
    ['8', '8'],
    [8.5, '8.5000'],
    [null, '0'],
    ['', '0'],
  ])('money %p is kept as the decimal string %p', (value, expected) => {
    const bundle = variant(
      (raw) => void Object.assign(raw.shippingAddresses[0]!, { cost_ex_tax: value }),
    );
    expect(toCanonicalOrder(bundle, lbs).destinations[0]?.shippingCost).toBe(expected);
  });
});

describe('toCanonicalOrder', () => {
  const order = toCanonicalOrder(bigCommerceSampleBundle(), lbs);

  it('maps the order, its dates, totals and notes', () => {
    expect(order).toMatchObject({
      externalId: '4017',
      orderNumber: '4017',
      storeStatusId: 11,
      storeStatus: 'Awaiting Fulfillment',
      status: 'awaiting_fulfilment',
      createdAt: '2025-03-04T21:40:11.000Z',
      modifiedAt: '2025-03-05T09:02:45.000Z',
      currency: 'USD',
      customer: { externalId: '27', email: 'jane.doe@example.com', name: 'Jane Doe' },
      totals: {
        subtotal: '99.0000',
        shipping: '17.5000',
        tax: '9.6300',
        discount: '4.80',
        total: '126.3300',
      },
      paymentMethod: 'Credit Card',
      notes: { customer: 'Please do not ring the bell', staff: 'VIP - add a thank-you card' },
    });
    expect(order.billTo).toEqual({
      name: 'Jane Doe',
      company: null,
      street1: '555 East Street',
      street2: 'Apt 4',
      city: 'Austin',
      state: 'Texas',
      postalCode: '78108',
      country: 'US',
      phone: '512-555-0148',
      email: 'jane.doe@example.com',
    });
  });

  it('keeps one destination per shipping address with the lines that go there', () => {
    expect(order.destinations).toMatchObject([
      {
        addressExternalId: '301',
        shippingMethod: 'UPS Ground',
        shippingCost: '9.0000',
        shipTo: { name: 'Jane Doe' },
      },
      {
        addressExternalId: '302',
        shippingMethod: 'USPS Priority Mail',
        shippingCost: '8.5000',
        shipTo: {
          name: 'Mia Chen',
          company: 'Chen Design Studio',
          street2: null,
          phone: null,
          email: null,
        },
      },
    ]);
    expect(order.lines).toEqual([
      {
        externalId: '8801',
        addressExternalId: '301',
        productExternalId: '112',
        sku: 'APRON-SAGE-R',
        name: 'Linen Apron - Sage',
        quantity: 2,
        quantityShipped: 0,
        unitPrice: '24.0000',
        weightGrams: 362.874,
        options: [
          { name: 'Colour', value: 'Sage' },
          { name: 'Size', value: 'Regular' },
        ],
        giftMessage: null,
      },
      expect.objectContaining({
        externalId: '8802',
        addressExternalId: '302',
        weightGrams: 1133.981,
        options: [{ name: 'Gift wrapping', value: 'Gift Wrap' }],
        giftMessage: 'Happy housewarming, Mia! Love, Jane',
      }),
    ]);
  });

  it('collects values a merchant may map, without personal data', () => {
    expect(order.customFields).toEqual({
      'order.payment_method': 'Credit Card',
      'order.customer_message': 'Please do not ring the bell',
      'order.staff_notes': 'VIP - add a thank-you card',
      'order.order_source': 'www',
      'order.channel_id': '1',
      'order.customer_locale': 'en',
      'order.coupon_codes': 'SPRING10',
      'form.Delivery Instructions': 'Leave at the side door',
      'form.Gift receipt': 'Yes',
      'shipping.Pickup point': 'PDX-114',
      'shipping.302.Pickup point': 'PDX-114',
    });
    expect(JSON.stringify(order.customFields)).not.toContain('203.0.113.24');
  });

  it('maps a guest checkout with empty optional values to nulls', () => {
    const guest = toCanonicalOrder(
      variant((raw) => {
        Object.assign(raw.order, {
          customer_id: 0,
          staff_notes: '',
          customer_message: '',
          payment_method: '',
        });
        Object.assign(raw.order.billing_address, { phone: '', street_2: '', company: '' });
      }),
      lbs,
    );
    expect(guest.customer).toEqual({
      externalId: null,
      email: 'jane.doe@example.com',
      name: 'Jane Doe',
    });
    expect(guest.notes).toEqual({ customer: null, staff: null });
    expect(guest.paymentMethod).toBeNull();
    expect(guest.billTo).toMatchObject({ phone: null, street2: null, company: null });
  });

  it('uses prices with tax for tax-inclusive stores', () => {
    const inclusive = toCanonicalOrder(
      variant((raw) => void (raw.order.is_tax_inclusive_pricing = true)),
      lbs,
    );
    expect(inclusive.lines[0]?.unitPrice).toBe('25.9800');
    expect(inclusive.destinations[0]?.shippingCost).toBe('9.7400');
    expect(inclusive.totals).toEqual({
      subtotal: '107.1700',
      shipping: '18.9400',
      tax: '9.6300',
      discount: '4.80',
      total: '126.3300',
    });
  });

  it('leaves refunded units out but never fewer than already shipped', () => {
    const refunded = toCanonicalOrder(
      variant((raw) => {
        Object.assign(raw.products[0]!, { quantity_refunded: 1, quantity_shipped: 0 });
        Object.assign(raw.products[1]!, { quantity_refunded: 1, quantity_shipped: 0 });
      }),
      lbs,
    );
    expect(refunded.lines.map((line) => [line.externalId, line.quantity])).toEqual([['8801', 1]]);
    const shippedThenRefunded = toCanonicalOrder(
      variant(
        (raw) =>
          void Object.assign(raw.products[0]!, { quantity_refunded: 1, quantity_shipped: 2 }),
      ),
      lbs,
    );
    expect(shippedThenRefunded.lines[0]).toMatchObject({ quantity: 2, quantityShipped: 2 });
  });

  it('refuses an order with nothing to ship to, permanently', () => {
    const digital = variant((raw) => void (raw.shippingAddresses = []));
    expect(() => toCanonicalOrder(digital, lbs)).toThrow(PermanentError);
  });

  it('reports a value the canonical model refuses as a permanent error', () => {
    const noCurrency = variant(
      (raw) => void Object.assign(raw.order, { currency_code: '', default_currency_code: '' }),
    );
    expect(() => toCanonicalOrder(noCurrency, lbs)).toThrow(/currency/);
  });
});
