import type { Platform } from '@shiplink/app-kit';
import type { StockDecrementRecord } from '@shiplink/db';
import type { StockAdjustment, StorePlatform } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';

type Row = StockDecrementRecord;

const keyOf = (a: { sku: string; locationRef: string }) => `${a.sku}\u0000${a.locationRef}`;

/**
 * Stock after shipments, the moving half: the recorded items of one shipment lower the store's
 * stock once each. Under one lock per shipment, each row is marked `attempting` with the store's
 * level before the store is asked; a row found `attempting` (a crash between asking and
 * recording) is taken as applied when the store's level is already down by its quantity, so a
 * retry never lowers it twice. A voided label gives back what it took.
 */
export class ShipmentStockService {
  constructor(private readonly platform: Platform) {}

  async apply(input: { connectionId: string; shipmentRef: string; voided: boolean }) {
    const { repos } = this.platform;
    await repos.locks.withLock(`shipment-stock:${input.connectionId}:${input.shipmentRef}`, () =>
      this.run(input),
    );
  }

  private async run({
    connectionId,
    shipmentRef,
    voided,
  }: {
    connectionId: string;
    shipmentRef: string;
    voided: boolean;
  }) {
    const { repos, ports, logger } = this.platform;
    const rows = await repos.stockDecrements.forShipment(connectionId, shipmentRef);
    if (rows.length === 0) return;
    const connection = await repos.tenancy.requireStoreConnectionAmong(
      rows[0]!.storeId,
      ports.providersFor('store'),
    );
    const store = ports.store(connection);
    if (!store.adjustStock) {
      for (const row of rows.filter((r) => r.state === 'pending')) {
        await repos.stockDecrements.skipped(
          row.id,
          'the store cannot adjust stock by a difference',
        );
      }
      return;
    }
    const reason = `Shipped by ${shipmentRef}`;
    if (voided) await this.giveBack(store, rows, `Label ${shipmentRef} voided`);
    else await this.take(store, rows, reason);
    logger.info('shipment stock moved', {
      shipmentRef,
      voided,
      states: rows.map((row) => row.state).join(','),
    });
  }

  private async take(store: StorePlatform, rows: Row[], reason: string) {
    const { repos } = this.platform;
    const open = rows.filter((row) => row.state === 'pending' || row.state === 'attempting');
    if (open.length === 0) return;
    const levels = await this.levels(store, open);
    const toSend: Row[] = [];
    for (const row of open) {
      const level = levels.get(keyOf(row));
      if (row.state === 'attempting' && row.levelBefore !== null && level !== undefined) {
        if (level <= row.levelBefore - row.quantity) {
          await repos.stockDecrements.applied(row.id, 'taken as applied after an interrupted call');
          continue;
        }
      }
      await repos.stockDecrements.attempting(row.id, level ?? null);
      toSend.push(row);
    }
    await this.send(store, toSend, -1, reason, (row) => repos.stockDecrements.applied(row.id));
  }

  private async giveBack(store: StorePlatform, rows: Row[], reason: string) {
    const { repos } = this.platform;
    for (const row of rows.filter((r) => r.state === 'pending')) {
      await repos.stockDecrements.skipped(row.id, 'label voided before stock moved');
    }
    // A row left attempting may or may not have moved: it is given back only once applied.
    const applied = rows.filter((row) => row.state === 'applied');
    await this.send(store, applied, +1, reason, (row) =>
      repos.stockDecrements.reverted(row.id, reason),
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
      delta: sign * row.quantity,
    }));
    const result = await store.adjustStock!(adjustments, reason);
    const refused = new Map(result.rejected.map((r) => [r.adjustment, r.reason]));
    for (const [i, row] of rows.entries()) {
      const why = refused.get(adjustments[i]!);
      if (why === undefined) await done(row);
      else if (sign < 0) await repos.stockDecrements.skipped(row.id, why);
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
