import axios from 'axios';
import express from 'express';
import { PermanentError } from '@shiplink/errors';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'relsim1', accessToken: 'token-relsim', clientSecret: 'secret-relsim' };
const CATALOG = [
  { id: 111, sku: 'MUG', inventoryTracking: 'product', levels: { '1': 5 } },
  {
    id: 112,
    sku: 'TEE',
    inventoryTracking: 'variant',
    variants: [{ id: 201, sku: 'TEE-S', levels: { '1': 2 } }, { sku: 'TEE-M' }],
  },
  { id: 113, sku: 'CAP', inventoryTracking: 'product', variants: [{ sku: 'CAP-RED' }] },
];

type Problem = { status: number; title: string; errors?: Record<string, string> };
type Level = { sku: string; locationId: number; quantity: number };

describe('BigCommerce simulator: relative inventory adjustments', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let client: BigCommerceClient;
  let receiver: RunningServer;
  const received: { scope: string; data: unknown }[] = [];
  const v3 = `/stores/${STORE.hash}/v3`;
  const send = (method: 'post' | 'put', path: string, body: unknown) =>
    axios[method](`${sim.url}${v3}${path}`, body, {
      headers: { 'X-Auth-Token': STORE.accessToken },
      validateStatus: () => true,
    });
  const relative = (body: unknown) => send('post', '/inventory/adjustments/relative', body);
  const absolute = (body: unknown) => send('put', '/inventory/adjustments/absolute', body);
  const level = async (sku: string, locationId = 1) =>
    (await control.get<Level[]>(`/stores/${STORE.hash}/inventory/levels`)).find(
      (entry) => entry.sku === sku && entry.locationId === locationId,
    )?.quantity;
  const transactions = () =>
    control.get<{ reason: string; method?: string }[]>(
      `/stores/${STORE.hash}/inventory/transactions`,
    );

  beforeAll(async () => {
    const app = express();
    app.post('/hooks', express.json(), (req, res) => {
      received.push(req.body as { scope: string; data: unknown });
      res.status(200).end();
    });
    receiver = await listen(app);
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
    client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: { storeHash: STORE.hash, accessToken: STORE.accessToken, clientSecret: 'x' },
      retryBaseDelayMs: 5,
    });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    received.length = 0;
    await control.post('/stores', STORE);
    await control.post(`/stores/${STORE.hash}/catalog/products`, { products: CATALOG });
    await control.post(`/stores/${STORE.hash}/inventory/locations`, { label: 'Overflow' });
  });

  it('adds and takes away stock in order and records the transaction', async () => {
    const items = [
      { sku: 'MUG', location_id: 1, quantity: 3 },
      { variant_id: 201, location_id: 1, quantity: -2 },
      { product_id: 111, location_id: 1, quantity: -1 },
    ];
    const answer = await relative({ reason: 'returns', items });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ transaction_id: expect.any(String) });
    expect(await level('MUG')).toBe(7);
    expect(await level('TEE-S')).toBe(0);
    expect(await transactions()).toEqual([
      {
        transaction_id: answer.data.transaction_id,
        reason: 'returns',
        items,
        created_at: expect.any(String),
        method: 'relative',
      },
    ]);
  });

  it.each([
    [
      'an item never set at that location',
      { sku: 'TEE-M', location_id: 1 },
      'Items with identity: [sku TEE-M] requires absolute adjustment before relative',
    ],
    [
      'a product at a location without a level',
      { product_id: 111, location_id: 2 },
      'Items with identity: [product_id 111] requires absolute adjustment before relative',
    ],
    [
      'a variant of a product tracked by product',
      { sku: 'CAP-RED', location_id: 1 },
      '[Item with sku CAP-RED is tracked by product, please update stock by product id]',
    ],
    ['an unknown sku', { sku: 'NOPE', location_id: 1 }, '[Item with sku NOPE does not exist]'],
    ['an unknown location', { sku: 'MUG', location_id: 9 }, '[Location with id 9 does not exist]'],
    [
      'a level below zero',
      { sku: 'MUG', location_id: 1, quantity: -7 },
      '[Item with sku MUG would have -1 at location 1, outside 0 to 2147483647]',
    ],
  ])('refuses the whole payload for %s', async (_case, item, title) => {
    const answer = await relative({
      items: [
        { sku: 'MUG', location_id: 1, quantity: 1 },
        { quantity: 1, ...item },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.data).toMatchObject({ status: 422, title, errors: {} });
    expect(await level('MUG')).toBe(5);
    expect(await transactions()).toEqual([]);
  });

  it.each([
    ['no items', {}, 'items'],
    [
      'a fractional quantity',
      { items: [{ sku: 'MUG', location_id: 1, quantity: 1.5 }] },
      'items.0.quantity',
    ],
    ['no quantity', { items: [{ sku: 'MUG', location_id: 1 }] }, 'items.0.quantity'],
    ['no location', { items: [{ sku: 'MUG', quantity: 1 }] }, 'items.0.location_id'],
  ])('refuses a payload with %s field by field', async (_case, body, field) => {
    const answer = await relative(body);
    expect(answer.status).toBe(422);
    expect(answer.data as Problem).toMatchObject({
      title: 'Payload contains invalid fields',
      errors: { [field]: expect.any(String) },
    });
  });

  it('fires inventory webhooks for absolute and relative changes alike', async () => {
    for (const scope of ['store/product/inventory/updated', 'store/sku/inventory/updated']) {
      await send('post', '/hooks', { scope, destination: `${receiver.url}/hooks` });
    }
    const variant = (
      await control.get<{ variantId: number; sku: string }[]>(
        `/stores/${STORE.hash}/inventory/levels`,
      )
    ).find((entry) => entry.sku === 'TEE-S');
    expect(variant?.variantId).toBe(201);
    const skuId = (
      await axios.get(`${sim.url}${v3}/catalog/variants?sku=TEE-S`, {
        headers: { 'X-Auth-Token': STORE.accessToken },
      })
    ).data.data[0].sku_id as number;

    // Unchanged levels fire nothing.
    expect(
      (
        await absolute({
          items: [
            { sku: 'MUG', location_id: 1, quantity: 9 },
            { sku: 'TEE-S', location_id: 1, quantity: 2 },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (await relative({ items: [{ sku: 'TEE-S', location_id: 1, quantity: -1 }] })).status,
    ).toBe(200);
    const deadline = Date.now() + 5_000;
    while (received.length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map(({ scope, data }) => ({ scope, data }))).toEqual(
      expect.arrayContaining([
        {
          scope: 'store/product/inventory/updated',
          data: {
            type: 'product',
            id: 111,
            inventory: { product_id: 111, method: 'absolute', value: 4 },
          },
        },
        {
          scope: 'store/sku/inventory/updated',
          data: {
            type: 'sku',
            id: skuId,
            inventory: { product_id: 112, method: 'relative', value: -1, variant_id: 201 },
          },
        },
      ]),
    );
    expect(received).toHaveLength(2);
  });

  it('adjusts through the client once, and throws a refusal', async () => {
    await expect(
      client.adjustRelative([{ sku: 'MUG', location_id: 1, quantity: 2 }], 'restock'),
    ).resolves.toEqual({ transactionId: expect.any(String) });
    expect(await level('MUG')).toBe(7);
    await control.clearRequests();
    await expect(
      client.adjustRelative([{ variant_id: 999, location_id: 1, quantity: 1 }], 'oops'),
    ).rejects.toBeInstanceOf(PermanentError);
    expect(await control.requests({ method: 'POST' })).toHaveLength(1);
    const tooMany = Array.from({ length: 2_001 }, () => ({
      sku: 'MUG',
      location_id: 1,
      quantity: 1,
    }));
    await expect(client.adjustRelative(tooMany, 'bulk')).rejects.toBeInstanceOf(PermanentError);
    expect(await control.requests({ method: 'POST' })).toHaveLength(1);
  });
});
