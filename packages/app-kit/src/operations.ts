import { schemaState, type Db } from '@shiplink/db';
import type { RedisConnection } from '@shiplink/jobs';
import { Cluster } from 'ioredis';
import { startOpsServer, type OpsServer, type Readiness } from '@shiplink/telemetry';
import type { Platform } from './platform';

/** A dependency that does not answer within this is reported down rather than waited for. */
const CHECK_TIMEOUT_MS = 2_000;

function within<T>(check: () => Promise<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), CHECK_TIMEOUT_MS);
    check()
      .then(resolve, () => resolve(undefined))
      .finally(() => clearTimeout(timer));
  });
}

export interface ReadinessDeps {
  db: Db;
  redis: RedisConnection;
}

/** Every master of a cluster answers (a ping to a cluster reaches only one node), or the server. */
async function pingRedis(redis: RedisConnection): Promise<true> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  if (nodes.length === 0) throw new Error('no Redis master known');
  await Promise.all(nodes.map((node) => node.ping()));
  return true;
}

/**
 * PostgreSQL and Redis answer, promptly, and the schema has this build's migrations (a pod of a
 * new release stays unready until its migration job has run). Never throws.
 */
export async function readiness(deps: ReadinessDeps): Promise<Readiness> {
  const [state, pong] = await Promise.all([
    within(() => schemaState(deps.db)),
    within(() => pingRedis(deps.redis)),
  ]);
  const database = state !== undefined;
  const redis = pong !== undefined;
  const schema = state === 'current';
  return { ok: database && redis && schema, database, redis, schema };
}

/** The operations port (`/livez`, `/readyz`, `/metrics`) of a running app. */
export async function startOperations(platform: Platform): Promise<OpsServer> {
  const server = await startOpsServer({
    port: platform.env.OPS_PORT,
    host: platform.env.OPS_HOST,
    readiness: () => readiness({ db: platform.repos.db, redis: platform.redis }),
    onError: (message, error) => platform.logger.warn(message, { error }),
  });
  platform.logger.info('operations port listening', { opsPort: server.port() });
  return server;
}
