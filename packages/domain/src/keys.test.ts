import { digest, fulfilmentOrderKey, inboxDedupKey, jobKey } from './keys';
import { moneyToNumber } from './money';

describe('keys', () => {
  it('builds job ids without ":"', () => {
    expect(jobKey('order-import', 'a:b/c', 42)).toBe('order-import.a_b_c.42');
  });

  it('is deterministic', () => {
    expect(digest('https://x/shipments?batchId=1')).toBe(digest('https://x/shipments?batchId=1'));
    expect(digest('a')).not.toBe(digest('b'));
    expect(inboxDedupKey('bigcommerce', 'abc', 'id1')).toBe('bigcommerce:abc:id1');
  });

  it('suffixes the fulfilment order key only for multi-destination orders', () => {
    expect(fulfilmentOrderKey('s1', '100', '7', 1)).toBe('bc-s1-100');
    expect(fulfilmentOrderKey('s1', '100', '7', 2)).toBe('bc-s1-100-7');
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
