import { SimulatorControl } from '../../testing/control';
import { DOCUMENTS } from '../documents';
import { postGraphQL } from './test-support';
import { orderInput } from '../fixtures/order-input';
import {
  openShipHeroAccount,
  startShipHeroSimulator,
  type RunningShipHeroSimulator,
  type ShipHeroSimAccount,
} from '.';

type Json = Record<string, unknown>;

const STATUS_MUTATION = /* GraphQL */ `
  mutation ($data: UpdateOrderFulfillmentStatusInput!) {
    order_update_fulfillment_status(data: $data) {
      complexity
      order {
        fulfillment_status
      }
    }
  }
`;

const ORDER_PAGE = /* GraphQL */ `
  query ($after: String, $from: ISODateTime) {
    orders(updated_from: $from) {
      data(first: 2, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            partner_order_id
          }
        }
      }
    }
  }
`;

describe('ShipHero simulator orders and products', () => {
  let sim: RunningShipHeroSimulator;
  let control: SimulatorControl;
  let account: ShipHeroSimAccount;
  const START = Date.parse('2026-03-01T12:00:00Z');
  let clock = START;
  const ask = async (document: string, variables?: Json, token = account.credentials.accessToken) =>
    (await postGraphQL(sim.url, token, document, variables)).body;
  const create = async (partnerOrderId: string, extra: Json = {}) => {
    const body = await ask(DOCUMENTS.OrderCreate, { data: orderInput(partnerOrderId, extra) });
    return (body.data?.order_create as { order: { id: string; legacy_id: number } }).order;
  };

  beforeAll(async () => {
    sim = await startShipHeroSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    clock = START;
    await control.reset();
    account = await openShipHeroAccount(sim.url);
  });

  it('creates an order and finds it by partner_order_id with its line items', async () => {
    const order = await create('bc-1001');
    expect(order.id).toBe(Buffer.from(`Order:${order.legacy_id}`).toString('base64'));
    const found = await ask(DOCUMENTS.OrderByPartnerId, { partnerOrderId: 'bc-1001' });
    const edges = (found.data?.orders as { data: { edges: { node: Json }[] } }).data.edges;
    expect(edges).toHaveLength(1);
    expect(edges[0]?.node).toEqual({
      id: order.id,
      legacy_id: order.legacy_id,
      order_number: '#bc-1001',
      partner_order_id: 'bc-1001',
      fulfillment_status: 'pending',
    });
    const byId = await ask(DOCUMENTS.Order, { id: order.id });
    expect((byId.data?.order as { data: Json }).data).toMatchObject({
      id: order.id,
      order_number: '#bc-1001',
      shop_name: 'shiplink',
      fulfillment_status: 'pending',
      order_date: '2026-03-01T10:00:00',
      updated_at: '2026-03-01T12:00:00',
      tags: ['shiplink'],
      holds: { fraud_hold: false, payment_hold: false, client_hold: false },
      line_items: {
        edges: [
          {
            node: expect.objectContaining({
              sku: 'MUG-1',
              partner_line_item_id: 'bc-1001-1',
              quantity: 2,
              quantity_pending_fulfillment: 2,
              quantity_shipped: 0,
            }),
          },
          {
            node: expect.objectContaining({
              sku: 'TEE-1',
              quantity: 1,
              fulfillment_status: 'pending',
            }),
          },
        ],
      },
    });
    expect(byId.data?.order).toMatchObject({
      data: { partner_order_id: 'bc-1001', shipments: [] },
    });
  });

  it('answers an unknown order, or another account’s, with a code-6 error and a null field', async () => {
    const order = await create('bc-1002');
    const other = await openShipHeroAccount(sim.url);
    for (const [id, token] of [
      [Buffer.from('Order:1').toString('base64'), account.credentials.accessToken],
      [order.id, other.credentials.accessToken],
    ] as const) {
      const body = await ask(DOCUMENTS.Order, { id }, token);
      expect(body).toEqual({
        errors: [
          {
            message: 'Order not found',
            operation: 'order',
            field: 'order',
            request_id: expect.stringMatching(/^[0-9a-f]{24}$/),
            code: 6,
          },
        ],
        data: { order: null },
      });
    }
  });

  it('updates, holds, re-statuses and cancels an order', async () => {
    const order = await create('bc-1003');
    clock += 60_000;
    const updated = await ask(DOCUMENTS.OrderUpdate, {
      data: {
        order_id: order.id,
        tags: ['vip'],
        packing_note: 'Gift wrap',
        history_entry: { message: 'edited' },
      },
    });
    expect(updated.errors).toBeUndefined();
    const holds = await ask(DOCUMENTS.OrderUpdateHolds, {
      data: { order_id: order.id, payment_hold: true, address_hold: true },
    });
    expect(holds.errors).toBeUndefined();
    const read = await ask(DOCUMENTS.Order, { id: order.id });
    expect(read.data?.order).toMatchObject({
      data: {
        tags: ['vip'],
        updated_at: '2026-03-01T12:01:00',
        holds: { payment_hold: true, address_hold: true, operator_hold: false },
      },
    });
    const status = await ask(STATUS_MUTATION, {
      data: { order_id: order.id, fulfillment_status: 'Awaiting Stock' },
    });
    expect(status.data?.order_update_fulfillment_status).toEqual({
      complexity: 11,
      order: { fulfillment_status: 'Awaiting Stock' },
    });
    const canceled = await ask(DOCUMENTS.OrderCancel, {
      data: { order_id: order.id, reason: 'Customer asked' },
    });
    expect(canceled.data?.order_cancel).toMatchObject({
      order: { fulfillment_status: 'canceled' },
    });
  });

  it('pages with first/after cursors and filters by updated_from', async () => {
    for (let n = 1; n <= 5; n++) {
      await create(`bc-20${n}`);
      clock += 1_000;
    }
    const seen: unknown[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const body = await ask(ORDER_PAGE, { after });
      const page = (
        body.data?.orders as {
          data: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Json }[] };
        }
      ).data;
      seen.push(...page.edges.map((edge) => edge.node.partner_order_id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['bc-201', 'bc-202', 'bc-203', 'bc-204', 'bc-205']);
    expect(pages).toBe(3);
    const recent = await ask(ORDER_PAGE, { from: '2026-03-01T12:00:03' });
    const nodes = (recent.data?.orders as { data: { edges: { node: Json }[] } }).data.edges;
    expect(nodes.map((edge) => edge.node.partner_order_id)).toEqual(['bc-204', 'bc-205']);
  });

  it('converts a legacy id to its uuid', async () => {
    const order = await create('bc-1004');
    const body = await ask(DOCUMENTS.Uuid, { legacyId: order.legacy_id, entity: 'Order' });
    expect(body.data?.uuid).toMatchObject({ data: { legacy_id: order.legacy_id, id: order.id } });
    const unknown = await ask(DOCUMENTS.Uuid, { legacyId: 1, entity: 'Warehouse' });
    expect(unknown.errors?.[0]).toMatchObject({ code: 6 });
  });

  it('serves products and warehouse stock, allocated to open orders first come first served', async () => {
    await control.post(`/accounts/${account.accountId}/products`, {
      products: [
        { sku: 'MUG-1', name: 'Mug', stock: [{ onHand: 5 }] },
        { sku: 'TEE-1', name: 'T-shirt', stock: [{ onHand: 0 }] },
      ],
    });
    await create('bc-1005');
    const product = await ask(DOCUMENTS.Product, { sku: 'MUG-1' });
    expect(product.data?.product).toMatchObject({
      data: {
        sku: 'MUG-1',
        name: 'Mug',
        warehouse_products: [
          {
            warehouse_id: account.warehouseId,
            on_hand: 5,
            allocated: 2,
            available: 3,
            backorder: 0,
          },
        ],
      },
    });
    const replace = await ask(
      `mutation { inventory_replace(data: { sku: "TEE-1", warehouse_id: "${account.warehouseId}", quantity: 7 }) { complexity warehouse_product { on_hand available } } }`,
    );
    expect(replace.data?.inventory_replace).toEqual({
      complexity: 11,
      warehouse_product: { on_hand: 7, available: 6 },
    });
    const stock = await ask(DOCUMENTS.WarehouseProducts, { warehouseId: account.warehouseId });
    const rows = (stock.data?.warehouse_products as { data: { edges: { node: Json }[] } }).data
      .edges;
    expect(rows.map((row) => [row.node.sku, row.node.on_hand, row.node.allocated])).toEqual([
      ['MUG-1', 5, 2],
      ['TEE-1', 7, 1],
    ]);
    const missing = await ask(DOCUMENTS.Product, { sku: 'NOPE' });
    expect(missing).toMatchObject({ data: { product: null }, errors: [{ code: 6 }] });
  });
});
