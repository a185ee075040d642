import { jobs } from '@shiplink/jobs';
import { provideWorkerApps } from '@shiplink/test-world';
import { waitFor } from '@shiplink/testing';
import { registrations } from './registrations';
import { ProductWorld } from './test/product-world';

const billing = {
  firstName: 'Maya',
  lastName: 'Lindqvist',
  street1: '401 Congress Ave',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'United States',
  countryIso2: 'US',
  phone: '+1 512 555 0101',
  email: 'maya@example.com',
};

/**
 * BigCommerce's catalog webhooks through the whole path, this app's workers running in process:
 * signed webhook → ingress → inventory queue → the product read back → ShipStation's product.
 * The store weighs in pounds and measures in inches; ShipStation keeps ounces and inches.
 */
describe('products from BigCommerce to ShipStation', () => {
  let products: ProductWorld;

  beforeAll(async () => {
    provideWorkerApps({ 'worker-inventory': { queue: 'inventory', registrations } });
    products = await ProductWorld.start();
  });

  afterAll(async () => {
    await products?.close();
  });

  it('gives a product ShipStation has its weight in ounces and dimensions in inches', async () => {
    // ShipStation knows the tent from an order it was sent, with that order's item weight.
    await products.exportOrder({
      billing,
      lines: [
        { sku: 'TENT-2P', name: 'Ridgeline Tent', price: '249.00', weight: 5.5, quantity: 1 },
      ],
    });
    expect(await products.shipStationProduct('TENT-2P')).toMatchObject({ weightOz: 88 });

    const tent = await products.createProduct({
      name: 'Ridgeline 2-Person Tent',
      type: 'physical',
      sku: 'TENT-2P',
      weight: 6.25,
      width: 8,
      height: 7.5,
      depth: 20,
      price: 249,
    });
    const synced = await waitFor(
      async () => {
        const product = await products.shipStationProduct('TENT-2P');
        return product?.weightOz === 100 ? product : undefined;
      },
      { what: 'the tent weighing 100 oz at ShipStation' },
    );
    expect(synced).toMatchObject({ name: 'Ridgeline Tent', length: 20, width: 8, height: 7.5 });
    await products.settled();
    expect(await products.sync('TENT-2P')).toMatchObject({
      state: 'synced',
      productRef: String(tent.id),
    });

    await products.updateProduct(tent.id, { weight: 6.5 });
    await products.settled();
    expect(await products.shipStationProduct('TENT-2P')).toMatchObject({ weightOz: 104 });
  });

  it('keeps a SKU ShipStation does not know waiting, and updates it once an order with it was exported', async () => {
    await products.settled();
    await products.clearShipStation();
    // Three webhooks: the product's, and one per variant.
    const lamp = await products.createProduct({
      name: 'Trail Lantern',
      type: 'physical',
      weight: 0.6,
      width: 4,
      height: 9,
      depth: 4,
      price: 29,
      variants: [
        { sku: 'LAMP-GRN', option_values: [{ option_display_name: 'Color', label: 'Forest' }] },
        {
          sku: 'LAMP-RED',
          weight: 0.75,
          option_values: [{ option_display_name: 'Color', label: 'Ember' }],
        },
      ],
    });
    await products.settled();
    expect(await products.sync('LAMP-GRN')).toMatchObject({
      state: 'waiting',
      productRef: String(lamp.id),
      checks: 1,
    });
    expect(await products.sync('LAMP-RED')).toMatchObject({ state: 'waiting', checks: 1 });
    // One look-up per SKU however many deliveries named the product; nothing to update yet.
    expect((await products.shipStationCalls()).sort()).toEqual(['GET /products', 'GET /products']);

    // Nothing is due: the recheck asks ShipStation nothing.
    await products.clearShipStation();
    await products.recheck();
    expect(await products.shipStationCalls()).toEqual([]);

    // An order with the green lantern reaches ShipStation, which files a product for it.
    await products.exportOrder({
      billing,
      lines: [{ sku: 'LAMP-GRN', name: 'Trail Lantern', price: '29.00', weight: 0.5, quantity: 2 }],
    });
    expect(await products.shipStationProduct('LAMP-GRN')).toMatchObject({ weightOz: 8 });
    await products.clearShipStation();
    await products.recheck();
    expect(await products.shipStationProduct('LAMP-GRN')).toMatchObject({
      name: 'Trail Lantern',
      weightOz: 9.6,
      length: 4,
      width: 4,
      height: 9,
    });
    expect((await products.shipStationCalls()).map((call) => call.replace(/\d+$/, 'id'))).toEqual([
      'GET /products',
      'PUT /products/id',
    ]);
    expect(await products.sync('LAMP-GRN')).toMatchObject({ state: 'synced', checks: 0 });
    // The red one was in no exported order: still waiting, not asked about again.
    expect(await products.sync('LAMP-RED')).toMatchObject({ state: 'waiting', checks: 1 });
  });

  it('changes nothing on replays: redelivered webhooks, a replayed job, another recheck', async () => {
    await products.settled();
    const before = await products.syncs();
    await products.clearShipStation();

    // BigCommerce delivers again (duplicates happen): the inbox answers them as seen already.
    const statuses = await products.redeliver('store/product/created');
    expect(statuses.every((status) => status === 200)).toBe(true);
    await products.settled();
    // A product sync replayed (from the dead-letter queue, say) finds the values given already.
    const lamp = before.find((row) => row.sku === 'LAMP-GRN')!;
    await products.run(jobs.productSync, {
      connectionId: products.storeConnectionId,
      productRef: lamp.productRef,
      trigger: 'replay',
    });
    await products.recheck();

    expect(await products.shipStationCalls()).toEqual([]);
    expect(await products.syncs()).toEqual(before);
  });
});
