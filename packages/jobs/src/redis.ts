import { once } from 'node:events';
import { parseRedisClusterUrl, type RedisClusterTarget } from '@shiplink/config';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** One Redis server or a Redis Cluster, as REDIS_URL says (`redis+cluster://…` for a cluster). */
export type RedisConnection = Redis | Cluster;

/** BullMQ needs `maxRetriesPerRequest: null` on blocking connections; producers fail fast. */
export function createRedis(url: string, purpose: 'worker' | 'producer'): RedisConnection {
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 2, enableOfflineQueue: false, connectTimeout: 5_000 };
  const cluster = parseRedisClusterUrl(url);
  if (!cluster) return new Redis(url, options);
  return new Cluster(cluster.nodes, clusterOptions(cluster, options));
}

function clusterOptions(target: RedisClusterTarget, options: RedisOptions): ClusterOptions {
  // Queueing while Redis is away is the cluster's decision (it always queues per node until that
  // node connects); the ready check there waits for `cluster_state:ok`.
  const { enableOfflineQueue, enableReadyCheck, ...perNode } = options;
  return {
    enableOfflineQueue: enableOfflineQueue ?? true,
    enableReadyCheck: enableReadyCheck ?? true,
    // With TLS the certificates name the hosts: keep the names instead of the resolved addresses.
    ...(target.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
    redisOptions: {
      ...perNode,
      ...(target.tls ? { tls: {} } : {}),
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
    },
  };
}

/**
 * Every server holding keys, once the connection is ready: the server itself, or each master of
 * a cluster. SCAN, FLUSHDB and INFO answer for one server only, so they go to each of these.
 */
export async function mastersOf(connection: RedisConnection): Promise<Redis[]> {
  if (connection.status === 'end') throw new Error('Connection is closed.');
  if (connection.status !== 'ready') await once(connection, 'ready');
  return connection instanceof Cluster ? connection.nodes('master') : [connection];
}

/** Deletes the keys matching `pattern` on every master; answers how many there were. */
export async function deleteKeys(connection: RedisConnection, pattern: string): Promise<number> {
  let deleted = 0;
  for (const master of await mastersOf(connection)) {
    let cursor = '0';
    do {
      const [next, keys] = await master.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      // One key per command: keys of different cluster slots may not share one (CROSSSLOT).
      const counts = await Promise.all(keys.map((key) => master.unlink(key)));
      deleted += counts.reduce((sum, count) => sum + count, 0);
      cursor = next;
    } while (cursor !== '0');
  }
  return deleted;
}
