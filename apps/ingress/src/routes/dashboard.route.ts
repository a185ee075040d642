import { Router, type RequestHandler } from 'express';
import type { JobProducer } from '@shiplink/jobs';
import { authenticate, type AuthenticationDeps } from '../auth/authenticate';
import { platformOnly } from '../auth/permissions';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue and dead-letter queue, for the platform operator: signed in to the
 * console, or with the operator token as a bearer. "Retry" on a failed job of a `-dlq` queue
 * replays that dead letter. The board (its UI and a view of every queue) is built when it is
 * first opened: most ingress processes only ever take webhooks.
 */
export function dashboard(deps: { producer: JobProducer; auth: AuthenticationDeps }): Router {
  let board: Promise<RequestHandler> | undefined;
  const openBoard = () =>
    (board ??= import('./queue-board').then(({ queueBoard }) =>
      queueBoard(deps.producer, DASHBOARD_PATH),
    ));
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
    (req, res, next) => {
      openBoard().then((handle) => handle(req, res, next), next);
    },
  );
  return router;
}
