import type { StockAdjustResult, StockLevel, StorePlatform } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { BigCommerceAbsoluteAdjustment, BigCommerceClient } from './client';

/** The most BigCommerce keeps of one product or variant at one location. */
const MAX_LEVEL = 2_147_483_647;

/** Why a level is refused before BigCommerce is asked: it would refuse the whole payload. */
export const STOCK_REFUSALS = {
  unknownSku: 'unknown sku',
  unknownLocation: 'unknown location',
  quantity: `quantity must be a whole number from 0 to ${MAX_LEVEL}`,
} as const;

/** Location refs are BigCommerce's numeric location ids as text; anything else names none. */
const locationId = (ref: string): number | undefined =>
  /^\d+$/.test(ref) && Number.isSafeInteger(Number(ref)) ? Number(ref) : undefined;

type StockPort = Pick<StorePlatform, 'setStock' | 'readStock' | 'knownSkus' | 'adjustStock'>;

/** Stock in the hub's terms over BigCommerce's catalog and multi-location Inventory API. */
export function bigCommerceStock(client: BigCommerceClient): StockPort {
  return {
    /**
     * One relative adjustment per item: BigCommerce applies or refuses a payload whole, and a
     * refusal of one SKU (never set at that location, tracked another way) must not hold back
     * the others. A refusal is answered; a transient failure is thrown after the items before
     * it were applied, for the caller to tell by the levels.
     */
    async adjustStock(adjustments, reason): Promise<StockAdjustResult> {
      const result: StockAdjustResult = { applied: [], rejected: [] };
      for (const adjustment of adjustments) {
        const location = locationId(adjustment.locationRef);
        if (location === undefined) {
          result.rejected.push({ adjustment, reason: STOCK_REFUSALS.unknownLocation });
          continue;
        }
        if (!Number.isSafeInteger(adjustment.delta) || adjustment.delta === 0) {
          result.rejected.push({ adjustment, reason: 'a change is a whole number of units' });
          continue;
        }
        try {
          await client.adjustRelative(
            [{ location_id: location, sku: adjustment.sku, quantity: adjustment.delta }],
            reason,
          );
          result.applied.push(adjustment);
        } catch (error) {
          if (!(error instanceof PermanentError)) throw error;
          result.rejected.push({ adjustment, reason: error.message });
        }
      }
      return result;
    },

    async knownSkus(skus) {
      const found = new Set((await client.findCatalogSkus(skus)).map((entry) => entry.sku));
      return [...new Set(skus)].filter((sku) => found.has(sku));
    },

    async readStock(skus, locationRefs) {
      const locationIds = locationRefs
        .map(locationId)
        .filter((id): id is number => id !== undefined);
      if (skus.length === 0 || locationIds.length === 0) return [];
      const wanted = new Set(locationIds);
      const items = await client.listInventoryItems({ skus, locationIds });
      // On hand, not available to sell: it is the figure an absolute adjustment sets.
      return items.flatMap((item) =>
        item.locations
          .filter((location) => wanted.has(location.location_id))
          .map((location) => ({
            sku: item.identity.sku,
            locationRef: String(location.location_id),
            quantity: location.total_inventory_onhand,
          })),
      );
    },

    async setStock(levels, reason) {
      if (levels.length === 0) return { applied: [], rejected: [] };
      const locations = new Set((await client.listInventoryLocations()).map(({ id }) => id));
      const catalog = await client.findCatalogSkus(levels.map((level) => level.sku));
      const productOf = new Map(catalog.map((entry) => [entry.sku, entry.productId]));

      const rejected: { level: StockLevel; reason: string }[] = [];
      const sendable: {
        level: StockLevel;
        item: BigCommerceAbsoluteAdjustment;
        product: number;
      }[] = [];
      for (const level of levels) {
        const location = locationId(level.locationRef);
        const product = productOf.get(level.sku);
        const { quantity } = level;
        if (location === undefined || !locations.has(location)) {
          rejected.push({ level, reason: STOCK_REFUSALS.unknownLocation });
        } else if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > MAX_LEVEL) {
          rejected.push({ level, reason: STOCK_REFUSALS.quantity });
        } else if (product === undefined) {
          rejected.push({ level, reason: STOCK_REFUSALS.unknownSku });
        } else {
          sendable.push({
            level,
            item: { location_id: location, sku: level.sku, quantity },
            product,
          });
        }
      }
      // A product's variants side by side: refusals about one product (its stock tracked another
      // way) then stay together and cost fewer splits to isolate.
      sendable.sort((a, b) => a.product - b.product);
      const levelOf = new Map(sendable.map(({ item, level }) => [item, level]));
      const outcome = await client.setAbsoluteStock(
        reason,
        sendable.map(({ item }) => item),
      );
      return {
        applied: outcome.applied.flatMap((item) => levelOf.get(item) ?? []),
        rejected: [
          ...rejected,
          ...outcome.rejected.flatMap(({ item, title }) => {
            const level = levelOf.get(item);
            return level ? [{ level, reason: title }] : [];
          }),
        ],
      };
    },
  };
}
