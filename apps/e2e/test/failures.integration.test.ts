import { waitFor } from '@shiplink/testing';
import { badAddressOrder, multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';

describe('failures: dead letters, replays, provider faults and rate limits', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  const deadLetters = async () => world.admin.parkedDeadLetters('orders');
  const keyOf = (orderId: number) => `bc-${world.storeHash}-${orderId}`;
  const countOrders = async (orderId: number) =>
    (await world.shipStationOrders()).filter((o) => o.orderKey === keyOf(orderId)).length;

  it('dead-letters a permanently bad order with a reason; a replay after the fix succeeds once', async () => {
    const orderId = await world.placeOrder(badAddressOrder());
    const [entry] = await waitFor(
      async () => {
        const found = (await deadLetters()).filter((d) => d.jobId.includes(`.${orderId}.`));
        return found.length ? found : undefined;
      },
      { what: 'a dead letter for the bad order' },
    );
    expect(entry?.reason).toBe('shipstation.validation');
    expect(entry?.error).toMatch(/postalCode/);
    expect(await countOrders(orderId)).toBe(0);

    // The merchant fixes the address in the store, then replays the dead letter.
    const view = await world.bigcommerce.get<{ shippingAddresses: { id: number }[] }>(
      `/stores/${world.storeHash}/orders/${orderId}`,
    );
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      billing: { zip: '78701' },
      shippingAddress: { id: view.shippingAddresses[0]!.id, zip: '78701' },
    });
    const replay = await world.admin.http.post<{ replayRequested: number }>(
      '/queues/orders/dead-letters/replay',
      { dlqJobId: entry!.dlqJobId },
    );
    expect(replay.data.replayRequested).toBe(1);
    const again = await world.admin.http.post<{ replayRequested: number }>(
      '/queues/orders/dead-letters/replay',
      { dlqJobId: entry!.dlqJobId },
    );
    expect(again.data.replayRequested).toBe(0);

    await world.shipStationOrder(orderId);
    await waitFor(async () => (await deadLetters()).every((d) => d.dlqJobId !== entry!.dlqJobId));
    await waitFor(
      async () => {
        const rows = await world.admin.deadLetters();
        return rows.find((r) => r.jobId === entry!.jobId && r.status === 'replayed');
      },
      { what: 'the dead letter to be marked replayed' },
    );
    await world.hub.platform.repos.audit.flush();
    const audit = await world.admin.order(String(orderId));
    expect(audit.audit.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['dlq.dead_letter', 'dlq.replay']),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await countOrders(orderId)).toBe(1);
  });

  it('rides out a burst of 429s (with and without headers) and 5xx faults without duplicates', async () => {
    await world.shipstation.clearRequests();
    await world.shipstation.addFault({
      kind: 'rate_limit',
      count: 3,
      path: '/orders/createorder',
      resetMs: 1_000,
    });
    await world.shipstation.addFault({
      kind: 'rate_limit_bare',
      count: 2,
      path: '/orders/createorder',
    });
    await world.shipstation.addFault({
      kind: 'server_error',
      count: 3,
      status: 503,
      path: '/orders/createorder',
    });
    const ids = await Promise.all([1, 2, 3].map(() => world.placeOrder(multiLineOrder())));
    for (const id of ids) await world.shipStationOrder(id, 30_000);
    const statuses = (await world.shipstation.requests({ path: '/orders/createorder' })).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 503)).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const id of ids) expect(await countOrders(id)).toBe(1);
  });

  it('learns the provider quota from its headers and stays inside it', async () => {
    const windowMs = 2_000;
    await world.shipstation.post('/quota', { limit: 4, windowMs });
    await world.shipstation.clearRequests();
    const ids = await Promise.all(
      Array.from({ length: 10 }, () => world.placeOrder(multiLineOrder())),
    );
    for (const id of ids) await world.shipStationOrder(id, 30_000);
    const calls = await world.shipstation.requests({ path: '/orders/createorder' });
    const first = Date.parse(calls[0]!.at);
    const refused = calls.filter((c) => c.status === 429);
    // Before the first answer arrives nobody knows the quota; after it, nobody trips it again.
    expect(refused.every((c) => Date.parse(c.at) < first + windowMs)).toBe(true);
    for (const id of ids) expect(await countOrders(id)).toBe(1);
    await world.shipstation.post('/quota', { limit: 10_000, windowMs: 60_000 });
  });
});
