import { SimulatorControl } from '../../testing/control';
import { DOCUMENTS } from '../documents';
import { postGraphQL } from './test-support';
import { orderInput } from '../fixtures/order-input';
import { openShipHeroAccount, startShipHeroSimulator, type RunningShipHeroSimulator } from '.';

const ORDERS_ANALYZED = /* GraphQL */ `
  query {
    orders(analyze: true) {
      request_id
      complexity
      data(first: 25) {
        edges {
          node {
            id
          }
        }
      }
    }
  }
`;

const TOO_EXPENSIVE = /* GraphQL */ `
  query {
    orders {
      request_id
      data(first: 1000) {
        edges {
          node {
            id
            line_items(first: 50) {
              edges {
                node {
                  sku
                }
              }
            }
          }
        }
      }
    }
  }
`;

describe('ShipHero simulator credits and request cap', () => {
  let sim: RunningShipHeroSimulator;
  let control: SimulatorControl;
  let clock = Date.parse('2026-03-01T00:00:00Z');
  let token: string;
  let accountId: string;
  let orderId: string;
  const credits = async () =>
    (await control.get<{ remaining: number }>(`/accounts/${accountId}/credits`)).remaining;

  beforeAll(async () => {
    sim = await startShipHeroSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    const account = await openShipHeroAccount(sim.url);
    token = account.credentials.accessToken;
    accountId = account.accountId;
    const created = await postGraphQL(sim.url, token, DOCUMENTS.OrderCreate, {
      data: orderInput('c-1'),
    });
    orderId = (created.body.data?.order_create as { order: { id: string } }).order.id;
  });

  it.each([
    ['Account', {}, 3],
    ['Order', { id: 'order' }, 155],
    ['OrderByPartnerId', { partnerOrderId: 'c-1' }, 3],
    ['ShipmentsSince', { from: '2026-01-01T00:00:00' }, 2_061],
    ['WarehouseProducts', {}, 101],
    ['Webhooks', {}, 51],
  ] as const)('charges %s its complexity, %d credits', async (name, variables, cost) => {
    const vars = 'id' in variables ? { id: orderId } : variables;
    const before = await credits();
    const answer = await postGraphQL(sim.url, token, DOCUMENTS[name], vars);
    const root = Object.values(answer.body.data ?? {})[0] as {
      complexity: number;
      request_id: string;
    };
    expect(root.complexity).toBe(cost);
    expect(root.request_id).toMatch(/^[0-9a-f]{24}$/);
    expect(before - (await credits())).toBe(cost);
  });

  it('charges a mutation 10 plus its returned object', async () => {
    const answer = await postGraphQL(sim.url, token, DOCUMENTS.OrderCreate, {
      data: orderInput('c-2'),
    });
    expect(answer.body.data?.order_create).toMatchObject({ complexity: 11 });
  });

  it("answers ShipHero's code-30 error when the bucket runs short, then runs once refilled", async () => {
    await control.post(`/accounts/${accountId}/credits`, { remaining: 10 });
    const refused = await postGraphQL(sim.url, token, DOCUMENTS.Order, { id: orderId });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({
      errors: [
        {
          code: 30,
          message:
            'There are not enough credits to perform the requested operation, which requires 155 ' +
            'credits, but there are only 10 left. In 3 seconds you will have enough credits to ' +
            'perform the operation',
          operation: 'order',
          request_id: expect.stringMatching(/^[0-9a-f]{24}$/),
          required_credits: 155,
          remaining_credits: 10,
          time_remaining: '3 seconds',
        },
      ],
      data: { order: null },
    });
    clock += 3_000;
    const served = await postGraphQL(sim.url, token, DOCUMENTS.Order, { id: orderId });
    expect(served.body.errors).toBeUndefined();
    expect(await credits()).toBe(10 + 180 - 155);
  });

  it('tells a time_remaining that follows the configured refill rate', async () => {
    await control.post('/credits', { refillPerSecond: 10 });
    await control.post(`/accounts/${accountId}/credits`, { remaining: 0 });
    const refused = await postGraphQL(sim.url, token, DOCUMENTS.Order, { id: orderId });
    expect(refused.body.errors?.[0]).toMatchObject({
      remaining_credits: 0,
      time_remaining: '16 seconds',
    });
  });

  it('refuses an operation costing more than the whole bucket, without a time to wait', async () => {
    const before = await credits();
    const refused = await postGraphQL(sim.url, token, TOO_EXPENSIVE);
    expect(refused.body.data).toEqual({ orders: null });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ code: 30, required_credits: 1 + 1_000 * 51, operation: 'orders' }),
    ]);
    expect(refused.body.errors?.[0]).not.toHaveProperty('time_remaining');
    expect(await credits()).toBe(before);
  });

  it('with analyze: true tells the cost, runs nothing and charges one credit', async () => {
    const before = await credits();
    const answer = await postGraphQL(sim.url, token, ORDERS_ANALYZED);
    expect(answer.body).toEqual({
      data: { orders: { request_id: expect.any(String), complexity: 26, data: null } },
    });
    expect(await credits()).toBe(before - 1);
  });

  it('answers 429 past the request cap, with Retry-After', async () => {
    // The order created before each test is one of the four.
    await control.post('/request-cap', { limit: 4, windowMs: 60_000 });
    for (let n = 0; n < 3; n++) {
      expect((await postGraphQL(sim.url, token, DOCUMENTS.Account)).status).toBe(200);
    }
    const capped = await postGraphQL(sim.url, token, DOCUMENTS.Account);
    expect(capped.status).toBe(429);
    expect(capped.headers.get('retry-after')).toBe('60');
    expect(capped.body.errors?.[0]).toMatchObject({ code: 429 });
    clock += 60_000;
    expect((await postGraphQL(sim.url, token, DOCUMENTS.Account)).status).toBe(200);
  });
});
