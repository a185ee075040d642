/* eslint-disable no-console -- a benchmark process reports to the terminal */
import {
  fromConsignments,
  toCanonicalOrder,
  BigCommerceOrderSchema,
} from '@shiplink/connectors/bigcommerce';
import { basicAuthorization, toShipStationOrder } from '@shiplink/connectors/shipstation';
import { createPgPool } from '@shiplink/db/pg-pool';
import axios from 'axios';
// eslint-disable-next-line no-restricted-imports -- the bare reference is plain BullMQ on purpose
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BARE_QUEUE, type BareOrderJob } from './bare-queue';

/**
 * The bare reference for the order path: a plain BullMQ worker making the same provider calls
 * per order as the hub (the store's order with its consignments, then ShipStation's
 * `createorder`) and one database insert, with no audit, locks, rate limits or deduplication.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const store = axios.create({
  baseURL: `${env('BARE_STORE_URL')}/stores/${env('BARE_STORE_HASH')}`,
  headers: { 'X-Auth-Token': env('BARE_STORE_TOKEN'), accept: 'application/json' },
});
const fulfilment = axios.create({
  baseURL: env('BARE_SHIPSTATION_URL'),
  headers: {
    Authorization: basicAuthorization({
      apiKey: env('BARE_SHIPSTATION_KEY'),
      apiSecret: env('BARE_SHIPSTATION_SECRET'),
    }),
  },
});
const pool = createPgPool(env('DATABASE_URL'), { size: 10, purpose: 'bare pipeline' });
const connection = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
const storeHash = env('BARE_STORE_HASH');

async function exportOrder({ orderId }: BareOrderJob): Promise<void> {
  const { data } = await store.get<unknown>(`/v2/orders/${orderId}`, {
    params: { include: 'consignments.line_items', consignment_structure: 'object' },
  });
  const order = BigCommerceOrderSchema.parse(data);
  const embedded = fromConsignments(order);
  if (!embedded?.products) throw new Error(`order ${orderId} came without its line items`);
  const canonical = toCanonicalOrder(
    { order, products: embedded.products, shippingAddresses: embedded.addresses },
    { weightUnit: 'lbs' },
  );
  const orderKey = `bc-${storeHash}-${orderId}`;
  const body = toShipStationOrder(canonical, canonical.destinations[0]!, { orderKey, mapping: [] });
  const { data: saved } = await fulfilment.post<{ orderId: number }>('/orders/createorder', body);
  await pool.query('INSERT INTO bare_orders (order_key, fulfilment_id) VALUES ($1, $2)', [
    orderKey,
    saved.orderId,
  ]);
}

async function main(): Promise<void> {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bare_orders (order_key text NOT NULL, fulfilment_id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  const worker = new Worker<BareOrderJob>(BARE_QUEUE, (job) => exportOrder(job.data), {
    connection,
    prefix: env('QUEUE_PREFIX'),
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? 50),
  });
  worker.on('failed', (job, error) => console.log(`bare job ${job?.id} failed: ${error.message}`));
  await worker.waitUntilReady();
  console.log('bare worker ready');
  process.on('SIGTERM', () => {
    void worker
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
