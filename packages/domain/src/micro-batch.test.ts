import { MicroBatch } from './micro-batch';

describe('MicroBatch', () => {
  it('runs items submitted in the same tick as one batch', async () => {
    const batches: number[][] = [];
    const batch = new MicroBatch<number, number>(async (items) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    expect(await Promise.all([1, 2, 3].map((n) => batch.submit(n)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('fails only the item that fails when its batch is split', async () => {
    const batch = new MicroBatch<string, string>(async (items) => {
      if (items.includes('poison')) throw new Error('refused');
      return items.map((item) => item.toUpperCase());
    });
    const results = await Promise.allSettled(['a', 'poison', 'b'].map((s) => batch.submit(s)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'A' });
  });

  it('fails every item at once when the failure is not worth splitting (an outage)', async () => {
    let calls = 0;
    const batch = new MicroBatch<number, number>(
      async () => {
        calls += 1;
        throw new Error('down');
      },
      { isolate: () => false },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batch.submit(n)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
  });

  it('treats a synchronous throw like a failed batch', async () => {
    const batch = new MicroBatch<number, number>((items) => {
      if (items.length > 1) throw new Error('sync');
      return Promise.resolve(items);
    });
    expect(await Promise.all([1, 2].map((n) => batch.submit(n)))).toEqual([1, 2]);
  });
});
