import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord } from '@shiplink/db';
import {
  levelsInStoreSkus,
  storeLevelsOf,
  type StockLevel,
  type StockSource,
} from '@shiplink/domain';
import { currentLogContext, withLogContext, type LogContext } from '@shiplink/logger';

/** A warehouse connection whose provider owns stock, with its stock port. */
export interface Warehouse {
  connection: ConnectionRecord;
  source: StockSource;
}

export interface FlushOutcome {
  /** Levels computed from the stored observations of the SKUs. */
  levels: number;
  /** Levels the store took. */
  sent: number;
  /** Levels the store refused (unknown SKU, unknown location), recorded in the audit trail. */
  rejected: number;
}

const key = (level: Pick<StockLevel, 'sku' | 'locationRef'>) =>
  JSON.stringify([level.sku, level.locationRef]);

/** The most SKUs one shared flush takes; more wait for the next. */
const MAX_SKUS_PER_FLUSH = 1_000;

interface Turn {
  warehouse: Warehouse;
  skus: Set<string>;
  reason: string;
  /** The log context of the job that opened the turn: its lines and audit entries carry it. */
  context: LogContext;
  waiters: { resolve(outcome: FlushOutcome): void; reject(error: unknown): void }[];
}

/**
 * Stored observations → store levels: what refresh and poll share. The levels a warehouse
 * connection writes are serialised by an advisory lock on that connection. Inside it, every
 * flush reads the observations as they are now, and observations only ever get newer (the
 * repository keeps the newest), so a flush that starts later computes from news at least as
 * new; without the lock, two flushes of one SKU could reach the store in either order and the
 * older level could land last.
 *
 * One connection's flushes in this process take turns, and everything asked while a turn runs
 * goes into the next one: a burst of deliveries costs a few store writes, not one lock wait
 * and one write each. A caller is answered by a turn that began after it asked, so that turn
 * read what the caller stored before asking.
 */
export class StockFlushService {
  private readonly lines = new Map<string, { running: boolean; turns: Turn[] }>();

  constructor(private readonly platform: Platform) {}

  /** The connection a stock job names: a fulfilment system with a stock port. */
  async warehouse(connectionId: string): Promise<Warehouse> {
    const { repos, ports } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    // A fulfilment system that does not own stock is refused here, as a permanent failure.
    return { connection, source: ports.stock(connection) };
  }

  /**
   * Sends the store the changed levels of these SKUs. The outcome is that of the turn that
   * flushed them, which may have flushed other callers' SKUs with them.
   */
  flush(warehouse: Warehouse, skus: readonly string[], reason: string): Promise<FlushOutcome> {
    const id = warehouse.connection.id;
    let line = this.lines.get(id);
    if (!line) {
      line = { running: false, turns: [] };
      this.lines.set(id, line);
    }
    let turn = line.turns.at(-1);
    if (!turn || turn.skus.size + skus.length > MAX_SKUS_PER_FLUSH) {
      turn = { warehouse, skus: new Set(), reason, context: currentLogContext(), waiters: [] };
      line.turns.push(turn);
    }
    // The latest caller's view of the connection (its settings) is the one the turn uses.
    turn.warehouse = warehouse;
    for (const sku of skus) turn.skus.add(sku);
    const outcome = new Promise<FlushOutcome>((resolve, reject) =>
      turn.waiters.push({ resolve, reject }),
    );
    if (!line.running) void this.drain(id, line);
    return outcome;
  }

  private async drain(id: string, line: { running: boolean; turns: Turn[] }): Promise<void> {
    line.running = true;
    for (let turn = line.turns.shift(); turn; turn = line.turns.shift()) {
      try {
        const { warehouse, skus, reason } = turn;
        const outcome = await withLogContext(turn.context, () =>
          this.flushNow(warehouse, [...skus], reason),
        );
        for (const waiter of turn.waiters) waiter.resolve(outcome);
      } catch (error) {
        for (const waiter of turn.waiters) waiter.reject(error);
      }
    }
    line.running = false;
    this.lines.delete(id);
  }

  private async flushNow(
    { connection, source }: Warehouse,
    skus: readonly string[],
    reason: string,
  ): Promise<FlushOutcome> {
    const { repos } = this.platform;
    return repos.locks.withLock(`stock:${connection.id}`, async () => {
      const observations = await repos.stock.observationsOf(connection.id, skus);
      // Only what was observed makes a level. A SKU with no observation in any warehouse that
      // feeds a location gets no level there, not a zero: not having seen a balance is not the
      // warehouse saying there is none, and a zero would stop the store selling stock that may
      // be on the shelf; the store keeps its own figure until the warehouse reports one. Within
      // a location, a warehouse with no observation of the SKU adds nothing: a read-back lists
      // every warehouse that stocks the SKU, so one it leaves out holds none (the poll reads a
      // SKU it meets for the first time back whole for that reason).
      const levels = levelsInStoreSkus(
        storeLevelsOf(observations, (warehouseRef) => source.locationOf(warehouseRef)),
        await repos.catalog.renamedStoreSkus(connection.id, skus),
      );
      const storeSkus = [...new Set(levels.map((level) => level.sku))];
      const sent = new Map(
        (await repos.stock.sentLevels(connection.id, storeSkus)).map((level) => [
          key(level),
          level,
        ]),
      );
      // The store is told a level only when it differs from what it was last told: an unchanged
      // balance, a repeated delivery or an overlapping poll sends nothing.
      const changed = levels.filter((level) => sent.get(key(level))?.quantity !== level.quantity);
      if (changed.length === 0) return { levels: levels.length, sent: 0, rejected: 0 };

      const store = await repos.tenancy.requireStoreConnectionAmong(
        connection.storeId,
        this.platform.ports.providersFor('store'),
      );
      const result = await this.platform.ports.store(store).setStock(
        changed.map(({ sku, locationRef, quantity }) => ({ sku, locationRef, quantity })),
        reason,
      );
      const computed = new Map(changed.map((level) => [key(level), level]));
      await repos.stock.recordSent(
        connection.id,
        result.applied.map((level) => ({
          ...level,
          observedAt: computed.get(key(level))?.observedAt ?? new Date().toISOString(),
        })),
      );
      // A refused level is not recorded as sent: once the merchant fixes the SKU or the location
      // map, the next change (or repeat) of that SKU sends it.
      for (const { level, reason: why } of result.rejected) this.refused(connection, level, why);
      return {
        levels: levels.length,
        sent: result.applied.length,
        rejected: result.rejected.length,
      };
    });
  }

  private refused(warehouse: ConnectionRecord, level: StockLevel, reason: string): void {
    const { repos, logger } = this.platform;
    logger.warn('stock level refused by the store', {
      sku: level.sku,
      locationRef: level.locationRef,
      quantity: level.quantity,
      reason,
    });
    repos.audit.record({
      direction: 'internal',
      kind: 'stock.rejected',
      provider: warehouse.provider,
      connectionId: warehouse.id,
      correlationId: currentLogContext().correlationId,
      error: reason,
      metadata: { sku: level.sku, locationRef: level.locationRef, quantity: level.quantity },
    });
  }
}
