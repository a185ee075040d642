import type { Db } from '../client';

/** SKU matches between a store and a fulfilment system, and the orders waiting for one. */
export class CatalogRepo {
  constructor(private readonly db: Db) {}
}
