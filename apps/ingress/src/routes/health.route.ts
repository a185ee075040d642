import { Router } from 'express';
import type { Db } from '@shiplink/db';
import { route } from '../http/problems';

/** Liveness (the process answers) and readiness (PostgreSQL and Redis answer). */
export function health(deps: { db: Db; redis: { ping(): Promise<string> } }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get(
    '/readyz',
    route(async (_req, res) => {
      const checks = await Promise.allSettled([deps.db.$queryRaw`SELECT 1`, deps.redis.ping()]);
      const [database, redis] = checks.map((c) => c.status === 'fulfilled');
      res.status(database && redis ? 200 : 503).json({ ok: database && redis, database, redis });
    }),
  );
  return router;
}
