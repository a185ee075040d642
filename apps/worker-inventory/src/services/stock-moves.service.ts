import type { Platform } from '@shiplink/app-kit';
import type { StockMovementRecord } from '@shiplink/db';
import type { StockAdjustment, StorePlatform } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';

type Row = StockMovementRecord;

const keyOf = (a: { sku: string; locationRef: string }) => `${a.sku}\u0000${a.locationRef}`;

/** Whether the store's level shows the row's move already made (the level moved by `delta`). */
const alreadyMoved = (row: Row, level: number) =>
  row.levelBefore !== null &&
  Math.sign(row.delta) * (level - row.levelBefore) >= Math.abs(row.delta);

/**
 * Stock the hub moves in the store (a shipped item lowers it, a returned one raises it), once
 * per recorded item. Under one lock per source, each row is marked `attempting` with the store's
 * level before the store is asked; a row found `attempting` (a crash between asking and
 * recording) is taken as applied when the level has moved by its quantity already, so a retry
 * never moves it twice. Sales in between can only make a move look done when it is not; the
 * store then keeps the higher count, which a recount fixes, rather than counting a unit twice. A
 * voided label gives back what it took.
 */
export class StockMovesService {
  constructor(private readonly platform: Platform) {}

  async apply(input: { connectionId: string; sourceRef: string; revert: boolean }) {
    const { repos } = this.platform;
    await repos.locks.withLock(`stock-moves:${input.connectionId}:${input.sourceRef}`, () =>
      this.run(input),
    );
  }

  private async run({
    connectionId,
    sourceRef,
    revert,
  }: {
    connectionId: string;
    sourceRef: string;
    revert: boolean;
  }) {
    const { repos, ports, logger } = this.platform;
    const rows = await repos.stockMovements.forSource(connectionId, sourceRef);
    if (rows.length === 0) return;
    const connection = await repos.tenancy.requireStoreConnectionAmong(
      rows[0]!.storeId,
      ports.providersFor('store'),
    );
    const store = ports.store(connection);
    if (!store.adjustStock) {
      for (const row of rows.filter((r) => r.state === 'pending')) {
        await repos.stockMovements.skipped(row.id, 'the store cannot adjust stock by a difference');
      }
      return;
    }
    if (revert) await this.giveBack(store, rows, `Label ${sourceRef} voided`);
    else await this.move(store, rows, `Stock moved by ${sourceRef}`);
    logger.info('stock moved', { sourceRef, revert, items: rows.length });
  }

  private async move(store: StorePlatform, rows: Row[], reason: string) {
    const { repos } = this.platform;
    const open = rows.filter((row) => row.state === 'pending' || row.state === 'attempting');
    if (open.length === 0) return;
    const levels = await this.levels(store, open);
    const toSend: Row[] = [];
    for (const row of open) {
      const level = levels.get(keyOf(row));
      if (row.state === 'attempting' && level !== undefined && alreadyMoved(row, level)) {
        await repos.stockMovements.applied(row.id, 'taken as applied after an interrupted call');
        continue;
      }
      await repos.stockMovements.attempting(row.id, level ?? null);
      toSend.push(row);
    }
    await this.send(store, toSend, 1, reason, (row) => repos.stockMovements.applied(row.id));
  }

  private async giveBack(store: StorePlatform, rows: Row[], reason: string) {
    const { repos } = this.platform;
    for (const row of rows.filter((r) => r.state === 'pending')) {
      await repos.stockMovements.skipped(row.id, 'label voided before stock moved');
    }
    // A row left attempting may or may not have moved: it is given back only once applied.
    const applied = rows.filter((row) => row.state === 'applied');
    await this.send(store, applied, -1, reason, (row) =>
      repos.stockMovements.reverted(row.id, reason),
    );
  }

  /** One call for the rows; each answer recorded on its own row, refusals as skipped. */
  private async send(
    store: StorePlatform,
    rows: Row[],
    sign: 1 | -1,
    reason: string,
    done: (row: Row) => Promise<void>,
  ) {
    if (rows.length === 0) return;
    const { repos } = this.platform;
    const adjustments: StockAdjustment[] = rows.map((row) => ({
      sku: row.sku,
      locationRef: row.locationRef,
      delta: sign * row.delta,
    }));
    const result = await store.adjustStock!(adjustments, reason);
    const refused = new Map(result.rejected.map((r) => [r.adjustment, r.reason]));
    for (const [i, row] of rows.entries()) {
      const why = refused.get(adjustments[i]!);
      if (why === undefined) await done(row);
      else if (sign > 0) await repos.stockMovements.skipped(row.id, why);
      else
        throw new PermanentError(`the store refused to give stock back: ${why}`, {
          reason: 'stock.give_back_refused',
        });
    }
  }

  private async levels(store: StorePlatform, rows: Row[]): Promise<Map<string, number>> {
    const skus = [...new Set(rows.map((row) => row.sku))];
    const locations = [...new Set(rows.map((row) => row.locationRef))];
    const levels = await store.readStock(skus, locations);
    return new Map(levels.map((level) => [keyOf(level), level.quantity]));
  }
}
