import type { StockObservation, StockSource } from '@shiplink/domain';
import type { ShipHeroClient } from './client';
import type { ShipHeroWarehouseProduct } from './schemas';
import { stockLocationOf, type ShipHeroSettings } from './settings';

/** Product reads in flight at once for one refresh: ShipHero meters credits per account anyway. */
const READ_CONCURRENCY = 4;

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** ShipHero's date-times are naive UTC (`2024-09-01T12:34:56`): read as UTC, answered as ISO. */
export function shipHeroTime(text: string): string | undefined {
  const trimmed = text.trim();
  const ms = Date.parse(HAS_OFFSET.test(trimmed) ? trimmed : `${trimmed}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * One warehouse row as an observation. A row without a warehouse or a time cannot be ordered
 * against the others, and one without any count says nothing: those are left out, never taken
 * as zero.
 */
export function observationOf(
  sku: string,
  row: ShipHeroWarehouseProduct,
): StockObservation | undefined {
  const observedAt = row.updated_at ? shipHeroTime(row.updated_at) : undefined;
  if (!row.warehouse_id || !observedAt) return undefined;
  const onHand = row.on_hand ?? null;
  const available = row.available ?? (onHand === null ? null : onHand - (row.allocated ?? 0));
  if (available === null) return undefined;
  return {
    sku,
    warehouseRef: row.warehouse_id,
    // Backorders make ShipHero's available negative; a store cannot sell fewer than none.
    available: Math.max(0, available),
    onHand,
    observedAt,
  };
}

async function inPool<I, O>(items: readonly I[], size: number, run: (item: I) => Promise<O>) {
  const results: O[] = new Array<O>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return results;
}

/** ShipHero's balances per SKU and warehouse, with the time ShipHero last changed each. */
export function shipHeroStock(client: ShipHeroClient, settings: ShipHeroSettings): StockSource {
  return {
    ownsStoreStock: settings.stock.owner === 'shiphero',
    locationOf: (warehouseRef) => stockLocationOf(settings, warehouseRef),

    async stockOf(skus) {
      const wanted = [...new Set(skus)];
      const products = await inPool(wanted, READ_CONCURRENCY, (sku) => client.product(sku));
      // A SKU ShipHero does not know gives no observation: the store keeps what it has.
      return wanted.flatMap((sku, index) =>
        (products[index]?.warehouse_products ?? []).flatMap((row) => {
          const observation = row ? observationOf(sku, row) : undefined;
          return observation ? [observation] : [];
        }),
      );
    },

    async stockChangedSince(since) {
      const rows = await client.warehouseProducts({ updatedFrom: since });
      return rows.flatMap((row) => {
        const observation = row.sku ? observationOf(row.sku, row) : undefined;
        return observation ? [observation] : [];
      });
    },
  };
}
