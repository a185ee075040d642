import { waitFor } from '@shiplink/testing';
import { StockWorld } from '../test/stock-world';
import { StockRefreshService } from './stock-refresh.service';

/** Stock refreshes on the real PostgreSQL and Redis, ShipHero and BigCommerce simulated. */
describe('StockRefreshService', () => {
  let stock: StockWorld;
  let service: StockRefreshService;

  beforeAll(async () => {
    // No queue workers: the tests run each refresh themselves, in the order they choose.
    stock = await StockWorld.start();
    service = new StockRefreshService(stock.platform);
  });

  afterAll(async () => {
    await stock?.close();
  });

  const refresh = (skus: string[], trigger = stock.trigger()) =>
    service.refresh({ connectionId: stock.connectionId, skus, trigger });

  it('sets the store’s level to what ShipHero has available, and follows each change', async () => {
    await stock.stockAtShipHero([{ sku: 'TENT-2P', primary: 12 }]);
    await stock.sellInStore(['TENT-2P'], 3);

    await refresh(['TENT-2P']);
    expect(await stock.level('TENT-2P')).toBe(12);

    await stock.count('TENT-2P', 9);
    await refresh(['TENT-2P']);
    expect(await stock.level('TENT-2P')).toBe(9);
    expect(await stock.sentQuantities('TENT-2P')).toEqual([12, 9]);
    const [transaction] = await stock.transactions();
    expect(transaction?.reason).toMatch(/shiphero stock update/);
  });

  it('sends a product’s stock to the store SKU a person mapped onto it', async () => {
    await stock.stockAtShipHero([{ sku: 'BEANIE-01', primary: 14 }]);
    await stock.sellInStore(['HAT-BEANIE']);
    await stock.platform.repos.catalog.saveManual(stock.connectionId, {
      storeSku: 'HAT-BEANIE',
      fulfilmentSku: 'BEANIE-01',
      productRef: null,
      mappedBy: 'Ana',
    });
    await refresh(['BEANIE-01']);
    expect(await stock.level('HAT-BEANIE')).toBe(14);
  });

  it('does not send a balance that has not changed', async () => {
    await stock.stockAtShipHero([
      { sku: 'STOVE-MINI', primary: 5 },
      { sku: 'SOCK-WOOL-M', primary: 8 },
    ]);
    await stock.sellInStore(['STOVE-MINI', 'SOCK-WOOL-M']);
    await refresh(['STOVE-MINI', 'SOCK-WOOL-M']);

    // One of the two changes; a delivery naming both sends only that one.
    await stock.count('SOCK-WOOL-M', 6);
    await refresh(['STOVE-MINI', 'SOCK-WOOL-M']);
    expect(await stock.sentQuantities('STOVE-MINI')).toEqual([5]);
    expect(await stock.sentQuantities('SOCK-WOOL-M')).toEqual([8, 6]);
  });

  it('does nothing on a repeated refresh', async () => {
    await stock.stockAtShipHero([{ sku: 'MUG-ENAMEL', primary: 4 }]);
    await stock.sellInStore(['MUG-ENAMEL']);
    const trigger = stock.trigger();
    await refresh(['MUG-ENAMEL'], trigger);
    const before = (await stock.transactions()).length;

    await refresh(['MUG-ENAMEL'], trigger);
    await refresh(['MUG-ENAMEL']);
    expect((await stock.transactions()).length).toBe(before);
    expect(await stock.level('MUG-ENAMEL')).toBe(4);
  });

  it('never moves the store backwards when an older count arrives after a newer one', async () => {
    await stock.stockAtShipHero([{ sku: 'LAMP-USB', primary: 10 }]);
    await stock.sellInStore(['LAMP-USB']);
    // 15 is counted first but its delivery is held back; 11 is counted next and overtakes it.
    // Then a stale delivery still carrying 4 arrives last.
    await stock.count('LAMP-USB', 15, { delayMs: 400 });
    await stock.count('LAMP-USB', 11);
    await stock.count('LAMP-USB', 4, { stale: true, delayMs: 600 });
    const deliveries = await waitFor(
      async () => {
        const queued = await stock.queuedRefreshes('LAMP-USB');
        return queued.length >= 3 ? queued : undefined;
      },
      { what: 'three Inventory Update deliveries queued as refreshes' },
    );

    // Each delivery's refresh, in the order the deliveries arrived.
    for (const payload of deliveries) {
      await service.refresh(payload);
      expect(await stock.level('LAMP-USB')).toBe(11);
    }
    expect(await stock.sentQuantities('LAMP-USB')).toEqual([11]);
  });

  it('settles refreshes running at once on the newest balance', async () => {
    await stock.stockAtShipHero([{ sku: 'PAD-SLEEP', primary: 0 }]);
    await stock.sellInStore(['PAD-SLEEP']);
    const running: Promise<void>[] = [];
    for (let onHand = 1; onHand <= 12; onHand++) {
      await stock.count('PAD-SLEEP', onHand);
      running.push(refresh(['PAD-SLEEP']));
    }
    await Promise.all(running);
    expect(await stock.level('PAD-SLEEP')).toBe(12);
    // The store was never told an older level after a newer one.
    const sent = await stock.sentQuantities('PAD-SLEEP');
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent.at(-1)).toBe(12);
  });

  it('shares store writes among refreshes that arrive together', async () => {
    const skus = Array.from({ length: 10 }, (_, i) => `BURST-${i}`);
    await stock.stockAtShipHero(skus.map((sku, i) => ({ sku, primary: i + 1 })));
    await stock.sellInStore(skus);
    const before = (await stock.transactions()).length;

    await Promise.all(skus.map((sku) => refresh([sku])));
    for (const [i, sku] of skus.entries()) expect(await stock.level(sku)).toBe(i + 1);
    expect((await stock.transactions()).length - before).toBeLessThan(skus.length);
  });

  it('refuses a SKU the store does not sell, records why, and sets the others', async () => {
    await stock.stockAtShipHero([
      { sku: 'ONLY-AT-SHIPHERO', primary: 7 },
      { sku: 'BOTTLE-1L', primary: 3 },
    ]);
    await stock.sellInStore(['BOTTLE-1L']);

    await expect(refresh(['ONLY-AT-SHIPHERO', 'BOTTLE-1L'])).resolves.toBeUndefined();
    expect(await stock.level('BOTTLE-1L')).toBe(3);
    expect(await stock.level('ONLY-AT-SHIPHERO')).toBeUndefined();

    const { audit } = stock.platform.repos;
    await audit.flush();
    const refused = await audit.recent({ kind: 'stock.rejected' });
    expect(refused).toEqual([
      expect.objectContaining({
        direction: 'internal',
        connectionId: stock.connectionId,
        error: 'unknown sku',
        metadata: { sku: 'ONLY-AT-SHIPHERO', locationRef: '1', quantity: 7 },
      }),
    ]);
  });

  it('adds up two warehouses that feed one location', async () => {
    await stock.stockAtShipHero([{ sku: 'STAKES-8', primary: 3, east: 4 }]);
    await stock.sellInStore(['STAKES-8']);
    await refresh(['STAKES-8']);
    expect(await stock.level('STAKES-8')).toBe(7);

    await stock.count('STAKES-8', 1, { warehouse: stock.east });
    await refresh(['STAKES-8']);
    expect(await stock.level('STAKES-8')).toBe(4);
  });

  it('leaves a SKU without a balance at ShipHero as the store has it, rather than zero', async () => {
    await stock.sellInStore(['NOT-YET-AT-SHIPHERO'], 6);
    await refresh(['NOT-YET-AT-SHIPHERO']);
    expect(await stock.level('NOT-YET-AT-SHIPHERO')).toBe(6);
    expect(await stock.sentQuantities('NOT-YET-AT-SHIPHERO')).toEqual([]);
  });

  describe('with the merchant’s stock settings', () => {
    afterEach(async () => {
      await stock.settings({});
    });

    it('sends nothing when the store owns stock', async () => {
      await stock.stockAtShipHero([{ sku: 'ROPE-10M', primary: 9 }]);
      await stock.sellInStore(['ROPE-10M'], 2);
      await stock.settings({ stock: { owner: 'store' } });

      await refresh(['ROPE-10M']);
      expect(await stock.level('ROPE-10M')).toBe(2);
      expect(await stock.sentQuantities('ROPE-10M')).toEqual([]);
    });

    it('refuses a level for a location the store does not have, and sets the rest', async () => {
      await stock.stockAtShipHero([{ sku: 'TARP-3X3', primary: 2, east: 5 }]);
      await stock.sellInStore(['TARP-3X3']);
      await stock.settings({ stock: { locations: { [stock.east]: '99' } } });

      await refresh(['TARP-3X3']);
      expect(await stock.level('TARP-3X3', 1)).toBe(2);
      const { audit } = stock.platform.repos;
      await audit.flush();
      const refused = await audit.recent({ kind: 'stock.rejected' });
      expect(refused[0]).toMatchObject({
        error: 'unknown location',
        metadata: { sku: 'TARP-3X3', locationRef: '99', quantity: 5 },
      });
    });
  });
});
