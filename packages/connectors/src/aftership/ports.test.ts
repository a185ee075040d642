import { PermanentError, RetryableError } from '@shiplink/errors';
import { createTrackingBody, refusalOf } from './ports';
import { afterShipReason } from './profile';

describe('refusalOf', () => {
  it.each([
    [4010, 'needs_review'],
    [4012, 'needs_review'],
    [4005, 'failed'],
    [4011, 'failed'],
    [4017, 'failed'],
    [4003, undefined],
  ])('aftership.%i → %s', (code, outcome) => {
    expect(refusalOf(new PermanentError('refused', { reason: afterShipReason(code) }))).toBe(
      outcome,
    );
  });

  it('leaves ordinary errors alone', () => {
    expect(refusalOf(new RetryableError('later', { reason: 'http.5xx' }))).toBeUndefined();
    expect(refusalOf(new Error('boom'))).toBeUndefined();
  });
});

describe('createTrackingBody', () => {
  it('sends the store’s order id and number, the buyer and the parcel’s lines', () => {
    expect(
      createTrackingBody({
        trackingNumber: '1Z 999',
        carrierSlug: 'ups',
        orderRef: '101',
        orderNumber: '101',
        customer: { name: 'Ada', email: 'ada@example.com', phone: null },
        destinationCountry: 'US',
        items: [{ sku: 'TENT-2P', quantity: 1 }],
      }),
    ).toEqual({
      tracking_number: '1Z999',
      slug: 'ups',
      order_id: '101',
      order_number: '101',
      destination_country_region: 'USA',
      customers: [{ role: 'buyer', name: 'Ada', email: 'ada@example.com' }],
      custom_fields: { shipment_items: 'TENT-2P x1' },
    });
  });
});
