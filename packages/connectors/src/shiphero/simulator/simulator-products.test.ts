import { parse, validate } from 'graphql';
import { PRODUCT_DOCUMENTS } from '../product-documents';
import { shipHeroSubsetSchema } from './schema';
import { postGraphQL } from './test-support';
import { openShipHeroAccount, startShipHeroSimulator, type RunningShipHeroSimulator } from '.';

const CREATE = PRODUCT_DOCUMENTS.ProductCreate;
const UPDATE = PRODUCT_DOCUMENTS.ProductUpdate;

describe('ShipHero simulator: product_create and product_update', () => {
  let sim: RunningShipHeroSimulator;
  let token: string;
  let warehouseId: string;
  const post = (document: string, data: Record<string, unknown>) =>
    postGraphQL(sim.url, token, document, { data });
  const errorOf = (answer: Awaited<ReturnType<typeof post>>) => answer.body.errors?.[0];

  beforeAll(async () => {
    sim = await startShipHeroSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    const account = await openShipHeroAccount(sim.url);
    token = account.credentials.accessToken;
    warehouseId = account.warehouseId;
  });

  it('creates a product once per SKU, with its measures and customs fields', async () => {
    const data = {
      sku: 'MUG-ENAMEL',
      name: 'Enamel mug',
      warehouse_products: [{ warehouse_id: warehouseId, on_hand: 3 }],
      dimensions: { weight: '9.5', height: '4' },
      tariff_code: '7323.94',
      customs_value: '8.00',
    };
    const created = await post(CREATE, data);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.product_create).toMatchObject({
      complexity: expect.any(Number),
      product: {
        sku: 'MUG-ENAMEL',
        name: 'Enamel mug',
        tariff_code: '7323.94',
        customs_value: '8.00',
        country_of_manufacture: null,
        dimensions: { weight: '9.5', height: '4', width: '0.00', length: '0.00' },
      },
    });
    const again = await post(CREATE, data);
    expect(again.body.data?.product_create).toBeNull();
    expect(errorOf(again)).toMatchObject({
      code: 3,
      message: 'A product with sku MUG-ENAMEL already exists',
    });
  });

  it('updates only the measures and fields given', async () => {
    await post(CREATE, {
      sku: 'MUG-STEEL',
      name: 'Steel mug',
      warehouse_products: [],
      dimensions: { weight: '7', height: '4', width: '3', length: '3' },
      customs_description: 'Mug',
    });
    const updated = await post(UPDATE, {
      sku: 'MUG-STEEL',
      dimensions: { weight: '7.25' },
      country_of_manufacture: 'DE',
    });
    expect(updated.body.data?.product_update).toMatchObject({
      product: {
        name: 'Steel mug',
        customs_description: 'Mug',
        country_of_manufacture: 'DE',
        dimensions: { weight: '7.25', height: '4', width: '3', length: '3' },
      },
    });
    const unknown = await post(UPDATE, { sku: 'NOT-HERE', name: 'x' });
    expect(errorOf(unknown)).toMatchObject({ code: 6, message: 'Product not found' });
  });

  it('refuses what ShipHero refuses: bad measures, unknown warehouses, unknown input fields', async () => {
    const bad = await post(CREATE, {
      sku: 'X-1',
      name: 'X',
      warehouse_products: [],
      dimensions: { weight: 'heavy' },
    });
    expect(errorOf(bad)).toMatchObject({ code: 3 });
    const nowhere = await post(CREATE, {
      sku: 'X-2',
      name: 'X',
      warehouse_products: [{ warehouse_id: 'V2FyZWhvdXNlOjA=', on_hand: 0 }],
    });
    expect(errorOf(nowhere)).toMatchObject({ code: 6, message: 'Warehouse not found' });
    // `UpdateProductInput` has no customs_value: graphql-js refuses the document itself.
    const document =
      'mutation { product_update(data: { sku: "X", customs_value: "1" }) { request_id } }';
    const refused = await postGraphQL(sim.url, token, document);
    expect(refused.body.errors?.map((error) => error.message)).toEqual(
      validate(shipHeroSubsetSchema(), parse(document)).map((error) => error.message),
    );
    expect(refused.body.errors?.[0]?.message).toContain('unknown field "customs_value"');
  });
});
