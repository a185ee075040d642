import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { RequestHandler } from 'express';
import type { JobProducer } from '@shiplink/jobs';

/** Bull Board over every queue and dead-letter queue, served under `basePath`. */
export function queueBoard(producer: JobProducer, basePath: string): RequestHandler {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: producer.allQueues().map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Shiplink' } },
  });
  // Typed `any` by Bull Board; it is an Express router.
  return serverAdapter.getRouter() as RequestHandler;
}
