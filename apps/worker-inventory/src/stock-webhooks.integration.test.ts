import { provideWorkerApps } from '@shiplink/test-world';
import { eventually, waitFor } from '@shiplink/testing';
import { registrations } from './registrations';
import { StockWorld } from './test/stock-world';

/**
 * ShipHero's Inventory Update deliveries through the whole path, this app's workers running in
 * process: signed webhook → ingress → inventory queue → read back → BigCommerce level.
 */
describe('stock from ShipHero webhooks to BigCommerce', () => {
  let stock: StockWorld;

  beforeAll(async () => {
    provideWorkerApps({ 'worker-inventory': { queue: 'inventory', registrations } });
    stock = await StockWorld.start({ workers: ['worker-inventory'] });
  });

  afterAll(async () => {
    await stock?.close();
  });

  /** Every delivery ShipHero sent has been answered and every job it became has run. */
  async function settled(deliveries: number) {
    await waitFor(
      async () => {
        const sent = await stock.shiphero.webhooks();
        const counts = await stock.platform.producer
          .queue('inventory')
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const busy = Object.values(counts).reduce((sum, n) => sum + n, 0);
        return sent.filter((d) => d.delivered).length >= deliveries && busy === 0;
      },
      { what: `${deliveries} deliveries answered and the inventory queue drained` },
    );
  }

  it('sets the store’s level when a count changes in the warehouse', async () => {
    await stock.stockAtShipHero([{ sku: 'TENT-2P', primary: 2 }]);
    await stock.sellInStore(['TENT-2P'], 2);
    const before = (await stock.shiphero.webhooks()).length;
    await stock.count('TENT-2P', 14);
    expect(
      await eventually(
        () => stock.level('TENT-2P'),
        (level) => level === 14,
      ),
    ).toBe(14);
    await settled(before + 1);
  });

  it('ends at the newest count when deliveries arrive late, out of order or stale', async () => {
    await stock.stockAtShipHero([{ sku: 'LAMP-USB', primary: 10 }]);
    await stock.sellInStore(['LAMP-USB'], 10);
    const before = (await stock.shiphero.webhooks()).length;
    await stock.count('LAMP-USB', 15, { delayMs: 300 });
    await stock.count('LAMP-USB', 11);
    await stock.count('LAMP-USB', 4, { stale: true, delayMs: 600 });
    await settled(before + 3);

    expect(await stock.level('LAMP-USB')).toBe(11);
    expect(await stock.sentQuantities('LAMP-USB')).toEqual([11]);
  });
});
