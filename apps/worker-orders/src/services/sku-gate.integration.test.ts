import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import {
  multiLineOrder,
  ShipHeroWarehouse,
  startWorld,
  type ShipHeroOrderView,
  type TestWorld,
} from '@shiplink/test-world';
import { OrderImportService } from './order-import.service';
import { ReviewsRecheckService } from './reviews-recheck.service';

/** What the scenario orders use, in ShipHero's catalog from the start. */
const CATALOG = ['TENT-2P', 'STOVE-MINI', 'LAMP-USB', 'SOCK-WOOL-M'];

interface QueuedImport {
  connectionId: string;
  orderRef: string;
  trigger: string;
}

/**
 * The SKU gate of the order import and the reviews recheck, on the real PostgreSQL and Redis
 * against the ShipHero simulator. No queue workers: the services are called here, and the jobs
 * they enqueue are read back from the queue and run by hand.
 */
describe('SKU mapping and the review queue (ShipHero)', () => {
  let world: TestWorld;
  let warehouse: ShipHeroWarehouse;
  let importer: OrderImportService;
  let rechecker: ReviewsRecheckService;

  beforeAll(async () => {
    world = await startWorld({ fulfilment: 'shiphero', workers: [] });
    warehouse = new ShipHeroWarehouse(world);
    await warehouse.stock(CATALOG.map((sku) => ({ sku, onHand: 20 })));
    importer = new OrderImportService(world.hub.platform);
    rechecker = new ReviewsRecheckService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  const fulfilmentId = () => world.setup.fulfilment.id;
  const importOrder = (orderId: number) =>
    importer.importOrder({
      connectionId: world.setup.connections.bigcommerce.id,
      orderRef: String(orderId),
    });
  const recheck = () => rechecker.recheck({ connectionId: fulfilmentId() });
  const withLines = (...lines: NonNullable<PlaceOrderInput['lines']>): PlaceOrderInput => ({
    ...multiLineOrder(),
    lines,
  });
  const line = (sku: string, quantity = 1) => ({ sku, name: `Item ${sku || '(none)'}`, quantity });

  const shipHeroOrdersOf = async (orderId: number): Promise<ShipHeroOrderView[]> => {
    const key = `bc-${world.storeHash}-${orderId}`;
    return (await warehouse.orders()).filter(
      (order) => order.partner_order_id === key || order.partner_order_id?.startsWith(`${key}-`),
    );
  };
  const reviewOf = async (orderId: number) =>
    (await world.admin.reviews(world.setup.storeId)).find((r) => r.orderRef === String(orderId));
  /** Imports that reviews asked for (the recheck, a mapping or a retry), for one order. */
  const queuedImports = async (orderId: number): Promise<QueuedImport[]> => {
    const jobs = await world.hub.platform.producer.queue('orders').getJobs(['waiting']);
    return jobs
      .map((job) => (job.data as { payload: QueuedImport }).payload)
      .filter((p) => p.orderRef === String(orderId) && p.trigger?.startsWith('review-'));
  };
  /** Runs the imports a review asked for, as the worker would. */
  const runQueuedImports = async (orderId: number) => {
    const queued = await queuedImports(orderId);
    for (const payload of queued) await importer.importOrder(payload);
    return queued;
  };
  const productQueries = async () =>
    (await warehouse.control.requests({ path: '/graphql' })).filter((r) =>
      JSON.stringify(r.body).includes('query Product('),
    );

  it('costs no provider call when no order waits', async () => {
    await warehouse.control.clearRequests();
    await recheck();
    expect(await warehouse.control.requests({ path: '/graphql' })).toEqual([]);
  });

  it('exports an order whose SKUs ShipHero has, and keeps the matches for next time', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    await importOrder(orderId);

    const [order, ...others] = await shipHeroOrdersOf(orderId);
    expect(others).toEqual([]);
    expect(order?.line_items.map((l) => l.sku)).toEqual(['TENT-2P', 'STOVE-MINI', 'SOCK-WOOL-M']);
    expect(await reviewOf(orderId)).toBeUndefined();
    const mappings = await world.admin.skuMappings(world.setup.storeId);
    expect(mappings.map((m) => [m.storeSku, m.fulfilmentSku, m.source])).toEqual(
      expect.arrayContaining([
        ['SOCK-WOOL-M', 'SOCK-WOOL-M', 'matched'],
        ['STOVE-MINI', 'STOVE-MINI', 'matched'],
        ['TENT-2P', 'TENT-2P', 'matched'],
      ]),
    );

    // Known SKUs are not asked about again.
    await warehouse.control.clearRequests();
    const nextId = await world.placeOrder(multiLineOrder());
    await importOrder(nextId);
    expect(await productQueries()).toEqual([]);
    expect(await shipHeroOrdersOf(nextId)).toHaveLength(1);
  });

  it('holds an order with a SKU ShipHero does not know in review, and sends nothing', async () => {
    const orderId = await world.placeOrder(withLines(line('TENT-2P'), line('BC-MYSTERY', 2)));
    await importOrder(orderId);
    await importOrder(orderId);

    expect(await shipHeroOrdersOf(orderId)).toEqual([]);
    const reviews = (await world.admin.reviews(world.setup.storeId, 'open')).filter(
      (r) => r.orderRef === String(orderId),
    );
    expect(reviews).toEqual([
      expect.objectContaining({
        orderNumber: String(orderId),
        reason: 'unmapped_sku',
        skus: ['BC-MYSTERY'],
        status: 'open',
        resolvedAt: null,
      }),
    ]);
    await world.hub.platform.repos.audit.flush();
    const kinds = (await world.admin.order(String(orderId))).audit.map((a) => a.kind);
    expect(kinds.filter((kind) => kind === 'review.opened')).toHaveLength(1);
  });

  it('exports it with ShipHero’s SKU once a person maps it, and the review names them', async () => {
    const orderId = await world.placeOrder(withLines(line('TENT-2P'), line('BC-RENAMED', 2)));
    await importOrder(orderId);
    const review = await reviewOf(orderId);
    expect(review?.status).toBe('open');

    await warehouse.stock([{ sku: 'SH-RENAMED', onHand: 5 }]);
    const mapped = await world.admin.mapSku(world.setup.storeId, 'BC-RENAMED', 'SH-RENAMED', 'ana');
    expect(mapped).toMatchObject({
      mapping: { storeSku: 'BC-RENAMED', fulfilmentSku: 'SH-RENAMED', source: 'manual' },
      ordersRequeued: 1,
    });
    expect(await runQueuedImports(orderId)).toHaveLength(1);

    const [order] = await shipHeroOrdersOf(orderId);
    expect(order?.line_items.map((l) => [l.sku, l.quantity])).toEqual([
      ['TENT-2P', 1],
      ['SH-RENAMED', 2],
    ]);
    expect(await reviewOf(orderId)).toMatchObject({
      id: review?.id,
      status: 'released',
      resolvedBy: 'ana',
      resolvedAt: expect.any(String),
    });
    // The store's copy keeps the store's SKU.
    const [stored] = (await world.admin.order(String(orderId))).orders;
    expect(stored?.fulfilmentOrders).toEqual([expect.objectContaining({ externalId: order?.id })]);
  });

  it('picks up a product created later at ShipHero on the recheck, without anyone', async () => {
    const orderId = await world.placeOrder(withLines(line('LATER-1')));
    await importOrder(orderId);
    expect((await reviewOf(orderId))?.status).toBe('open');

    await recheck();
    expect(await queuedImports(orderId)).toEqual([]);

    await warehouse.stock([{ sku: 'LATER-1', onHand: 3 }]);
    await recheck();
    await recheck();
    const queued = await runQueuedImports(orderId);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.connectionId).toBe(world.setup.connections.bigcommerce.id);

    const [order] = await shipHeroOrdersOf(orderId);
    expect(order?.line_items.map((l) => l.sku)).toEqual(['LATER-1']);
    expect(await reviewOf(orderId)).toMatchObject({ status: 'released', resolvedBy: 'auto' });
    const mappings = await world.admin.skuMappings(world.setup.storeId);
    expect(mappings.find((m) => m.storeSku === 'LATER-1')).toMatchObject({ source: 'matched' });
  });

  it('narrows what a review waits for as its SKUs appear one by one', async () => {
    const orderId = await world.placeOrder(withLines(line('PART-A'), line('PART-B')));
    await importOrder(orderId);
    expect((await reviewOf(orderId))?.skus).toEqual(['PART-A', 'PART-B']);

    await warehouse.stock([{ sku: 'PART-A' }]);
    await recheck();
    expect((await reviewOf(orderId))?.skus).toEqual(['PART-B']);
    expect(await queuedImports(orderId)).toEqual([]);
    expect(await shipHeroOrdersOf(orderId)).toEqual([]);
  });

  it('waits for a line without a SKU, whatever the catalog holds', async () => {
    const orderId = await world.placeOrder(withLines(line('TENT-2P'), line('')));
    await importOrder(orderId);

    expect(await reviewOf(orderId)).toMatchObject({ reason: 'missing_sku', skus: [] });
    await recheck();
    expect(await queuedImports(orderId)).toEqual([]);
    expect(await shipHeroOrdersOf(orderId)).toEqual([]);
  });

  it('dismisses the review of an order cancelled in the store, and cancels nothing', async () => {
    const orderId = await world.placeOrder(withLines(line('GONE-1')));
    await importOrder(orderId);
    expect((await reviewOf(orderId))?.status).toBe('open');

    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      archived: true,
    });
    await importOrder(orderId);

    expect(await reviewOf(orderId)).toMatchObject({ status: 'dismissed', resolvedBy: 'auto' });
    expect(await shipHeroOrdersOf(orderId)).toEqual([]);
  });

  it('leaves a dismissed order out until a person retries it', async () => {
    const orderId = await world.placeOrder(withLines(line('NOPE-1')));
    await importOrder(orderId);
    const review = await reviewOf(orderId);
    const dismissed = await world.admin.dismissReview(review!.id, 'ben', 'sent by hand');
    expect(dismissed).toMatchObject({ status: 'dismissed', resolvedBy: 'ben' });

    await warehouse.stock([{ sku: 'NOPE-1' }]);
    await importOrder(orderId);
    await recheck();
    expect(await shipHeroOrdersOf(orderId)).toEqual([]);
    expect(await reviewOf(orderId)).toMatchObject({ status: 'dismissed', resolvedBy: 'ben' });

    const retried = await world.admin.retryReview(review!.id, 'ben');
    expect(retried.review.status).toBe('open');
    expect(await runQueuedImports(orderId)).toHaveLength(1);
    expect(await shipHeroOrdersOf(orderId)).toHaveLength(1);
    expect(await reviewOf(orderId)).toMatchObject({ status: 'released', resolvedBy: 'auto' });
  });
});
