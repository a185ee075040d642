import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router } from 'express';
import type { JobProducer } from '@shiplink/jobs';
import { requireBasic } from '../http/auth';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue and dead-letter queue, behind HTTP Basic. "Retry" on a failed job
 * of a `-dlq` queue replays that dead letter.
 */
export function dashboard(deps: { producer: JobProducer; user: string; password: string }): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: deps.producer.allQueues().map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Shiplink' } },
  });
  const router = Router();
  router.use(DASHBOARD_PATH, requireBasic(deps.user, deps.password), serverAdapter.getRouter());
  return router;
}
