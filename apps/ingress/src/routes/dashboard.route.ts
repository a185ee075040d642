import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router } from 'express';
import type { JobProducer } from '@shiplink/jobs';
import { authenticate, type AuthenticationDeps } from '../auth/authenticate';
import { platformOnly } from '../auth/permissions';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue and dead-letter queue, for the platform operator: signed in to the
 * console, or with the operator token as a bearer. "Retry" on a failed job of a `-dlq` queue
 * replays that dead letter.
 */
export function dashboard(deps: { producer: JobProducer; auth: AuthenticationDeps }): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: deps.producer.allQueues().map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Shiplink' } },
  });
  const router = Router();
  router.use(DASHBOARD_PATH, (req, res, next) => {
    // A browser that is not signed in is sent to sign in first, and back here afterwards.
    const signedIn =
      Boolean(req.headers.authorization) || /shiplink_session=/.test(req.headers.cookie ?? '');
    if (!signedIn && req.method === 'GET' && req.accepts('html')) {
      res.redirect(302, `/console/?next=${encodeURIComponent(DASHBOARD_PATH)}`);
      return;
    }
    next();
  });
  router.use(
    DASHBOARD_PATH,
    authenticate(deps.auth, 'same-origin'),
    platformOnly,
    serverAdapter.getRouter(),
  );
  return router;
}
