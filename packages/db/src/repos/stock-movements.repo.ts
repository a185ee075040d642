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

/** The source of the rows that give back what a voided label's rows took. */
export const giveBackRef = (sourceRef: string): string => `voided:${sourceRef}`;

/**
 * Stock the hub moves in the store, one row per item (a shipped item lowers it, a returned one
 * raises it): the (connection, source, item) key makes a replayed or re-fetched event land on
 * the rows it made the first time, so no item moves stock twice. Rows move pending → attempting
 * → applied (or skipped). A voided label's applied rows are given back by rows of their own
 * (`giveBackRef`, same item keys, origin `label_voided`), which move the same way, so the key
 * keeps the give-back to once too; once one is applied, the row it gives back is reverted.
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

  /**
   * The rows that give back these applied rows' moves, one per item, recorded once: planned
   * again after a crash, they are the rows made the first time.
   */
  async planGiveBack(taken: readonly StockMovementRecord[]): Promise<number> {
    if (taken.length === 0) return 0;
    const { count } = await this.db.stockMovement.createMany({
      data: taken.map((row) => ({
        storeId: row.storeId,
        connectionId: row.connectionId,
        sourceRef: giveBackRef(row.sourceRef),
        locationRef: row.locationRef,
        origin: 'label_voided',
        itemKey: row.itemKey,
        sku: row.sku,
        delta: -row.delta,
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

  /** The store refused it: nothing moved, and it waits to be tried again (a person looks). */
  async refused(id: string, note: string): Promise<void> {
    await this.db.stockMovement.update({
      where: { id },
      data: { state: 'pending', levelBefore: null, note },
    });
  }

  async skipped(id: string, note: string): Promise<void> {
    await this.db.stockMovement.update({ where: { id }, data: { state: 'skipped', note } });
  }

  async reverted(id: string, note: string): Promise<void> {
    await this.db.stockMovement.update({ where: { id }, data: { state: 'reverted', note } });
  }
}
