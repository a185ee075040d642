import { adminUrl, csvUrl, queryString, segment } from './query';

describe('queryString', () => {
  it.each([
    [{}, ''],
    [{ a: '1' }, '?a=1'],
    [{ a: '', b: undefined, c: null }, ''],
    [{ q: 'a b&c' }, '?q=a+b%26c'],
    [{ limit: 50, dryRun: false }, '?limit=50&dryRun=false'],
    [{ id: ['x', 'y'] }, '?id=x&id=y'],
  ])('builds %j as %s', (query, expected) => {
    expect(queryString(query)).toBe(expected);
  });
});

describe('admin URLs', () => {
  it('joins the API root, the path and the query', () => {
    expect(adminUrl('/dead-letters', { queue: 'orders', reason: '' })).toBe(
      '/admin/api/dead-letters?queue=orders',
    );
  });

  it('asks for CSV with the same filters', () => {
    expect(csvUrl('/analytics/delivery', { from: '2026-01-01', groupBy: 'carrier' })).toBe(
      '/admin/api/analytics/delivery?from=2026-01-01&groupBy=carrier&format=csv',
    );
  });

  it('encodes a segment that holds a slash or a hash', () => {
    expect(`/stores/1/orders/${segment('A/1#2')}/story`).toBe('/stores/1/orders/A%2F1%232/story');
  });
});
