import type { StockObservation } from '../stock';

/**
 * A warehouse system that owns stock (ShipHero): balances per SKU and warehouse, each with the
 * system's own time of it, so that the newest observation can win whatever order they arrive in.
 */
export interface StockSource {
  /** False when the merchant keeps stock in the store (the ownership setting): nothing is sent. */
  readonly ownsStoreStock: boolean;
  /** The store location a warehouse's stock feeds (the connection's map); undefined: none. */
  locationOf(warehouseRef: string): string | undefined;
  /** The current balances of these SKUs in every warehouse that stocks them. */
  stockOf(skus: readonly string[]): Promise<StockObservation[]>;
  /** Balances that changed at or after `since` (the reconciling poll). */
  stockChangedSince(since: Date): Promise<StockObservation[]>;
}
