import { SimulatorControl } from '../../testing/control';
import { call, openProject, orderDraft, type Json } from './test-support';
import { startCommercetoolsSimulator, type RunningCommercetoolsSimulator } from '.';

interface Paged {
  total?: number;
  results: Json[];
}

describe('commercetools simulator Messages API', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let token: string;
  let clientId: string;
  let clock = Date.parse('2026-03-04T09:00:00.000Z');
  let first: { id: string };
  let second: { id: string };
  const messages = (where: string[], extra = '') =>
    call<Paged>(
      sim.url,
      'GET',
      `/shop/messages?${where.map((predicate) => `where=${encodeURIComponent(predicate)}`).join('&')}${extra}`,
      { token },
    );

  beforeAll(async () => {
    sim = await startCommercetoolsSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
    const project = await openProject(sim.url, { projectKey: 'shop' });
    token = project.token;
    clientId = project.clientId;
    first = await control.post('/projects/shop/orders', orderDraft({ orderNumber: 'M-1' }));
    clock += 1_000;
    second = await control.post('/projects/shop/orders', orderDraft({ orderNumber: 'M-2' }));
    clock += 1_000;
    await call(sim.url, 'POST', `/shop/orders/${first.id}`, {
      token,
      body: {
        version: 1,
        actions: [
          { action: 'changeOrderState', orderState: 'Confirmed' },
          { action: 'changeShipmentState', shipmentState: 'Shipped' },
        ],
      },
    });
  });
  afterAll(() => sim.close());

  it('gives every message the base fields', async () => {
    const all = await call<Paged>(sim.url, 'GET', '/shop/messages', { token });
    expect(all.body.total).toBe(4);
    const [created, , confirmed] = all.body.results;
    expect(created).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 1,
      sequenceNumber: 1,
      resource: { typeId: 'order', id: first.id },
      resourceVersion: 1,
      resourceUserProvidedIdentifiers: { orderNumber: 'M-1' },
      type: 'OrderCreated',
      order: { id: first.id, version: 1, orderNumber: 'M-1' },
      createdAt: '2026-03-04T09:00:00.000Z',
      lastModifiedAt: '2026-03-04T09:00:00.000Z',
      createdBy: { isPlatformClient: false },
    });
    expect(confirmed).toMatchObject({
      type: 'OrderStateChanged',
      orderState: 'Confirmed',
      oldOrderState: 'Open',
      sequenceNumber: 2,
      resourceVersion: 2,
      createdBy: { clientId },
      lastModifiedBy: { clientId },
    });
  });

  it('queries by resource, type, sequence number and time', async () => {
    const ofFirst = await messages([`resource(id = "${first.id}")`], '&sort=sequenceNumber%20desc');
    expect(ofFirst.body.results.map((message) => message.sequenceNumber)).toEqual([3, 2, 1]);
    const types = await messages(['type in ("OrderShipmentStateChanged", "OrderStateChanged")']);
    expect(types.body.results.map((message) => message.type)).toEqual([
      'OrderStateChanged',
      'OrderShipmentStateChanged',
    ]);
    const later = await messages([
      `resource(id = "${first.id}")`,
      'sequenceNumber > 1',
      'type = "OrderShipmentStateChanged"',
    ]);
    expect(later.body.total).toBe(1);
    const since = await messages(['createdAt > "2026-03-04T09:00:00.500Z"']);
    expect(since.body.results.map((message) => (message.resource as Json).id)).toEqual([
      second.id,
      first.id,
      first.id,
    ]);
    const paged = await call<Paged>(sim.url, 'GET', '/shop/messages?limit=1&offset=1', { token });
    expect(paged.body).toMatchObject({
      count: 1,
      total: 4,
      results: [{ resource: { id: second.id } }],
    });
  });

  it('reads one message by id, 404 for an unknown one', async () => {
    const all = await call<Paged>(sim.url, 'GET', '/shop/messages', { token });
    const one = all.body.results[3]!;
    expect(
      (await call(sim.url, 'GET', `/shop/messages/${String(one.id)}`, { token })).body,
    ).toEqual(one);
    expect((await call(sim.url, 'GET', '/shop/messages/nope', { token })).status).toBe(404);
  });
});
