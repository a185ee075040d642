// eslint-disable-next-line no-restricted-imports -- the bare reference is plain BullMQ on purpose
import { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import { BARE_QUEUE, type BareOrderJob } from './bare-queue';

/**
 * The yardsticks. `/hook`: Express answering a JSON POST with 202 and doing nothing else.
 * `/orders`: the bare order pipeline's intake, a store's order webhook put on a plain BullMQ
 * queue before the answer (no signature, inbox, audit or deduplication).
 */
const app = express();
app.post('/hook', express.json(), (_req, res) => {
  res.status(202).json({ accepted: true });
});

const queue = new Queue<BareOrderJob>(BARE_QUEUE, {
  connection: new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: null,
  }),
  prefix: process.env.QUEUE_PREFIX ?? 'bare',
  defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000 },
});
app.post('/orders', express.json(), async (req, res) => {
  const orderId = Number((req.body as { data?: { id?: unknown } }).data?.id);
  if (!Number.isInteger(orderId)) {
    res.status(400).end();
    return;
  }
  await queue.add('export', { orderId });
  res.status(200).end();
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `bare endpoint listening ${typeof address === 'object' && address ? address.port : ''}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => void queue.close().then(() => process.exit(0))));
