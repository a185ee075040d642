import { Redis } from 'ioredis';
import { RateLimitedError } from '@shiplink/errors';
import { TEST_REDIS_URL, testQueuePrefix } from '@shiplink/testing';
import { inMemoryVault } from '../credential-vault';
import { RateLimiter } from '../http/rate-limiter';
import { SimulatorControl } from '../testing/control';
import { ShipHeroClient } from './client';
import { ShipHeroCredentialsSchema } from './credentials';
import { orderInput } from './fixtures/order-input';
import { openShipHeroAccount, startShipHeroSimulator, type ShipHeroSimAccount } from './simulator';

const order = (partnerOrderId: string) => orderInput(partnerOrderId, { shop_name: 'api' });

describe('ShipHeroClient against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof startShipHeroSimulator>>;
  let redis: Redis;
  let control: SimulatorControl;
  let account: ShipHeroSimAccount;
  let limiter: RateLimiter;

  const clientFor = (options: { maxInlineWaitMs?: number; connectionId?: string } = {}) =>
    new ShipHeroClient({
      baseUrl: simulator.url,
      credentials: ShipHeroCredentialsSchema.parse(account.credentials),
      limiter,
      vault,
      connectionId: options.connectionId ?? 'connection-1',
      maxInlineWaitMs: options.maxInlineWaitMs ?? 2_000,
    });
  let vault: ReturnType<typeof inMemoryVault>;

  beforeAll(async () => {
    simulator = await startShipHeroSimulator();
    control = new SimulatorControl(simulator.url);
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await simulator?.close();
    await redis?.quit();
  });
  beforeEach(async () => {
    account = await openShipHeroAccount(simulator.url);
    limiter = new RateLimiter({ redis, prefix: testQueuePrefix() });
    vault = inMemoryVault();
  });

  it('creates an order once and finds it by the partner id', async () => {
    const client = clientFor();
    expect(await client.orderByPartnerId('bc-s1-100')).toBeUndefined();
    const created = await client.createOrder(order('bc-s1-100'));
    const found = await client.orderByPartnerId('bc-s1-100');
    expect(found).toMatchObject({ id: created.id, partner_order_id: 'bc-s1-100' });
    const full = await client.order(created.id);
    expect(full?.line_items?.edges[0]?.node).toMatchObject({
      sku: 'MUG-1',
      partner_line_item_id: 'bc-s1-100-1',
    });
    const cancelled = await client.cancelOrder({ order_id: created.id });
    expect(cancelled.fulfillment_status).toMatch(/cancel/);
    expect(await client.order('T3JkZXI6OTk5OTk5OTk=')).toBeUndefined();
  });

  it('refreshes an expired token once, saves it, and a second process adopts it without refreshing', async () => {
    const first = clientFor();
    await first.account();
    await control.post(`/accounts/${account.accountId}/tokens/expire`, {});
    await first.account();
    const saved = ShipHeroCredentialsSchema.parse(await vault.read('connection-1'));
    expect(saved.accessToken).not.toBe(account.credentials.accessToken);
    expect(saved.refreshToken).toBe(account.credentials.refreshToken);

    const second = clientFor();
    const refreshes = () =>
      control
        .get<{ path: string }[]>('/requests')
        .then((all) => all.filter((r) => r.path === '/auth/refresh').length);
    const before = await refreshes();
    await second.account();
    expect(await refreshes()).toBe(before);
    expect(second.tokens.credentials.accessToken).toBe(saved.accessToken);
  });

  it('delays on a code-30 shortage by what ShipHero says, and every client of the account waits', async () => {
    const client = clientFor({ maxInlineWaitMs: 0 });
    await client.account();
    await control.post(`/accounts/${account.accountId}/credits`, { remaining: 0 });
    const refused = await client.account().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).waitMs).toBeGreaterThan(0);
    const sent = (await control.get<unknown[]>('/requests')).length;
    // Another process of the same account does not send into the shortage it now knows of.
    await expect(
      clientFor({ maxInlineWaitMs: 0, connectionId: 'connection-2' }).account(),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect((await control.get<unknown[]>('/requests')).length).toBe(sent);
  });
});
