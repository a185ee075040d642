import { commaChunks, hasNextV3Page } from './paging';

describe('commaChunks', () => {
  it('bounds each list by count, drops repeats and keeps order', () => {
    const values = Array.from({ length: 120 }, (_, i) => `S${i % 110}`);
    const chunks = commaChunks(values, 50);
    expect(chunks.map((chunk) => chunk.length)).toEqual([50, 50, 10]);
    expect(chunks.flat()).toEqual(Array.from({ length: 110 }, (_, i) => `S${i}`));
  });

  it('bounds each list by its URL-encoded length; an overlong value goes alone', () => {
    const long = 'x'.repeat(900);
    expect(commaChunks([long, long + 'y', 'a', 'b'], 50, 1_000)).toEqual([
      [long],
      [long + 'y', 'a', 'b'],
    ]);
    expect(commaChunks(['x'.repeat(1_500), 'a'], 50, 1_000)).toEqual([['x'.repeat(1_500)], ['a']]);
    expect(commaChunks(['é'.repeat(200), 'z'], 50, 1_200)).toEqual([['é'.repeat(200)], ['z']]);
    expect(commaChunks([])).toEqual([]);
  });
});

describe('hasNextV3Page', () => {
  it.each([
    [1, 50, { total_pages: 2 }, true],
    [2, 50, { total_pages: 2 }, false],
    [1, 250, undefined, true],
    [1, 12, undefined, false],
  ])('page %i with %i items (%o) → %p', (page, items, pagination, more) => {
    expect(hasNextV3Page(page, items, 250, pagination)).toBe(more);
  });
});
