import { createRepos, type Repos } from '@shiplink/db';
import { silentLogger } from '@shiplink/logger';
import { registry } from '@shiplink/telemetry';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { RetentionService, type RetentionWindows } from './retention.service';

const KEY = Buffer.alloc(32, 4).toString('base64');
const DAY_MS = 86_400_000;
const KEEP_ALL: RetentionWindows = {
  inbox: 0,
  audit: 0,
  notifications: 0,
  timelines: 0,
  deadLetters: 0,
  sessions: 0,
};

describe('RetentionService', () => {
  let database: TestDatabase;
  let repos: Repos;

  const auditRows = async (ages: number[]) => {
    await repos.db.auditEvent.createMany({
      data: ages.map((age) => ({
        direction: 'out',
        kind: 'provider.call',
        occurredAt: new Date(Date.now() - age * DAY_MS),
      })),
    });
  };
  const deletedMetric = async (target: string) => {
    const metric = await registry.getSingleMetric('shiplink_retention_deleted_total')!.get();
    return metric.values.find((value) => value.labels.target === target)?.value ?? 0;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  beforeEach(() => repos.db.auditEvent.deleteMany());

  it('deletes past each window in slices, keeps what has none, and counts what went', async () => {
    await auditRows([100, 120, 150, 200, 365, 10]);
    const before = await deletedMetric('audit');
    const retention = new RetentionService(
      repos,
      { windows: { ...KEEP_ALL, audit: 90 }, batchSize: 2, pauseMs: 1 },
      silentLogger,
    );
    expect(await retention.runOnce()).toEqual({ audit: 5 });
    expect(await repos.db.auditEvent.count()).toBe(1);
    expect((await deletedMetric('audit')) - before).toBe(5);
    // Nothing has a window: nothing is even looked at.
    const keeper = new RetentionService(
      repos,
      { windows: KEEP_ALL, batchSize: 2, pauseMs: 1 },
      silentLogger,
    );
    expect(await keeper.runOnce(new Date(Date.now() + 1_000 * DAY_MS))).toEqual({});
    expect(await repos.db.auditEvent.count()).toBe(1);
  });

  it('skips its turn while another replica prunes, and stops between slices', async () => {
    await auditRows(Array.from({ length: 40 }, (_, i) => 100 + i));
    const options = { windows: { ...KEEP_ALL, audit: 90 }, batchSize: 5, pauseMs: 200 };
    const first = new RetentionService(repos, options, silentLogger);
    const other = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    try {
      first.start(10);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The first holds the lock, pausing between its slices.
      const second = new RetentionService(other, options, silentLogger);
      expect(await second.runOnce()).toBeUndefined();
      await first.stop();
      const left = await repos.db.auditEvent.count();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(40);
      expect(left % 5).toBe(0);
      // The lock went with the run: the other replica now finishes the work.
      expect(await second.runOnce()).toEqual({ audit: left });
    } finally {
      await other.close();
    }
  });
});
