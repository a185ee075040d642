import { Router } from 'express';
import type { Db } from '@shiplink/db';
import { route } from '../http/problems';

/** A dependency that does not answer within this is reported down rather than waited for. */
const CHECK_TIMEOUT_MS = 2_000;

function answers(check: () => Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
    check()
      .then(
        () => resolve(true),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer));
  });
}

/** Liveness (the process answers) and readiness (PostgreSQL and Redis answer, promptly). */
export function health(deps: { db: Db; redis: { ping(): Promise<string> } }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get(
    '/readyz',
    route(async (_req, res) => {
      const [database, redis] = await Promise.all([
        answers(() => deps.db.$queryRaw`SELECT 1`),
        answers(() => deps.redis.ping()),
      ]);
      const ok = database && redis;
      if (!ok) res.setHeader('Retry-After', '5');
      res.status(ok ? 200 : 503).json({ ok, database, redis });
    }),
  );
  return router;
}
