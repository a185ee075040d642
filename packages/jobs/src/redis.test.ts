import { Cluster, Redis } from 'ioredis';
import { createRedis, type RedisConnection } from './redis';

describe('createRedis', () => {
  // Nothing listens on these ports: each client is looked at and closed before it gets to
  // connect, so no retry outlives the test.
  const inspect = <T>(
    url: string,
    purpose: 'worker' | 'producer',
    look: (connection: RedisConnection) => T,
  ) => {
    const connection = createRedis(url, purpose);
    connection.on('error', () => undefined);
    try {
      return look(connection);
    } finally {
      connection.disconnect();
    }
  };

  it('connects to one server for a redis:// URL, as it always did', () => {
    inspect('redis://127.0.0.1:1/2', 'worker', (worker) => {
      expect(worker).toBeInstanceOf(Redis);
      expect(worker.options).toMatchObject({ port: 1, db: 2, maxRetriesPerRequest: null });
    });
    inspect('redis://127.0.0.1:1', 'producer', (producer) => {
      expect(producer.options).toMatchObject({
        maxRetriesPerRequest: 2,
        enableOfflineQueue: false,
      });
    });
  });

  it('connects to a cluster for a redis+cluster:// URL, from every node listed', () => {
    inspect('redis+cluster://:secret@127.0.0.1:1,localhost:2', 'worker', (worker) => {
      expect(worker).toBeInstanceOf(Cluster);
      const cluster = worker as Cluster;
      // Where it starts from is kept private by ioredis; the seed list is what an operator set.
      expect((cluster as unknown as { startupNodes: unknown }).startupNodes).toEqual([
        { host: '127.0.0.1', port: 1 },
        { host: 'localhost', port: 2 },
      ]);
      expect(cluster.options).toMatchObject({ enableOfflineQueue: true, enableReadyCheck: true });
      // BullMQ refuses a blocking connection whose nodes retry requests.
      expect(cluster.options.redisOptions).toMatchObject({
        maxRetriesPerRequest: null,
        password: 'secret',
      });
    });
    inspect('rediss+cluster://127.0.0.1:1', 'worker', (worker) => {
      expect((worker as Cluster).options.redisOptions).toMatchObject({ tls: {} });
    });
  });

  it('lets a producer on a cluster fail fast while the cluster is away', async () => {
    const refused = inspect('redis+cluster://127.0.0.1:1', 'producer', (producer) => {
      expect((producer as Cluster).options).toMatchObject({ enableOfflineQueue: false });
      expect((producer as Cluster).options.redisOptions).toMatchObject({ maxRetriesPerRequest: 2 });
      return producer.set('key', 'value');
    });
    await expect(refused).rejects.toThrow(/isn't ready/);
  });
});
