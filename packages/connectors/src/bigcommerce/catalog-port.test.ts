import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { BigCommerceCatalogProductSchema } from './catalog-schemas';
import { bigCommerceCatalog, customsOf, toCatalogProduct } from './catalog-port';
import { createBigCommerceClient } from './client';
import { BigCommerceSettingsSchema } from './settings';
import { startBigCommerceSimulator } from './simulator';

const NO_CUSTOMS = {
  description: null,
  valueAmount: null,
  currency: null,
  tariffCode: null,
  countryOfOrigin: null,
};

const product = (fields: Record<string, unknown>) =>
  BigCommerceCatalogProductSchema.parse({ id: 112, name: 'Tee', sku: '', weight: 0, ...fields });

describe('BigCommerce products in catalog terms', () => {
  it('turns each variant into a SKU, inheriting the product’s measures where it has none', () => {
    const tee = product({
      weight: 0.5,
      width: 10,
      height: 1,
      depth: 12,
      variants: [
        {
          id: 201,
          product_id: 112,
          sku: 'TEE-S',
          weight: 0.25,
          height: 2,
          option_values: [{ label: 'Small', option_display_name: 'Size' }],
        },
        { id: 202, product_id: 112, sku: 'TEE-M' },
        { id: 203, product_id: 112, sku: '' },
      ],
    });
    expect(toCatalogProduct(tee, { weight: 'lbs', dimension: 'in' })).toEqual({
      productRef: '112',
      name: 'Tee',
      variants: [
        {
          sku: 'TEE-S',
          name: 'Tee (Small)',
          weightGrams: 113.398,
          dimensionsCm: { length: 30.48, width: 25.4, height: 5.08 },
          customs: NO_CUSTOMS,
        },
        {
          sku: 'TEE-M',
          name: 'Tee',
          weightGrams: 226.796,
          dimensionsCm: { length: 30.48, width: 25.4, height: 2.54 },
          customs: NO_CUSTOMS,
        },
      ],
    });
  });

  it('claims no weight or dimensions the store never entered, nor any for a digital product', () => {
    const flat = product({ sku: 'CARD', weight: 0, width: 10, height: 0, depth: 15 });
    expect(toCatalogProduct(flat, { weight: 'g', dimension: 'cm' }).variants).toEqual([
      expect.objectContaining({ sku: 'CARD', weightGrams: null, dimensionsCm: null }),
    ]);
    const unknownUnit = product({ sku: 'BOX', weight: 100, width: 1, height: 1, depth: 1 });
    expect(toCatalogProduct(unknownUnit, { weight: 'g', dimension: undefined }).variants).toEqual([
      expect.objectContaining({ weightGrams: 100, dimensionsCm: null }),
    ]);
    const ebook = product({ sku: 'EBOOK', type: 'digital', weight: 1 });
    expect(toCatalogProduct(ebook, { weight: 'g', dimension: 'cm' }).variants).toEqual([]);
  });

  it('reads customs data from custom fields, in any spelling of their names', () => {
    expect(
      customsOf([
        { id: 1, name: 'Customs Description', value: ' Cotton T-shirt ' },
        { id: 2, name: 'HS-Code', value: '6109.10' },
        { id: 3, name: 'country of origin', value: 'pt' },
        { id: 4, name: 'customs_value', value: '12.50' },
        { id: 5, name: 'Customs currency', value: 'eur' },
        { id: 6, name: 'tariff_code', value: '9999.99' },
      ]),
    ).toEqual({
      description: 'Cotton T-shirt',
      valueAmount: '12.50',
      currency: 'EUR',
      tariffCode: '6109.10',
      countryOfOrigin: 'PT',
    });
  });

  it('claims no customs value that does not look like one', () => {
    expect(
      customsOf([
        { name: 'customs_value', value: 'about ten' },
        { name: 'country_of_origin', value: 'Portugal' },
        { name: 'hs_code', value: 'n/a' },
        { name: 'customs_description', value: '   ' },
      ]),
    ).toEqual(NO_CUSTOMS);
    expect(customsOf(undefined)).toEqual(NO_CUSTOMS);
    expect(customsOf('not a list')).toEqual(NO_CUSTOMS);
  });
});

const STORE = { hash: 'catport1', accessToken: 'token-catport', clientSecret: 'secret-catport' };

describe('BigCommerce readProduct against the simulator', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  const catalog = () =>
    bigCommerceCatalog(
      createBigCommerceClient({
        baseUrl: sim.url,
        credentials: { storeHash: STORE.hash, accessToken: STORE.accessToken, clientSecret: 'x' },
        retryBaseDelayMs: 5,
      }),
      BigCommerceSettingsSchema.parse({ weightUnit: 'kg' }),
    );

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
    await control.post(`/stores/${STORE.hash}/catalog/products`, {
      products: [
        {
          id: 111,
          name: 'Kettle',
          sku: 'KETTLE',
          inventoryTracking: 'none',
          weight: 2,
          width: 6,
          height: 8,
          depth: 7,
        },
      ],
    });
  });

  it('reads the product and the store’s units, in two calls', async () => {
    await control.clearRequests();
    expect(await catalog().readProduct('111')).toEqual({
      productRef: '111',
      name: 'Kettle',
      variants: [
        {
          sku: 'KETTLE',
          name: 'Kettle',
          weightGrams: 56.699,
          dimensionsCm: { length: 17.78, width: 15.24, height: 20.32 },
          customs: NO_CUSTOMS,
        },
      ],
    });
    expect(await control.requests()).toHaveLength(2);
  });

  it('measures in the store’s own units once they change', async () => {
    await axios.put(`${sim.url}/__control/stores/${STORE.hash}/settings`, {
      weightUnit: 'Kilograms',
      dimensionUnit: 'Centimeters',
    });
    expect((await catalog().readProduct('111'))?.variants[0]).toMatchObject({
      weightGrams: 2_000,
      dimensionsCm: { length: 7, width: 6, height: 8 },
    });
  });

  it('has no product for an unknown id or a ref that is not one', async () => {
    await expect(catalog().readProduct('999')).resolves.toBeUndefined();
    await control.clearRequests();
    await expect(catalog().readProduct('../111')).resolves.toBeUndefined();
    expect(await control.requests()).toHaveLength(0);
  });
});
