/**
 * Sends items in payloads of a bounded size and isolates the ones a store refuses. BigCommerce
 * refuses a whole inventory payload for one bad item and names it only in prose, so a refused
 * payload is halved until each refusal is down to one item; the halves without one apply.
 */

export type PayloadAnswer = { ok: true; transactionId: string } | { ok: false; title: string };

export interface SettledItems<T> {
  applied: T[];
  rejected: { item: T; title: string }[];
  transactionIds: string[];
}

export interface BatchLimits {
  /** Items per payload. */
  batchSize: number;
  /**
   * Payloads that may be spent on splitting, over the whole call. One bad item among 2000
   * costs 22 (two halves per level); the quota is shared with every app on the store.
   */
  maxSplitRequests: number;
}

/** Why an item was not applied although it was never refused on its own. */
export const unsettledTitle = (title: string) =>
  `not applied: its batch was refused and too many items were refused to isolate each (${title})`;

export async function settleInBatches<T>(
  items: readonly T[],
  send: (batch: T[]) => Promise<PayloadAnswer>,
  limits: BatchLimits,
): Promise<SettledItems<T>> {
  const settled: SettledItems<T> = { applied: [], rejected: [], transactionIds: [] };
  let splitsLeft = limits.maxSplitRequests;

  const settle = async (batch: T[]): Promise<void> => {
    const answer = await send(batch);
    if (answer.ok) {
      settled.applied.push(...batch);
      settled.transactionIds.push(answer.transactionId);
      return;
    }
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only !== undefined) {
      settled.rejected.push({ item: only, title: answer.title });
      return;
    }
    if (splitsLeft < 2) {
      settled.rejected.push(
        ...batch.map((item) => ({ item, title: unsettledTitle(answer.title) })),
      );
      return;
    }
    splitsLeft -= 2;
    const middle = Math.ceil(batch.length / 2);
    // One after the other: BigCommerce asks for no new adjustment before the last one answered.
    await settle(batch.slice(0, middle));
    await settle(batch.slice(middle));
  };

  for (let start = 0; start < items.length; start += limits.batchSize) {
    await settle(items.slice(start, start + limits.batchSize));
  }
  return settled;
}
