import { createHmac } from 'node:crypto';
import { eventually } from '@shiplink/testing';
import { SimulatorControl } from '../../testing/control';
import { DOCUMENTS } from '../documents';
import { HookReceiver, postGraphQL } from './test-support';
import { orderInput } from '../fixtures/order-input';
import {
  openShipHeroAccount,
  startShipHeroSimulator,
  type RunningShipHeroSimulator,
  type ShipHeroSimAccount,
} from '.';

type Json = Record<string, unknown>;

const WEBHOOK_SECRETS = /* GraphQL */ `
  query {
    webhooks {
      data {
        edges {
          node {
            name
            shared_signature_secret
          }
        }
      }
    }
  }
`;

describe('ShipHero simulator webhooks', () => {
  let sim: RunningShipHeroSimulator;
  let control: SimulatorControl;
  let account: ShipHeroSimAccount;
  const receiver = new HookReceiver();
  const secrets = new Map<string, string>();
  const ask = async (document: string, variables?: Json) =>
    (await postGraphQL(sim.url, account.credentials.accessToken, document, variables)).body;
  const register = async (name: string) => {
    const body = await ask(DOCUMENTS.WebhookCreate, {
      data: { name, url: receiver.url, shop_name: 'shiplink' },
    });
    const webhook = (body.data?.webhook_create as { webhook: { shared_signature_secret: string } })
      .webhook;
    secrets.set(name, webhook.shared_signature_secret);
    return body;
  };
  const createOrder = async (partnerOrderId: string) => {
    const body = await ask(DOCUMENTS.OrderCreate, { data: orderInput(partnerOrderId) });
    return (body.data?.order_create as { order: { id: string; legacy_id: number } }).order;
  };
  const received = (type: string, count: number) =>
    eventually(
      () => receiver.ofType(type),
      (hooks) => hooks.length >= count,
    );

  beforeAll(async () => {
    await receiver.start();
    sim = await startShipHeroSimulator({ webhookRetryDelaysMs: [10, 10, 10, 10, 10] });
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    receiver.clear();
    account = await openShipHeroAccount(sim.url);
    await control.post(`/accounts/${account.accountId}/products`, {
      products: [
        { sku: 'MUG-1', stock: [{ onHand: 10 }] },
        { sku: 'TEE-1', stock: [{ onHand: 4 }] },
      ],
    });
    for (const name of ['Shipment Update', 'Inventory Update', 'Order Canceled'])
      await register(name);
  });

  it('shows the signing secret once, at creation, and refuses a duplicate', async () => {
    expect(secrets.get('Shipment Update')).toMatch(/^[0-9a-f]{48}$/);
    const listed = await ask(WEBHOOK_SECRETS);
    const nodes = (listed.data?.webhooks as { data: { edges: { node: Json }[] } }).data.edges;
    expect(nodes.map((edge) => edge.node)).toEqual([
      { name: 'Shipment Update', shared_signature_secret: null },
      { name: 'Inventory Update', shared_signature_secret: null },
      { name: 'Order Canceled', shared_signature_secret: null },
    ]);
    const duplicate = await ask(DOCUMENTS.WebhookCreate, {
      data: { name: 'Shipment Update', url: receiver.url, shop_name: 'shiplink' },
    });
    expect(duplicate.errors?.[0]).toMatchObject({ code: 3, operation: 'webhook_create' });
  });

  it('ships two packages as one signed Shipment Update listing both', async () => {
    const order = await createOrder('bc-3001');
    const shipped = await control.post<{ shipmentId: string; fulfillmentStatus: string }>(
      `/orders/${order.id}/ship`,
      {
        packages: [
          {
            carrier: 'UPS',
            method: 'Ground',
            trackingNumber: '1Z999AA10123456784',
            lineItems: [{ sku: 'MUG-1' }],
          },
          {
            carrier: 'FedEx',
            method: 'Home Delivery',
            trackingNumber: '612999AA101',
            lineItems: [{ partnerLineItemId: 'bc-3001-2', quantity: 1 }],
          },
        ],
      },
    );
    expect(shipped.fulfillmentStatus).toBe('fulfilled');
    const [delivery, ...more] = await received('Shipment Update', 1);
    expect(more).toHaveLength(0);
    const { hook, payload } = delivery!;
    const expected = createHmac('sha256', secrets.get('Shipment Update')!)
      .update(hook.body)
      .digest('base64');
    expect(hook.headers['x-shiphero-hmac-sha256']).toBe(expected);
    expect(hook.headers['x-shiphero-message-id']).toEqual(expect.any(String));
    const fulfillment = payload.fulfillment as Json;
    expect(fulfillment).toMatchObject({
      shipment_uuid: shipped.shipmentId,
      shipment_id: Number(Buffer.from(shipped.shipmentId, 'base64').toString().split(':')[1]),
      warehouse: 'Primary',
      warehouse_uuid: account.warehouseId,
      order_uuid: order.id,
      partner_order_id: 'bc-3001',
      tracking_number: '1Z999AA10123456784',
      total_packages: 2,
      line_items: [
        expect.objectContaining({
          id: 'bc-3001-1',
          sku: 'MUG-1',
          quantity: 2,
          package: 'Package #1',
          serial_numbers: [],
        }),
        expect.objectContaining({
          id: 'bc-3001-2',
          sku: 'TEE-1',
          quantity: 1,
          package: 'Package #2',
        }),
      ],
    });
    expect(
      (fulfillment.packages as Json[]).map((pkg) => [
        pkg.name,
        pkg.carrier,
        pkg.method,
        pkg.tracking_number,
      ]),
    ).toEqual([
      ['Package #1', 'UPS', 'Ground', '1Z999AA10123456784'],
      ['Package #2', 'FedEx', 'Home Delivery', '612999AA101'],
    ]);
    const read = await ask(DOCUMENTS.Shipment, { id: shipped.shipmentId });
    expect(read.data?.shipment).toMatchObject({
      data: { order_id: order.id, total_packages: 2, order: { partner_order_id: 'bc-3001' } },
    });
  });

  it('sends Inventory Update with string quantities, for shipping and for inventory_replace', async () => {
    const order = await createOrder('bc-3002');
    await control.post(`/orders/${order.id}/ship`, {
      packages: [{ lineItems: [{ sku: 'MUG-1', quantity: 1 }] }],
    });
    const [fromShipping] = await received('Inventory Update', 1);
    expect(fromShipping?.payload).toEqual({
      account_id: expect.any(Number),
      account_uuid: account.accountId,
      webhook_type: 'Inventory Update',
      inventory: [
        {
          sku: 'MUG-1',
          inventory: '8',
          backorder_quantity: '0',
          on_hand: '9',
          virtual: false,
          updated_warehouse: {
            warehouse_id: expect.any(Number),
            warehouse_uuid: account.warehouseId,
            identifier: 'Primary',
            inventory: '8',
            on_hand: '9',
            backorder_quantity: '0',
          },
        },
      ],
    });
    await ask(
      `mutation { inventory_replace(data: { sku: "TEE-1", warehouse_id: "${account.warehouseId}", quantity: 0 }) { complexity } }`,
    );
    const updates = await received('Inventory Update', 2);
    expect(updates[1]?.payload.inventory).toEqual([
      expect.objectContaining({
        sku: 'TEE-1',
        on_hand: '0',
        inventory: '0',
        backorder_quantity: '1',
      }),
    ]);
  });

  it('can deliver an older observation after a newer one', async () => {
    await control.post(`/accounts/${account.accountId}/stock`, {
      sku: 'MUG-1',
      onHand: 7,
      delayMs: 200,
    });
    await control.post(`/accounts/${account.accountId}/stock`, { sku: 'MUG-1', onHand: 3 });
    const updates = await received('Inventory Update', 2);
    expect(updates.map(({ payload }) => (payload.inventory as Json[])[0]?.on_hand)).toEqual([
      '3',
      '7',
    ]);
    await control.post(`/accounts/${account.accountId}/stock`, {
      sku: 'MUG-1',
      onHand: 12,
      stale: true,
    });
    const stale = await received('Inventory Update', 3);
    expect((stale[2]?.payload.inventory as Json[])[0]?.on_hand).toBe('12');
    const product = await ask(DOCUMENTS.Product, { sku: 'MUG-1' });
    expect(product.data?.product).toMatchObject({ data: { warehouse_products: [{ on_hand: 3 }] } });
  });

  it('retries a failing receiver 5 times with the same message id, then gives up', async () => {
    receiver.answers = [500, 500, 503, 500, 500, 500];
    const order = await createOrder('bc-3003');
    await ask(DOCUMENTS.OrderCancel, { data: { order_id: order.id } });
    const attempts = await received('Order Canceled', 6);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.ofType('Order Canceled')).toHaveLength(6);
    const ids = new Set(attempts.map(({ hook }) => hook.headers['x-shiphero-message-id']));
    expect(ids.size).toBe(1);
    expect(attempts[0]?.payload).toMatchObject({
      webhook_type: 'Order Canceled',
      order_uuid: order.id,
      order_id: order.legacy_id,
      partner_order_id: 'bc-3003',
      fulfillment_status: 'canceled',
    });
    const [messageId] = [...ids];
    await control.post(`/deliveries/${String(messageId)}/redeliver`);
    const again = await received('Order Canceled', 7);
    expect(again[6]?.hook.headers['x-shiphero-message-id']).toBe(messageId);
    expect(again[6]?.hook.body.equals(again[0]!.hook.body)).toBe(true);
  });

  it('stops delivering once the webhook is deleted', async () => {
    const deleted = await ask(DOCUMENTS.WebhookDelete, {
      data: { name: 'Order Canceled', shop_name: 'shiplink' },
    });
    expect(deleted.data?.webhook_delete).toEqual({
      request_id: expect.any(String),
      complexity: 10,
    });
    const order = await createOrder('bc-3004');
    await control.post(`/orders/${order.id}/cancel`, { reason: 'fraud' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.ofType('Order Canceled')).toHaveLength(0);
  });
});
