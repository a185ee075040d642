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
