import type { Db } from '../client';

/** The warehouse's newest balances, and the levels last written to the store. */
export class StockRepo {
  constructor(private readonly db: Db) {}
}
