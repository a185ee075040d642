import { PermanentError } from '@shiplink/errors';
import { isValidTrackingCarrier, toBigCommerceTrackingCarrier } from './carriers';
import { findShipmentByTrackingNumber, toShipmentCreate } from './shipment-mapping';

describe('toShipmentCreate', () => {
  const base = {
    orderAddressId: '301',
    items: [{ orderProductId: '8801', quantity: 2 }],
    trackingNumber: ' 1Z999AA10123456784 ',
    trackingCarrier: 'UPS',
    shippingMethod: 'UPS Ground',
    shippingCost: '7.4500',
  };

  it('builds the v2 body with numeric ids and a valid carrier', () => {
    expect(toShipmentCreate({ ...base, comments: 'Packed by Sam' })).toEqual({
      order_address_id: 301,
      items: [{ order_product_id: 8801, quantity: 2 }],
      tracking_number: '1Z999AA10123456784',
      tracking_carrier: 'ups',
      shipping_method: 'UPS Ground',
      merchant_shipping_cost: '7.4500',
      comments: 'Packed by Sam',
    });
  });

  it.each([
    ['stamps_com', 'usps'],
    ['dhl_express', 'dhl'],
    ['DHL eCommerce', 'dhl-global-mail'],
    ['royal_mail', ''],
    ['Parcelforce', ''],
    [null, ''],
  ])('carrier %p → tracking_carrier %p', (carrier, expected) => {
    expect(toShipmentCreate({ ...base, trackingCarrier: carrier }).tracking_carrier).toBe(expected);
  });

  it('merges repeated items and keeps a custom tracking link', () => {
    const body = toShipmentCreate({
      ...base,
      items: [
        { orderProductId: 8801, quantity: 1 },
        { orderProductId: '8801', quantity: 1 },
      ],
      shippingCost: null,
      trackingLink: 'https://track.example.com/1Z',
    });
    expect(body.items).toEqual([{ order_product_id: 8801, quantity: 2 }]);
    expect(body).not.toHaveProperty('merchant_shipping_cost');
    expect(body.tracking_link).toBe('https://track.example.com/1Z');
  });

  it.each([
    ['a tracking number over 50 characters', { trackingNumber: 'X'.repeat(51) }],
    ['a non-numeric address id', { orderAddressId: 'abc' }],
    ['a zero quantity', { items: [{ orderProductId: '8801', quantity: 0 }] }],
    ['no items', { items: [] }],
    ['a cost that is not a decimal', { shippingCost: '7,45' }],
  ])('refuses %s', (_case, change) => {
    expect(() => toShipmentCreate({ ...base, ...change })).toThrow(PermanentError);
  });
});

describe('tracking carriers', () => {
  it.each([
    'usps',
    'ups',
    'fedex',
    'dhl',
    'dhl-global-mail',
    'canada-post',
    'australia-post',
    'posti',
    'postnord',
  ])('%s is valid', (value) => expect(isValidTrackingCarrier(value)).toBe(true));
  it.each(['royal-mail', 'parcelforce', 'dhl-ecommerce', 'UPS', ''])('%p is not', (value) => {
    expect(isValidTrackingCarrier(value)).toBe(false);
  });
  it('normalises case and separators', () => {
    expect(toBigCommerceTrackingCarrier(' Canada_Post ')).toBe('canada-post');
  });
});

describe('findShipmentByTrackingNumber', () => {
  const shipments = [
    { id: 1, tracking_number: '' },
    { id: 2, tracking_number: '1z999aa10123456784' },
  ];
  it.each([
    ['1Z999AA10123456784', 2],
    [' 1z999aa10123456784 ', 2],
    ['1Z999AA10123456785', undefined],
    ['', undefined],
  ])('%p → shipment %p', (number, id) => {
    expect(findShipmentByTrackingNumber(shipments, number)?.id).toBe(id);
  });
});
