import { digest, fulfilmentOrderKey, inboxDedupKey, jobKey, trackingRevision } from './keys';
import { moneyToNumber } from './money';

describe('keys', () => {
  it('builds job ids without ":"', () => {
    expect(jobKey('order-import', 'a:b/c', 42)).toBe('order-import.a_b_c.42');
  });

  it('is deterministic', () => {
    expect(digest('https://x/shipments?batchId=1')).toBe(digest('https://x/shipments?batchId=1'));
    expect(digest('a')).not.toBe(digest('b'));
    expect(inboxDedupKey('bigcommerce', 'abc', 'id1')).toBe(
      inboxDedupKey('bigcommerce', 'abc', 'id1'),
    );
    expect(inboxDedupKey('bigcommerce', 'abc', 'id1')).not.toBe(
      inboxDedupKey('bigcommerce', 'ab', 'cid1'),
    );
  });

  it('keeps dedup keys the same length whatever the sender put in them', () => {
    const key = inboxDedupKey('shipstation', 'c1', 'x'.repeat(200_000));
    expect(key).toMatch(/^shipstation:[0-9a-f]{64}$/);
    expect(inboxDedupKey('shipstation', 'c1', 'y')).toHaveLength(key.length);
  });

  it('suffixes the fulfilment order key only for multi-destination orders', () => {
    expect(fulfilmentOrderKey('s1', '100', '7', 1)).toBe('bc-s1-100');
    expect(fulfilmentOrderKey('s1', '100', '7', 2)).toBe('bc-s1-100-7');
  });

  it('gives a tracking revision per number, carrier, void and cause', () => {
    const shipment = { trackingNumber: '1Z999', carrierSlug: 'ups' };
    const revision = trackingRevision(shipment);
    expect(revision).toMatch(/^[0-9a-f]{16}$/);
    expect(trackingRevision({ ...shipment, trackingNumber: ' 1Z999 ' })).toBe(revision);
    expect(trackingRevision({ trackingNumber: '1Z999', carrierSlug: null })).toBe(
      trackingRevision({ trackingNumber: '1Z999', carrierSlug: '' }),
    );
    const others = [
      trackingRevision({ ...shipment, trackingNumber: '1Z998' }),
      trackingRevision({ ...shipment, carrierSlug: 'usps' }),
      trackingRevision({ ...shipment, voided: true }),
      trackingRevision(shipment, 'webhook-2'),
    ];
    expect(new Set([revision, ...others]).size).toBe(5);
  });
});

describe('moneyToNumber', () => {
  it.each([
    ['8.0000', 8],
    ['19.995', 20],
    ['0.1', 0.1],
    ['-2.5', -2.5],
    ['12', 12],
  ])('%s → %s', (input, expected) => {
    expect(moneyToNumber(input)).toBe(expected);
  });
});
