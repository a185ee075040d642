import { waitFor } from '@shiplink/testing';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';

/** What the admin client's HTTP library throws for a refusal. */
type Refusal<T = unknown> = { response?: { status: number; data: T } };
/** The refusal's answer; undefined when the call succeeded. */
const refusalOf = <T = unknown>(call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: Refusal<T>) => error.response,
  );
type ShipResult = { shipments: { shipmentId: number; trackingNumber: string }[] };
type ShipStationOrder = {
  orderStatus: string;
  tagIds: number[] | null;
  requestedShippingService: string | null;
  advancedOptions: { warehouseId: number | null };
};

const RULES = [
  {
    id: 'expedited',
    name: 'Expedited orders first, from the east warehouse',
    when: {
      any: [
        { field: 'shippingMethod', op: 'contains', value: 'next day' },
        { field: 'shippingMethod', op: 'contains', value: 'express' },
      ],
    },
    then: { tags: ['Priority'], warehouse: 'EAST' },
    stop: true,
  },
  { id: 'standard', name: 'Everything else', then: { tags: ['Standard'] } },
];

describe('routing rules and shipping cost reconciliation, BigCommerce ⇄ ShipStation', () => {
  let world: TestWorld;
  let storeId: string;
  let tags: { priority: number; standard: number };
  let east: number;

  beforeAll(async () => {
    world = await startWorld();
    storeId = world.setup.storeId;
    const tag = (name: string) =>
      world.shipstation.post<{ tagId: number }>('/tags', { name }).then((t) => t.tagId);
    tags = { priority: await tag('Priority'), standard: await tag('Standard') };
    east = (
      await world.shipstation.post<{ warehouseId: number }>('/warehouses', {
        warehouseName: 'East Coast',
      })
    ).warehouseId;
  });

  afterAll(async () => {
    await world?.close();
  });

  const rules = () =>
    RULES.map((rule) =>
      rule.id === 'expedited' ? { ...rule, then: { ...rule.then, warehouse: String(east) } } : rule,
    );
  const shipStationOrder = async (orderId: number) => {
    const exported = await world.shipStationOrder(orderId);
    return world.shipstation.get<ShipStationOrder>(`/orders/by-key/${exported.orderKey}`);
  };

  it('refuses rules that do not validate, saying where', async () => {
    const refused = await refusalOf<{ details: string[] }>(
      world.admin.saveRoutingRules(storeId, [{ id: 'x', name: 'X', then: { warehouse: 'east' } }]),
    );
    expect(refused?.status).toBe(422);
    expect(refused?.data.details).toEqual([
      expect.stringContaining('rules[0].then.warehouse: a warehouse is its numeric id'),
    ]);
  });

  it('tags an expedited order Priority and routes it to the east warehouse; the rest Standard', async () => {
    const saved = await world.admin.saveRoutingRules(storeId, rules());
    expect(saved.version).toBe(1);

    const expedited = await world.placeOrder({
      ...multiLineOrder(),
      shippingMethod: 'UPS Next Day Air',
      shippingCost: '38.00',
    });
    const standard = await world.placeOrder(multiLineOrder());
    const fast = await shipStationOrder(expedited);
    expect(fast.tagIds).toEqual([tags.priority]);
    expect(fast.advancedOptions.warehouseId).toBe(east);
    const slow = await shipStationOrder(standard);
    expect(slow.tagIds).toEqual([tags.standard]);

    // The export record says which rules applied.
    const view = await world.admin.order(String(expedited));
    expect(view.orders[0]?.fulfilmentOrders[0]?.routing).toMatchObject({
      applied: [{ id: 'expedited' }],
      tags: ['Priority'],
      unapplied: [],
    });

    // A dry run on the real order explains it, for the saved rules or a draft.
    const tried = await world.admin.routingDryRun(storeId, String(expedited));
    expect(tried.destinations[0]?.rules.map((r) => [r.id, r.matched, r.skipped])).toEqual([
      ['expedited', true, false],
      ['standard', false, true],
    ]);
    const draft = await world.admin.routingDryRun(storeId, String(standard), [
      {
        id: 'texas',
        name: 'Texas',
        when: { all: [{ field: 'region', op: 'equals', value: 'Texas' }] },
        then: { tags: ['Texas'] },
      },
    ]);
    expect(draft).toMatchObject({ draft: true, destinations: [{ decision: { tags: ['Texas'] } }] });
    const unknown = await refusalOf(world.admin.routingDryRun(storeId, '999999'));
    expect(unknown?.status).toBe(404);
  });

  it('writes the label and insurance cost back, and reports shipping paid against cost', async () => {
    const orderId = await world.placeOrder({
      ...multiLineOrder(),
      shippingMethod: 'UPS Next Day Air',
      shippingCost: '38.00',
    });
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post<ShipResult>(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_next_day_air',
      shipmentCost: 31.5,
      insuranceCost: 2.25,
    });
    const view = await world.bigCommerceShipments(orderId, 1);
    expect(view.shipments[0]?.merchant_shipping_cost).toMatch(/^33\.75/);

    const today = new Date();
    const from = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    const report = await waitFor(
      async () => {
        const answer = await world.admin.reconciliation(storeId, from, to);
        return answer.rows.find((row) => row.orderRef === String(orderId)) ? answer : undefined;
      },
      { what: 'the order in the reconciliation report' },
    );
    expect(report.rows.find((row) => row.orderRef === String(orderId))).toMatchObject({
      method: 'UPS Next Day Air',
      carriers: ['ups_walleted'],
      paid: '38.00',
      labelCost: '31.50',
      insurance: '2.25',
      margin: '4.25',
    });
    expect(report.byMethod.find((group) => group.key === 'UPS Next Day Air')).toBeDefined();
    const csv = await world.admin.reconciliationCsv(storeId, from, to);
    expect(csv.split('\r\n')[0]).toBe(
      'orderNumber,orderRef,placedAt,currency,method,carriers,labels,paid,labelCost,insurance,margin',
    );
    expect(csv).toContain(`,${orderId},`);

    const bad = await refusalOf(world.admin.reconciliation(storeId, to, from));
    expect(bad?.status).toBe(400);
  });
});
