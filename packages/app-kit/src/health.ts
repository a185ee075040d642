import { Router } from 'express';
import { readiness, type ReadinessDeps } from './operations';

/**
 * Liveness (the process answers) and readiness (PostgreSQL, Redis and the schema), on an HTTP
 * app's own port, beside the operations port. The checks never throw.
 */
export function health(deps: ReadinessDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', (_req, res) => {
    void readiness(deps).then((report) => {
      if (!report.ok) res.setHeader('Retry-After', '5');
      res.status(report.ok ? 200 : 503).json(report);
    });
  });
  return router;
}
