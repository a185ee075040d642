import { sleep } from '@shiplink/testing';
import { StockWorld } from '../test/stock-world';
import { StockPollService } from './stock-poll.service';
import { StockRefreshService } from './stock-refresh.service';

/** The reconciling stock poll on the real PostgreSQL and Redis, ShipHero and BigCommerce simulated. */
describe('StockPollService', () => {
  let stock: StockWorld;
  let service: StockPollService;

  beforeAll(async () => {
    // No queue workers: the deliveries ShipHero sends are queued and never run, as if lost.
    stock = await StockWorld.start();
    service = new StockPollService(stock.platform);
  });

  afterAll(async () => {
    await stock?.close();
  });

  const poll = () => service.poll({ connectionId: stock.connectionId });
  const cursor = () => stock.platform.repos.cursors.get(stock.connectionId, 'stock.updated');

  it('catches a change whose delivery never came, and moves its cursor to ShipHero’s time of it', async () => {
    await stock.stockAtShipHero([
      { sku: 'TENT-2P', primary: 5 },
      { sku: 'STOVE-MINI', primary: 2 },
    ]);
    await stock.sellInStore(['TENT-2P', 'STOVE-MINI'], 1);
    await poll();
    expect(await stock.level('TENT-2P')).toBe(5);
    expect(await stock.level('STOVE-MINI')).toBe(2);
    const first = await cursor();
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);

    await stock.count('TENT-2P', 3);
    await poll();
    expect(await stock.level('TENT-2P')).toBe(3);
    expect((await cursor())! >= first!).toBe(true);
    // The overlap re-reads what the last poll saw; nothing unchanged is sent again.
    expect(await stock.sentQuantities('TENT-2P')).toEqual([5, 3]);
    expect(await stock.sentQuantities('STOVE-MINI')).toEqual([2]);
  });

  it('sends nothing a refresh already sent', async () => {
    await stock.stockAtShipHero([{ sku: 'LAMP-USB', primary: 6 }]);
    await stock.sellInStore(['LAMP-USB']);
    await new StockRefreshService(stock.platform).refresh({
      connectionId: stock.connectionId,
      skus: ['LAMP-USB'],
      trigger: stock.trigger(),
    });
    await poll();
    expect(await stock.sentQuantities('LAMP-USB')).toEqual([6]);
  });

  it('adds up two warehouses that feed one location', async () => {
    await stock.stockAtShipHero([{ sku: 'STAKES-8', primary: 3, east: 4 }]);
    await stock.sellInStore(['STAKES-8']);
    await poll();
    expect(await stock.level('STAKES-8')).toBe(7);

    await stock.count('STAKES-8', 10, { warehouse: stock.east });
    await poll();
    expect(await stock.level('STAKES-8')).toBe(13);
  });

  it('refuses a SKU the store does not sell without holding up the rest', async () => {
    await stock.stockAtShipHero([
      { sku: 'ONLY-AT-SHIPHERO', primary: 4 },
      { sku: 'BOTTLE-1L', primary: 8 },
    ]);
    await stock.sellInStore(['BOTTLE-1L']);
    await poll();
    expect(await stock.level('BOTTLE-1L')).toBe(8);
    const { audit } = stock.platform.repos;
    await audit.flush();
    expect(await audit.recent({ kind: 'stock.rejected' })).toContainEqual(
      expect.objectContaining({
        metadata: { sku: 'ONLY-AT-SHIPHERO', locationRef: '1', quantity: 4 },
      }),
    );
  });

  it('reads a SKU it meets for the first time back whole, not just the warehouse that changed', async () => {
    await stock.stockAtShipHero([{ sku: 'PAD-SLEEP', primary: 6 }]);
    await stock.sellInStore(['PAD-SLEEP']);
    await sleep(100);
    // A cursor just after Primary's count: the poll lists East's change alone.
    const before = await cursor();
    const { cursors } = stock.platform.repos;
    await cursors.set(
      stock.connectionId,
      'stock.updated',
      new Date(Date.now() + 2 * 60_000 - 50).toISOString(),
    );
    try {
      await stock.count('PAD-SLEEP', 2, { warehouse: stock.east });
      await poll();
      expect(await stock.level('PAD-SLEEP')).toBe(8);
    } finally {
      await cursors.set(stock.connectionId, 'stock.updated', before ?? new Date().toISOString());
    }
  });

  it('polls nothing when the store owns stock', async () => {
    await stock.stockAtShipHero([{ sku: 'ROPE-10M', primary: 9 }]);
    await stock.sellInStore(['ROPE-10M'], 2);
    await stock.settings({ stock: { owner: 'store' } });
    try {
      await poll();
      expect(await stock.level('ROPE-10M')).toBe(2);
    } finally {
      await stock.settings({});
    }
  });
});
