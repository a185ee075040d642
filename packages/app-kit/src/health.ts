import { Router } from 'express';
import type { Db } from '@shiplink/db';

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

/**
 * Liveness (the process answers) and readiness (PostgreSQL and Redis answer, promptly), for
 * every HTTP app. The checks never throw: a dependency that fails is reported, not raised.
 */
export function health(deps: { db: Db; redis: { ping(): Promise<string> } }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', (_req, res) => {
    void Promise.all([
      answers(() => deps.db.$queryRaw`SELECT 1`),
      answers(() => deps.redis.ping()),
    ]).then(([database, redis]) => {
      const ok = database && redis;
      if (!ok) res.setHeader('Retry-After', '5');
      res.status(ok ? 200 : 503).json({ ok, database, redis });
    });
  });
  return router;
}
