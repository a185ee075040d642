import type { PlannedDecrement } from '@shiplink/domain';
import type { Db } from '../client';

export type StockMovementState = 'pending' | 'attempting' | 'applied' | 'skipped' | 'reverted';

export interface StockMovementRecord {
  id: string;
  storeId: string;
  connectionId: string;
  sourceRef: string;
  itemKey: string;
  sku: string;
  locationRef: string;
  /** Units added (positive) or taken away (negative). */
  delta: number;
  origin: string;
  state: StockMovementState;
  levelBefore: number | null;
  note: string | null;
  appliedAt: Date | null;
}

/**
 * Stock the hub moves in the store, one row per item (a shipped item lowers it, a returned one
 * raises it): the (connection, source, item) key makes a replayed or re-fetched event land on
 * the rows it made the first time, so no item moves stock twice. Rows move pending → attempting
 * → applied (or skipped); an applied row whose label was voided → reverted.
 */
export class StockMovementsRepo {
  constructor(private readonly db: Db) {}

  /** Records the items' moves (`sign` −1 takes away); the ones recorded already stay as they are. */
  async plan(input: {
    storeId: string;
    connectionId: string;
    sourceRef: string;
    locationRef: string;
    origin: string;
    sign: 1 | -1;
    items: readonly PlannedDecrement[];
  }): Promise<number> {
    if (input.items.length === 0) return 0;
    const { count } = await this.db.stockMovement.createMany({
      data: input.items.map((item) => ({
        storeId: input.storeId,
        connectionId: input.connectionId,
        sourceRef: input.sourceRef,
        locationRef: input.locationRef,
        origin: input.origin,
        itemKey: item.itemKey,
        sku: item.sku,
        delta: input.sign * item.quantity,
      })),
      skipDuplicates: true,
    });
    return count;
  }

  forSource(connectionId: string, sourceRef: string): Promise<StockMovementRecord[]> {
    return this.db.stockMovement.findMany({
      where: { connectionId, sourceRef },
      orderBy: { itemKey: 'asc' },
    });
  }

  /** Every row of a store, newest first (what the admin API shows). */
  forStore(storeId: string, limit = 200): Promise<StockMovementRecord[]> {
    return this.db.stockMovement.findMany({
      where: { storeId },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
  }

  /** About to ask the store, with its level just before. */
  async attempting(id: string, levelBefore: number | null): Promise<void> {
    await this.db.stockMovement.update({
      where: { id },
      data: { state: 'attempting', levelBefore },
    });
  }

  async applied(id: string, note: string | null = null): Promise<void> {
    await this.db.stockMovement.update({
      where: { id },
      data: { state: 'applied', appliedAt: new Date(), note },
    });
  }

  async skipped(id: string, note: string): Promise<void> {
    await this.db.stockMovement.update({ where: { id }, data: { state: 'skipped', note } });
  }

  async reverted(id: string, note: string): Promise<void> {
    await this.db.stockMovement.update({ where: { id }, data: { state: 'reverted', note } });
  }
}
