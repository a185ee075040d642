import { settleInBatches, unsettledTitle, type PayloadAnswer } from './adjustment-batches';

/** A store that refuses any payload holding one of `bad`, naming the first. */
function store(bad: Set<number>) {
  const payloads: number[][] = [];
  const send = (batch: number[]): Promise<PayloadAnswer> => {
    payloads.push(batch);
    const refused = batch.find((item) => bad.has(item));
    return Promise.resolve(
      refused === undefined
        ? { ok: true, transactionId: `t${payloads.length}` }
        : { ok: false, title: `item ${refused}` },
    );
  };
  return { payloads, send };
}
const range = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('settleInBatches', () => {
  it('sends payloads of at most the batch size, in order', async () => {
    const { payloads, send } = store(new Set());
    const settled = await settleInBatches(range(25), send, { batchSize: 10, maxSplitRequests: 0 });
    expect(payloads.map((payload) => payload.length)).toEqual([10, 10, 5]);
    expect(settled.applied).toEqual(range(25));
    expect(settled.transactionIds).toEqual(['t1', 't2', 't3']);
  });

  it('isolates each refused item and applies everything around it', async () => {
    const { payloads, send } = store(new Set([3, 17]));
    const settled = await settleInBatches(range(20), send, { batchSize: 20, maxSplitRequests: 50 });
    expect(settled.rejected).toEqual([
      { item: 3, title: 'item 3' },
      { item: 17, title: 'item 17' },
    ]);
    expect(settled.applied.sort((a, b) => a - b)).toEqual(
      range(20).filter((i) => i !== 3 && i !== 17),
    );
    expect(payloads.length).toBeLessThanOrEqual(1 + 2 * 2 * Math.ceil(Math.log2(20)));
  });

  it('stops splitting when the budget is spent and says the rest was not isolated', async () => {
    const { payloads, send } = store(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    const settled = await settleInBatches(range(16), send, { batchSize: 16, maxSplitRequests: 4 });
    expect(payloads).toHaveLength(5);
    expect(settled.applied).toEqual(range(16).slice(8));
    expect(settled.rejected).toEqual(
      range(8).map((item) => ({
        item,
        title: unsettledTitle(item < 4 ? 'item 0' : 'item 4'),
      })),
    );
  });
});
