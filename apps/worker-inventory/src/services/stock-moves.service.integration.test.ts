import { randomUUID } from 'node:crypto';
import { giveBackRef, type StockMovementRecord } from '@shiplink/db';
import { startWorld, type TestWorld } from '@shiplink/test-world';
import { StockMovesService } from './stock-moves.service';

type Level = { sku: string; locationId: number; quantity: number };
type Transaction = { reason: string; items: { sku?: string; quantity?: number }[] };

/**
 * Stock moves on the real PostgreSQL and Redis, BigCommerce simulated: each recorded item moves
 * the store's stock once, and a voided label gives it back once, whatever crashes in between
 * (a lost answer stands for a worker that died after the store accepted the call).
 */
describe('StockMovesService', () => {
  let world: TestWorld;
  let service: StockMovesService;

  beforeAll(async () => {
    world = await startWorld({ workers: [] });
    service = new StockMovesService(world.hub.platform);
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const repos = () => world.hub.platform.repos;
  const connectionId = () => world.setup.fulfilment.id;
  const adjustPath = () => `/stores/${world.storeHash}/v3/inventory/adjustments/relative`;
  const fault = (kind: 'lost_response' | 'server_error') =>
    world.bigcommerce.addFault({ kind, count: 1, method: 'POST', path: adjustPath() });

  /** A SKU of its own, sold in the store with `level` on hand at location 1. */
  async function product(level: number): Promise<string> {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    await world.bigcommerce.post(`/stores/${world.storeHash}/catalog/products`, {
      products: [{ sku, name: sku, inventoryTracking: 'product', levels: { '1': level } }],
    });
    return sku;
  }

  async function level(sku: string): Promise<number | undefined> {
    const levels = await world.bigcommerce.get<Level[]>(
      `/stores/${world.storeHash}/inventory/levels`,
    );
    return levels.find((l) => l.sku === sku && l.locationId === 1)?.quantity;
  }

  /** How many adjustments the store accepted for a SKU. */
  async function calls(sku: string): Promise<number> {
    const all = await world.bigcommerce.get<Transaction[]>(
      `/stores/${world.storeHash}/inventory/transactions`,
    );
    return all.filter((t) => t.items.some((item) => item.sku === sku)).length;
  }

  /** A shipment of `quantity` units of the SKU recorded to lower stock. */
  async function shipped(sku: string, quantity: number, locationRef = '1'): Promise<string> {
    const sourceRef = `shipment-${randomUUID()}`;
    await repos().stockMovements.plan({
      storeId: world.setup.storeId,
      connectionId: connectionId(),
      sourceRef,
      locationRef,
      origin: 'other_channel',
      sign: -1,
      items: [{ itemKey: `line:${sku}`, sku, quantity }],
    });
    return sourceRef;
  }

  const apply = (sourceRef: string, revert = false) =>
    service.apply({ connectionId: connectionId(), sourceRef, revert });
  const rows = (sourceRef: string) => repos().stockMovements.forSource(connectionId(), sourceRef);
  const states = (list: StockMovementRecord[]) => list.map((row) => [row.delta, row.state]);

  it('moves stock once when two jobs for one shipment run at once, and again replayed', async () => {
    const sku = await product(10);
    const ref = await shipped(sku, 2);
    await Promise.all([apply(ref), apply(ref)]);
    await apply(ref);
    expect(await level(sku)).toBe(8);
    expect(await calls(sku)).toBe(1);
    expect(states(await rows(ref))).toEqual([[-2, 'applied']]);
  });

  it('takes a move the store accepted before the worker could record it as made', async () => {
    const sku = await product(10);
    const ref = await shipped(sku, 3);
    await fault('lost_response');
    await expect(apply(ref)).rejects.toThrow();
    // The store took the units; the row still says it was only being tried.
    expect(await level(sku)).toBe(7);
    expect(states(await rows(ref))).toEqual([[-3, 'attempting']]);
    await apply(ref);
    expect(await level(sku)).toBe(7);
    expect(await calls(sku)).toBe(1);
    const [row] = await rows(ref);
    expect(row).toMatchObject({ state: 'applied', levelBefore: 10 });
    expect(row!.note).toContain('interrupted');
  });

  it('moves again what the store never took when the call failed', async () => {
    const sku = await product(10);
    const ref = await shipped(sku, 3);
    await fault('server_error');
    await expect(apply(ref)).rejects.toThrow();
    expect(await level(sku)).toBe(10);
    await apply(ref);
    expect(await level(sku)).toBe(7);
    expect(states(await rows(ref))).toEqual([[-3, 'applied']]);
  });

  it('gives back what a voided label took, once, however often the void is replayed', async () => {
    const sku = await product(10);
    const ref = await shipped(sku, 2);
    await apply(ref);
    expect(await level(sku)).toBe(8);
    await apply(ref, true);
    await apply(ref, true);
    await apply(ref);
    expect(await level(sku)).toBe(10);
    expect(await calls(sku)).toBe(2);
    expect(states(await rows(ref))).toEqual([[-2, 'reverted']]);
    const back = await rows(giveBackRef(ref));
    expect(back.map((row) => [row.delta, row.state, row.origin])).toEqual([
      [2, 'applied', 'label_voided'],
    ]);
  });

  it('gives back once when the worker died after the store accepted the give-back', async () => {
    const sku = await product(10);
    const ref = await shipped(sku, 4);
    await apply(ref);
    await fault('lost_response');
    await expect(apply(ref, true)).rejects.toThrow();
    expect(await level(sku)).toBe(10);
    // The shipment's row still counts as applied: only the give-back row knows it was tried.
    expect(states(await rows(ref))).toEqual([[-4, 'applied']]);
    expect(states(await rows(giveBackRef(ref)))).toEqual([[4, 'attempting']]);
    await apply(ref, true);
    await apply(ref, true);
    expect(await level(sku)).toBe(10);
    expect(await calls(sku)).toBe(2);
    expect(states(await rows(ref))).toEqual([[-4, 'reverted']]);
    expect(states(await rows(giveBackRef(ref)))).toEqual([[4, 'applied']]);
  });

  it('settles a move cut short by the levels when the label is voided after it', async () => {
    const made = await product(10);
    const madeRef = await shipped(made, 1);
    await fault('lost_response');
    await expect(apply(madeRef)).rejects.toThrow();
    await apply(madeRef, true);
    expect(await level(made)).toBe(10);
    expect(states(await rows(madeRef))).toEqual([[-1, 'reverted']]);

    const never = await product(10);
    const neverRef = await shipped(never, 1);
    await fault('server_error');
    await expect(apply(neverRef)).rejects.toThrow();
    await apply(neverRef, true);
    expect(await level(never)).toBe(10);
    expect(await calls(never)).toBe(0);
    expect(states(await rows(neverRef))).toEqual([[-1, 'skipped']]);
    expect(await rows(giveBackRef(neverRef))).toEqual([]);
  });

  it('skips a label voided before its stock moved, and gives nothing back', async () => {
    const sku = await product(10);
    const ref = await shipped(sku, 2);
    await apply(ref, true);
    await apply(ref);
    expect(await level(sku)).toBe(10);
    expect(states(await rows(ref))).toEqual([[-2, 'skipped']]);
  });

  it('keeps a refused give-back waiting, for a person, instead of losing it', async () => {
    const sku = await product(10);
    // Applied at a location the store no longer has: the store refuses to give it back there.
    const ref = await shipped(sku, 2, 'gone');
    const [row] = await rows(ref);
    await repos().stockMovements.applied(row!.id);
    await expect(apply(ref, true)).rejects.toThrow('the store refused to give stock back');
    const [back] = await rows(giveBackRef(ref));
    expect(back).toMatchObject({ state: 'pending', delta: 2 });
    expect(back!.note).toContain('unknown location');
    expect(states(await rows(ref))).toEqual([[-2, 'applied']]);
  });

  it('leaves an unknown SKU skipped, with why', async () => {
    const ref = await shipped('NOT-SOLD-HERE', 1);
    await apply(ref);
    const [row] = await rows(ref);
    expect(row!.state).toBe('skipped');
    expect(row!.note).toBeTruthy();
  });
});
