import type { PlannedDecrement, ShipmentOrigin } from '@shiplink/domain';
import type { Db } from '../client';

export type StockDecrementState = 'pending' | 'attempting' | 'applied' | 'skipped' | 'reverted';

export interface StockDecrementRecord {
  id: string;
  storeId: string;
  connectionId: string;
  shipmentRef: string;
  itemKey: string;
  sku: string;
  locationRef: string;
  quantity: number;
  origin: string;
  state: StockDecrementState;
  levelBefore: number | null;
  note: string | null;
  appliedAt: Date | null;
}

/**
 * Stock after shipments, one row per shipped item: the (connection, shipment, item) key makes a
 * replayed or re-fetched shipment land on the rows it made the first time, so no item lowers the
 * store's stock twice. Rows move pending → attempting → applied (or skipped), and an applied row
 * of a voided label → reverted.
 */
export class StockDecrementsRepo {
  constructor(private readonly db: Db) {}

  /** Records the shipment's items; the ones recorded already are left as they are. */
  async plan(input: {
    storeId: string;
    connectionId: string;
    shipmentRef: string;
    locationRef: string;
    origin: ShipmentOrigin;
    items: readonly PlannedDecrement[];
  }): Promise<number> {
    if (input.items.length === 0) return 0;
    const { count } = await this.db.stockDecrement.createMany({
      data: input.items.map((item) => ({
        storeId: input.storeId,
        connectionId: input.connectionId,
        shipmentRef: input.shipmentRef,
        locationRef: input.locationRef,
        origin: input.origin,
        itemKey: item.itemKey,
        sku: item.sku,
        quantity: item.quantity,
      })),
      skipDuplicates: true,
    });
    return count;
  }

  forShipment(connectionId: string, shipmentRef: string): Promise<StockDecrementRecord[]> {
    return this.db.stockDecrement.findMany({
      where: { connectionId, shipmentRef },
      orderBy: { itemKey: 'asc' },
    });
  }

  /** Every row of a store, newest first (what the admin API shows). */
  forStore(storeId: string, limit = 200): Promise<StockDecrementRecord[]> {
    return this.db.stockDecrement.findMany({
      where: { storeId },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
  }

  /** About to ask the store, with its level just before. */
  async attempting(id: string, levelBefore: number | null): Promise<void> {
    await this.db.stockDecrement.update({
      where: { id },
      data: { state: 'attempting', levelBefore },
    });
  }

  async applied(id: string, note: string | null = null): Promise<void> {
    await this.db.stockDecrement.update({
      where: { id },
      data: { state: 'applied', appliedAt: new Date(), note },
    });
  }

  async skipped(id: string, note: string): Promise<void> {
    await this.db.stockDecrement.update({ where: { id }, data: { state: 'skipped', note } });
  }

  async reverted(id: string, note: string): Promise<void> {
    await this.db.stockDecrement.update({ where: { id }, data: { state: 'reverted', note } });
  }
}
