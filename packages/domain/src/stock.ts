/**
 * Stock as the hub moves it: one owner (the warehouse) observes balances, the store is told the
 * newest one. Locations are opaque references in each system's own terms; a per-connection map
 * says which warehouse feeds which store location.
 */

/** An absolute balance a warehouse reported for one SKU at one of its warehouses. */
export interface StockObservation {
  sku: string;
  /** The warehouse system's own id of the warehouse. */
  warehouseRef: string;
  /** Units that can be sold (on hand minus allocated), never negative. */
  available: number;
  /** Units physically on hand, where the system says. */
  onHand: number | null;
  /** When the warehouse observed it; the newest observation per SKU and warehouse wins. */
  observedAt: string;
}

/** An absolute stock level to set in the store, at one of its inventory locations. */
export interface StockLevel {
  sku: string;
  /** The store's own id of the inventory location. */
  locationRef: string;
  quantity: number;
}

/** What a store made of a batch of stock levels: the SKUs it set, and those it refused. */
export interface StockWriteResult {
  applied: StockLevel[];
  /** Levels the store cannot take (an unknown SKU, a SKU tracked another way), with why. */
  rejected: { level: StockLevel; reason: string }[];
}

/** A store SKU found in a fulfilment system's catalog. */
export interface ProductMatch {
  sku: string;
  /** The system's id of the product. */
  productRef: string;
}

/**
 * The store levels a set of observations adds up to: per SKU and store location, the sum of what
 * is available in every warehouse `locationOf` routes there (undefined: that warehouse feeds no
 * location). Each level carries its newest observation's time.
 */
export function storeLevelsOf(
  observations: readonly StockObservation[],
  locationOf: (warehouseRef: string) => string | undefined,
): (StockLevel & { observedAt: string })[] {
  const levels = new Map<string, StockLevel & { observedAt: string }>();
  for (const observation of observations) {
    const locationRef = locationOf(observation.warehouseRef);
    if (locationRef === undefined) continue;
    const key = JSON.stringify([observation.sku, locationRef]);
    const level = levels.get(key);
    if (!level) {
      levels.set(key, {
        sku: observation.sku,
        locationRef,
        quantity: Math.max(0, observation.available),
        observedAt: observation.observedAt,
      });
      continue;
    }
    level.quantity += Math.max(0, observation.available);
    if (observation.observedAt > level.observedAt) level.observedAt = observation.observedAt;
  }
  return [...levels.values()];
}

/** A change to a store's stock of one SKU at one location, by a number of units (− takes away). */
export interface StockAdjustment {
  sku: string;
  locationRef: string;
  delta: number;
}

/** What a store made of relative adjustments: those it made, and those it refused, with why. */
export interface StockAdjustResult {
  applied: StockAdjustment[];
  rejected: { adjustment: StockAdjustment; reason: string }[];
}
