import type { Platform } from '@shiplink/app-kit';
import { giveBackRef, type StockMovementRecord } from '@shiplink/db';
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
 * store then keeps the higher count, which a recount fixes, rather than counting a unit twice.
 * A voided label gives back what it took through rows of its own (`giveBackRef`), which move the
 * same way: recorded before the store is asked, so a crash after the store accepted a give-back
 * never gives it twice.
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
    else await this.move(store, rows, `Stock moved by ${sourceRef}`, 'skip');
    logger.info('stock moved', { sourceRef, revert, items: rows.length });
  }

  /**
   * Moves the open rows; answers the rows the store now shows moved. A refusal is `skip`ped
   * (nothing to move: an unknown SKU) or, for what must not be lost, `fail`s for a person.
   */
  private async move(
    store: StorePlatform,
    rows: Row[],
    reason: string,
    refusal: 'skip' | 'fail',
  ): Promise<Row[]> {
    const { repos } = this.platform;
    const open = rows.filter((row) => row.state === 'pending' || row.state === 'attempting');
    if (open.length === 0) return [];
    const levels = await this.levels(store, open);
    const moved: Row[] = [];
    const toSend: Row[] = [];
    for (const row of open) {
      const level = levels.get(keyOf(row));
      if (row.state === 'attempting' && level !== undefined && alreadyMoved(row, level)) {
        await repos.stockMovements.applied(row.id, 'taken as applied after an interrupted call');
        moved.push(row);
        continue;
      }
      await repos.stockMovements.attempting(row.id, level ?? null);
      toSend.push({ ...row, levelBefore: level ?? null });
    }
    return [...moved, ...(await this.send(store, toSend, reason, refusal))];
  }

  private async giveBack(store: StorePlatform, rows: Row[], reason: string) {
    const { repos } = this.platform;
    for (const row of rows.filter((r) => r.state === 'pending')) {
      await repos.stockMovements.skipped(row.id, 'label voided before stock moved');
    }
    const taken = rows.filter((row) => row.state === 'applied');
    // A move cut short is settled by the levels first: made, it is given back; else it never is.
    const interrupted = rows.filter((row) => row.state === 'attempting');
    if (interrupted.length > 0) {
      const levels = await this.levels(store, interrupted);
      for (const row of interrupted) {
        const level = levels.get(keyOf(row));
        if (level !== undefined && alreadyMoved(row, level)) {
          await repos.stockMovements.applied(row.id, 'taken as applied after an interrupted call');
          taken.push(row);
        } else {
          await repos.stockMovements.skipped(row.id, 'label voided before stock moved');
        }
      }
    }
    if (taken.length === 0) return;
    await repos.stockMovements.planGiveBack(taken);
    const { connectionId, sourceRef } = taken[0]!;
    const back = await repos.stockMovements.forSource(connectionId, giveBackRef(sourceRef));
    const given = new Set(
      [
        ...back.filter((row) => row.state === 'applied'),
        ...(await this.move(store, back, reason, 'fail')),
      ].map((row) => row.itemKey),
    );
    for (const row of taken.filter((r) => given.has(r.itemKey))) {
      await repos.stockMovements.reverted(row.id, reason);
    }
  }

  /**
   * One call for the rows; each answer recorded on its own row. Answers the rows the store
   * applied; refusals are recorded first and, for `fail`, then thrown.
   */
  private async send(
    store: StorePlatform,
    rows: Row[],
    reason: string,
    refusal: 'skip' | 'fail',
  ): Promise<Row[]> {
    if (rows.length === 0) return [];
    const { repos } = this.platform;
    const adjustments: StockAdjustment[] = rows.map((row) => ({
      sku: row.sku,
      locationRef: row.locationRef,
      delta: row.delta,
    }));
    const result = await store.adjustStock!(adjustments, reason);
    const refused = new Map(result.rejected.map((r) => [r.adjustment, r.reason]));
    const applied: Row[] = [];
    const failures: string[] = [];
    for (const [i, row] of rows.entries()) {
      const why = refused.get(adjustments[i]!);
      if (why === undefined) {
        await repos.stockMovements.applied(row.id);
        applied.push(row);
      } else if (refusal === 'skip') {
        await repos.stockMovements.skipped(row.id, why);
      } else {
        await repos.stockMovements.refused(row.id, why);
        failures.push(`${row.sku}: ${why}`);
      }
    }
    if (failures.length > 0) {
      throw new PermanentError(`the store refused to give stock back: ${failures.join('; ')}`, {
        reason: 'stock.give_back_refused',
      });
    }
    return applied;
  }

  private async levels(store: StorePlatform, rows: Row[]): Promise<Map<string, number>> {
    const skus = [...new Set(rows.map((row) => row.sku))];
    const locations = [...new Set(rows.map((row) => row.locationRef))];
    const levels = await store.readStock(skus, locations);
    return new Map(levels.map((level) => [keyOf(level), level.quantity]));
  }
}
