import type { SimulatorControl } from '@shiplink/connectors/testing';
import { multiLineOrder } from '@shiplink/test-world/scenario';
import { waitFor } from '@shiplink/testing';
import type { Pool } from 'pg';
import type { RateRun } from './capacity';
import { percentile } from './load';
import { cpuMsPer, processUsage, type ProcessUsage } from './process-usage';

/** When each order reached ShipStation, by its order key, as far as the pipeline recorded it. */
export type Arrivals = (orderKeys: string[]) => Promise<Map<string, number>>;

/** Arrivals read by a query of (order_key, at in epoch ms) over `$1`, the keys asked for. */
const arrivalsFrom =
  (pool: Pool, sql: string): Arrivals =>
  async (keys) =>
    new Map(
      (await pool.query<{ order_key: string; at: string }>(sql, [keys])).rows.map((row) => [
        row.order_key,
        Number(row.at),
      ]),
    );

/** Our pipeline's record: the fulfilment order's export, written once ShipStation answered. */
export const hubArrivals = (pool: Pool) =>
  arrivalsFrom(
    pool,
    `SELECT order_key, (extract(epoch FROM exported_at) * 1000)::float8 AS at
     FROM fulfilment_orders WHERE order_key = ANY($1::text[]) AND exported_at IS NOT NULL`,
  );

/** The bare pipeline's one insert per order, made once ShipStation answered. */
export const bareArrivals = (pool: Pool) =>
  arrivalsFrom(
    pool,
    `SELECT order_key, (extract(epoch FROM at) * 1000)::float8 AS at
     FROM bare_orders WHERE order_key = ANY($1::text[])`,
  );

export interface OrdersFigures {
  rate: number;
  /** Order placed in BigCommerce → exported to ShipStation, after the first `warmupSeconds`, and in them. */
  e2e: number[];
  cold: number[];
  /** CPU and memory of each worker process around the run. */
  usage: { before: ProcessUsage; after: ProcessUsage }[];
}

/**
 * Orders placed in BigCommerce at a steady rate, each timed until its pipeline recorded
 * ShipStation's answer; the first `warmupSeconds` of them are reported apart (cold JIT, pools).
 */
export async function runOrdersPhase(ctx: {
  workers: number[];
  bigcommerce: SimulatorControl;
  storeHash: string;
  arrivals: Arrivals;
  rate: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<OrdersFigures> {
  const before = ctx.workers.map(processUsage);
  const placedAt = new Map<string, number>();
  const coldAt = new Map<string, number>();
  const warmup = Math.round(ctx.rate * ctx.warmupSeconds);
  const total = warmup + Math.round(ctx.rate * ctx.seconds);
  const started = performance.now();
  const order = multiLineOrder();
  const placing: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ctx.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = Date.now();
    const bucket = i < warmup ? coldAt : placedAt;
    placing.push(
      ctx.bigcommerce
        .post<{ order: { id: number } }>(`/stores/${ctx.storeHash}/orders`, order)
        .then((placed) => {
          bucket.set(`bc-${ctx.storeHash}-${placed.order.id}`, sentAt);
        }),
    );
  }
  await Promise.all(placing);
  const keys = [...coldAt.keys(), ...placedAt.keys()];
  const arrivals = await waitFor(
    async () => {
      const found = await ctx.arrivals(keys);
      return found.size >= keys.length ? found : undefined;
    },
    { timeoutMs: 300_000, intervalMs: 250, what: 'every order to reach ShipStation' },
  );
  const after = ctx.workers.map(processUsage);
  const since = (at: Map<string, number>) => [...at].map(([key, t]) => arrivals.get(key)! - t);
  return {
    rate: ctx.rate,
    e2e: since(placedAt),
    cold: since(coldAt),
    usage: before.map((b, i) => ({ before: b, after: after[i]! })),
  };
}

/** A run as the capacity ramp reads it. */
export const asRateRun = (figures: OrdersFigures): RateRun => ({
  latenciesMs: [...figures.cold, ...figures.e2e],
  completed: true,
});

export function ordersRows(
  figures: OrdersFigures,
  coldLabel: string,
  app: string,
  fmt: (value: number, digits?: number) => string,
): string[] {
  const p = (values: number[]) => `${fmt(percentile(values, 50))} / ${fmt(percentile(values, 99))}`;
  const orders = figures.e2e.length + figures.cold.length;
  return [
    `| order → ShipStation p50 / p99 at ${figures.rate} orders/s, steady state (${figures.e2e.length} orders) (ms) | — | ${p(figures.e2e)} |`,
    `| same, ${coldLabel} (${figures.cold.length} orders) (ms) | — | ${p(figures.cold)} |`,
    ...figures.usage.map(
      ({ before, after }) =>
        `| ${app} CPU per order; RSS at the end / peak | — | ${fmt(cpuMsPer(before, after, orders / figures.usage.length), 2)} ms; ${fmt(after.rssMb, 0)} / ${fmt(after.peakRssMb, 0)} MB |`,
    ),
  ];
}
