import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from '@shiplink/config';
import { createPlatform, platformEnv, type Platform } from '@shiplink/app-kit';
import {
  simulator as bigCommerceSimulator,
  startBigCommerceSimulator,
  type RunningBigCommerceSimulator,
} from '@shiplink/connectors/bigcommerce/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { ConnectionRecord, StoreRecord } from '@shiplink/db';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  testQueuePrefix,
  type TestDatabase,
} from '@shiplink/testing';

const INGRESS = resolve(__dirname, '../..');
const RULES = [
  {
    id: 'expedited',
    name: 'Expedited orders first',
    when: { any: [{ field: 'shippingMethod', op: 'contains', value: 'next day' }] },
    then: { tags: ['Priority'] },
    stop: true,
  },
  { id: 'standard', name: 'Everything else', then: { tags: ['Standard'] } },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `shiplink routing …` and `shiplink returns …` as a person runs them: the CLI's own process, on
 * the real PostgreSQL and Redis, the store in the BigCommerce simulator.
 */
describe('the routing and returns commands', () => {
  let database: TestDatabase;
  let bigcommerce: RunningBigCommerceSimulator;
  let platform: Platform;
  let env: Record<string, string>;
  let store: StoreRecord;
  let connection: ConnectionRecord;
  let files: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    bigcommerce = await startBigCommerceSimulator();
    env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: 'silent',
    };
    platform = createPlatform('cli-test', parseEnv(platformEnv, env));
    const account = await bigCommerceSimulator.openAccount(bigcommerce.url);
    const { repos } = platform;
    const tenant = await repos.tenancy.createTenant('Trail Supply');
    store = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Trail Supply',
      platform: 'bigcommerce',
      externalRef: account.storeRef,
    });
    connection = await repos.tenancy.createConnection({
      tenantId: tenant.id,
      storeId: store.id,
      provider: 'bigcommerce',
      baseUrl: bigcommerce.url,
      credentials: account.credentials,
      webhookSecret: account.credentials.clientSecret,
      accountKey: account.credentials.storeHash,
      settings: account.settings,
    });
    files = await mkdtemp(join(tmpdir(), 'shiplink-cli-'));
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    await bigcommerce?.close();
    await database?.drop();
    if (files) await rm(files, { recursive: true, force: true });
  });

  /** One run of the command line, to its exit. */
  const cli = (...args: string[]): Promise<Run> =>
    new Promise((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args],
        { cwd: INGRESS, env, timeout: 60_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          done({ code, stdout, stderr });
        },
      );
    });

  const rulesFile = async (name: string, rules: unknown) => {
    const path = join(files, name);
    await writeFile(path, JSON.stringify(rules));
    return path;
  };

  /** An order placed in the store, read and kept by the hub as the order import keeps it. */
  async function storeOrder(shippingMethod: string) {
    const placed = await new SimulatorControl(bigcommerce.url).post<{ order: { id: number } }>(
      `/stores/${store.externalRef}/orders`,
      {
        billing: { firstName: 'Maya', street1: '401 Congress Ave', city: 'Austin', zip: '78701' },
        lines: [{ sku: 'STOVE-MINI', name: 'Pocket Rocket Stove', quantity: 2 }],
        shippingMethod,
      },
    );
    const orderRef = String(placed.order.id);
    const canonical = await platform.ports.store(connection).readOrder(orderRef);
    return { orderRef, kept: await platform.repos.orders.upsert(store.id, canonical!) };
  }

  describe('routing', () => {
    it('saves a rules file as the next version, and shows it and its history', async () => {
      const saved = await cli(
        'routing',
        'save',
        store.id,
        await rulesFile('rules.json', RULES),
        '--by',
        'ops',
      );
      expect(saved).toEqual({
        code: 0,
        stdout: 'routing rules version 1 saved by ops\n',
        stderr: '',
      });
      const shown = await cli('routing', 'show', store.id);
      expect(shown.code).toBe(0);
      expect(JSON.parse(shown.stdout)).toMatchObject({
        version: 1,
        rules: { version: 1, rules: [{ id: 'expedited' }, { id: 'standard' }] },
      });
      const history = await cli('routing', 'history', store.id);
      expect(history.stdout.trim().split('\t')).toEqual([
        '1',
        expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        'ops',
      ]);
    }, 120_000);

    it('refuses rules that do not validate, saying where, and saves nothing', async () => {
      const bad = await rulesFile('bad.json', [
        { id: 'x', name: 'X', then: { warehouse: 'east' } },
      ]);
      const refused = await cli('routing', 'save', store.id, bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('the routing rules do not validate');
      expect(refused.stderr).toContain('rules[0].then.warehouse');
      const notJson = join(files, 'missing.json');
      expect((await cli('routing', 'save', store.id, notJson)).stderr).toContain(notJson);
      expect(await platform.repos.routing.history(store.id)).toHaveLength(1);
    }, 120_000);

    it('tries the saved rules and a draft on a real store order', async () => {
      const { orderRef } = await storeOrder('UPS Next Day Air');
      const saved = await cli('routing', 'try', store.id, orderRef);
      expect(saved.code).toBe(0);
      const run = JSON.parse(saved.stdout) as {
        version: number;
        draft: boolean;
        destinations: { decision: { tags: string[] } }[];
      };
      expect(run).toMatchObject({ version: 1, draft: false });
      expect(run.destinations[0]!.decision.tags).toEqual(['Priority']);

      const draft = await rulesFile('draft.json', [RULES[1]]);
      const tried = JSON.parse((await cli('routing', 'try', store.id, orderRef, draft)).stdout);
      expect(tried).toMatchObject({ version: 2, draft: true });
      expect(tried.destinations[0].decision.tags).toEqual(['Standard']);
      // A dry run saves nothing.
      expect(await platform.repos.routing.history(store.id)).toHaveLength(1);

      const unknown = await cli('routing', 'try', store.id, '999999');
      expect(unknown).toMatchObject({ code: 1, stderr: 'the store has no such order\n' });
    }, 120_000);

    it('answers a bad store id or a missing argument with the usage', async () => {
      const bad = await cli('routing', 'show', 'not-a-store');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('shiplink routing try <storeId> <orderRef>');
      expect((await cli('routing', 'save', store.id)).stderr).toContain('shiplink routing save');
    }, 120_000);
  });

  describe('returns', () => {
    /** A return of the order's stoves, waiting for a person's decision. */
    async function waitingReturn() {
      const { kept } = await storeOrder('UPS Ground');
      const { record } = await platform.repos.returns.create({
        storeId: store.id,
        orderId: kept.id,
        source: 'shipstation',
        sourceRef: `rl-${kept.orderNumber}`,
        state: 'received',
        reason: 'Too heavy',
        trackingNumber: null,
        refundState: 'awaiting_approval',
        items: [{ orderLineId: kept.lines[0]!.id, quantity: 2, condition: null, restock: true }],
      });
      return { record, orderNumber: kept.orderNumber };
    }

    it('lists a store’s returns, by refund state', async () => {
      const { record, orderNumber } = await waitingReturn();
      const listed = await cli('returns', 'list', store.id, 'awaiting_approval');
      expect(listed.code).toBe(0);
      const line = listed.stdout.split('\n').find((l) => l.startsWith(record.id));
      expect(line?.split('\t').slice(0, 5)).toEqual([
        record.id,
        orderNumber,
        'received',
        'awaiting_approval',
        '2 item(s)',
      ]);
      expect((await cli('returns', 'list', store.id, 'issued')).stdout).toBe('');
      const bad = await cli('returns', 'list', store.id, 'refunded');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('refundState');
    }, 120_000);

    it('approves a refund once: one refund job, and a second approval refused', async () => {
      const { record } = await waitingReturn();
      const approved = await cli('returns', 'approve', record.id, '--by', 'support');
      expect(approved.code).toBe(0);
      const jobId = /job (\S+)\)/.exec(approved.stdout)?.[1];
      expect(approved.stdout).toContain(`refund of return ${record.id} approved by support`);
      const job = await platform.producer.queue('returns').getJob(jobId!);
      expect(job?.name).toBe('refund.issue');
      expect(await platform.repos.returns.find(record.id)).toMatchObject({
        refundState: 'approved',
        approvedBy: 'support',
      });
      const again = await cli('returns', 'approve', record.id, '--by', 'someone-else');
      expect(again).toMatchObject({
        code: 1,
        stderr: 'the refund is approved, not awaiting approval\n',
      });
    }, 120_000);

    it('declines a refund with a note, and refuses a decision on a return that does not exist', async () => {
      const { record } = await waitingReturn();
      const declined = await cli(
        'returns',
        'decline',
        record.id,
        '--note',
        'worn',
        '--by',
        'support',
      );
      expect(declined).toMatchObject({
        code: 0,
        stdout: `refund of return ${record.id} declined by support\n`,
      });
      expect(await platform.repos.returns.find(record.id)).toMatchObject({
        refundState: 'not_refunded',
        refundNote: 'worn',
      });
      const missing = await cli('returns', 'approve', '00000000-0000-4000-8000-000000000000');
      expect(missing).toMatchObject({ code: 1, stderr: 'no such return\n' });
      const bad = await cli('returns', 'approve', 'nope');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('shiplink returns approve <returnId>');
    }, 120_000);
  });
});
