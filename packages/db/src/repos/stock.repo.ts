import type { StockLevel, StockObservation } from '@shiplink/domain';
import type { Db } from '../client';

/** A level as it was written to the store, with the newest observation it was computed from. */
export type SentStockLevel = StockLevel & { observedAt: string };

/** Rows per statement: far below PostgreSQL's parameter limit (arrays are one parameter each). */
const BATCH = 1_000;

/** Prisma keeps DateTime as UTC wall time in `timestamp(3)`; text of that form casts exactly. */
const wallTime = (iso: string | Date) =>
  new Date(iso).toISOString().replace('T', ' ').replace('Z', '');

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** Per SKU and warehouse only the newest observation: one statement may not touch a row twice. */
function newestOf(observations: readonly StockObservation[]): StockObservation[] {
  const newest = new Map<string, StockObservation>();
  for (const observation of observations) {
    const key = JSON.stringify([observation.sku, observation.warehouseRef]);
    const held = newest.get(key);
    if (!held || Date.parse(observation.observedAt) >= Date.parse(held.observedAt)) {
      newest.set(key, observation);
    }
  }
  return [...newest.values()];
}

/** The warehouse's newest balances, and the levels last written to the store. */
export class StockRepo {
  constructor(private readonly db: Db) {}

  /**
   * Keeps each observation unless a newer one is stored, in one atomic statement per batch, so
   * concurrent writers cannot put an older balance over a newer one. `readAt` is when the hub
   * began reading these from the warehouse (stored as `recorded_at`): the warehouse's clock has
   * whole seconds, and two balances of the same second are told apart by the later read, which
   * saw the later state. Without that, a second change within one second would be lost until
   * the SKU changed again. Answers how many rows changed.
   */
  async observe(
    connectionId: string,
    observations: readonly StockObservation[],
    readAt: Date = new Date(),
  ): Promise<number> {
    let changed = 0;
    for (const batch of chunks(newestOf(observations))) {
      changed += await this.db.$executeRaw`
        INSERT INTO stock_observations
          (connection_id, sku, warehouse_ref, available, on_hand, observed_at, recorded_at)
        SELECT ${connectionId}::uuid, x.sku, x.warehouse_ref, x.available, x.on_hand,
               x.observed_at, ${wallTime(readAt)}::timestamp(3)
        FROM unnest(${batch.map((o) => o.sku)}::text[],
                    ${batch.map((o) => o.warehouseRef)}::text[],
                    ${batch.map((o) => o.available)}::int[],
                    ${batch.map((o) => o.onHand)}::int[],
                    ${batch.map((o) => wallTime(o.observedAt))}::timestamp(3)[])
          AS x(sku, warehouse_ref, available, on_hand, observed_at)
        ON CONFLICT (connection_id, sku, warehouse_ref) DO UPDATE SET
          available = excluded.available,
          on_hand = excluded.on_hand,
          observed_at = excluded.observed_at,
          recorded_at = excluded.recorded_at
        WHERE excluded.observed_at > stock_observations.observed_at
           OR (excluded.observed_at = stock_observations.observed_at
               AND excluded.recorded_at > stock_observations.recorded_at
               AND (excluded.available, excluded.on_hand)
                   IS DISTINCT FROM (stock_observations.available, stock_observations.on_hand))`;
    }
    return changed;
  }

  /** Every stored observation of these SKUs, in every warehouse. */
  async observationsOf(connectionId: string, skus: readonly string[]): Promise<StockObservation[]> {
    if (skus.length === 0) return [];
    const rows = await this.db.stockObservation.findMany({
      where: { connectionId, sku: { in: [...new Set(skus)] } },
      orderBy: [{ sku: 'asc' }, { warehouseRef: 'asc' }],
    });
    return rows.map((row) => ({
      sku: row.sku,
      warehouseRef: row.warehouseRef,
      available: row.available,
      onHand: row.onHand,
      observedAt: row.observedAt.toISOString(),
    }));
  }

  /** The levels last written to the store for these SKUs, at every location. */
  async sentLevels(connectionId: string, skus: readonly string[]): Promise<SentStockLevel[]> {
    if (skus.length === 0) return [];
    const rows = await this.db.storeStockLevel.findMany({
      where: { connectionId, sku: { in: [...new Set(skus)] } },
      orderBy: [{ sku: 'asc' }, { locationRef: 'asc' }],
    });
    return rows.map((row) => ({
      sku: row.sku,
      locationRef: row.locationRef,
      quantity: row.quantity,
      observedAt: row.observedAt.toISOString(),
    }));
  }

  /**
   * Records levels the store took. The caller holds the connection's stock lock, so the last
   * write is the newest level; nothing here compares.
   */
  async recordSent(
    connectionId: string,
    levels: readonly SentStockLevel[],
    sentAt: Date = new Date(),
  ): Promise<void> {
    const unique = new Map(
      levels.map((level) => [JSON.stringify([level.sku, level.locationRef]), level]),
    );
    for (const batch of chunks([...unique.values()])) {
      await this.db.$executeRaw`
        INSERT INTO store_stock_levels (connection_id, sku, location_ref, quantity, observed_at, sent_at)
        SELECT ${connectionId}::uuid, x.sku, x.location_ref, x.quantity, x.observed_at,
               ${wallTime(sentAt)}::timestamp(3)
        FROM unnest(${batch.map((l) => l.sku)}::text[],
                    ${batch.map((l) => l.locationRef)}::text[],
                    ${batch.map((l) => l.quantity)}::int[],
                    ${batch.map((l) => wallTime(l.observedAt))}::timestamp(3)[])
          AS x(sku, location_ref, quantity, observed_at)
        ON CONFLICT (connection_id, sku, location_ref) DO UPDATE SET
          quantity = excluded.quantity,
          observed_at = excluded.observed_at,
          sent_at = excluded.sent_at`;
    }
  }
}
