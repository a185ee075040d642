import type { StockLevel, StockWriteResult } from '@shiplink/domain';
import type { CommercetoolsClient } from './client';

/**
 * Absolute stock levels as inventory entries: one entry per SKU and supply channel (the level's
 * location ref is the channel id, `''` for the entry without one), set with `changeQuantity`.
 * A SKU with no entry there is rejected, not created: which SKUs are stocked where is the
 * merchant's catalogue decision.
 */
export async function writeStock(
  client: CommercetoolsClient,
  levels: readonly StockLevel[],
): Promise<StockWriteResult> {
  const entries = await client.inventoryOf([...new Set(levels.map((level) => level.sku))]);
  const result: StockWriteResult = { applied: [], rejected: [] };
  for (const level of levels) {
    const entry = entries.find(
      (candidate) =>
        candidate.sku === level.sku && (candidate.supplyChannel?.id ?? '') === level.locationRef,
    );
    if (!entry) {
      result.rejected.push({ level, reason: 'no inventory entry for this SKU and channel' });
      continue;
    }
    if (entry.quantityOnStock !== level.quantity) {
      await client.setInventoryQuantity(entry.id, level.quantity);
    }
    result.applied.push(level);
  }
  return result;
}
