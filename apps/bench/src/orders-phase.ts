import type { SimulatorControl } from '@shiplink/connectors/testing';
import { createDb } from '@shiplink/db';
import { multiLineOrder } from '@shiplink/test-world/scenario';
import { waitFor, type AppProcess } from '@shiplink/testing';
import { percentile } from './load';
import { cpuMsPer, processUsage, type ProcessUsage } from './process-usage';

export interface OrdersFigures {
  rate: number;
  /** What the first orders are: just after the worker started, or of a warm worker's run. */
  coldLabel: string;
  /** Order placed in BigCommerce → created in ShipStation, steady state and just after start. */
  e2e: number[];
  cold: number[];
  /** Where the time goes: the provider's webhook → our inbox, and our inbox → ShipStation. */
  toInbox: number[];
  inboxToShipStation: number[];
  before: ProcessUsage;
  after: ProcessUsage;
}

/**
 * Orders placed in BigCommerce at a steady rate, each timed until ShipStation receives it; the
 * first `warmupSeconds` of them are reported apart (cold JIT, pools, caches).
 */
export async function runOrdersPhase(ctx: {
  worker: AppProcess;
  databaseUrl: string;
  /** The store's BigCommerce connection: its inbox rows are read through their index. */
  connectionId: string;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  storeHash: string;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  coldLabel: string;
}): Promise<OrdersFigures> {
  await ctx.shipstation.clearRequests();
  const before = processUsage(ctx.worker.child.pid!);
  const placedAt = new Map<string, number>();
  const coldAt = new Map<string, number>();
  const warmup = Math.round(ctx.rate * ctx.warmupSeconds);
  const total = warmup + Math.round(ctx.rate * ctx.seconds);
  const started = performance.now();
  const startedAt = new Date();
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
  const arrivals = await waitFor(
    async () => {
      const calls = await ctx.shipstation.requests({
        method: 'POST',
        path: '/orders/createorder',
      });
      const first = new Map<string, number>();
      for (const call of calls) {
        const key = (call.body as { orderKey?: string }).orderKey;
        if (key && call.status < 300 && !first.has(key)) first.set(key, Date.parse(call.at));
      }
      return first.size >= placedAt.size + coldAt.size ? first : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 500, what: 'every order to reach ShipStation' },
  );
  const after = processUsage(ctx.worker.child.pid!);
  const db = createDb(ctx.databaseUrl);
  const received = new Map(
    (
      await db.inboxEvent.findMany({
        where: {
          connectionId: ctx.connectionId,
          receivedAt: { gte: startedAt },
          topic: 'store/order/created',
        },
        select: { payload: true, receivedAt: true },
      })
    ).map((row) => [
      `bc-${ctx.storeHash}-${(row.payload as { data: { id: number } }).data.id}`,
      row.receivedAt.getTime(),
    ]),
  );
  await db.$disconnect();
  const since = (at: Map<string, number>) => [...at].map(([key, t]) => arrivals.get(key)! - t);
  return {
    rate: ctx.rate,
    coldLabel: ctx.coldLabel,
    e2e: since(placedAt),
    cold: since(coldAt),
    toInbox: [...placedAt].flatMap(([key, at]) =>
      received.has(key) ? [received.get(key)! - at] : [],
    ),
    inboxToShipStation: [...received]
      .filter(([key]) => placedAt.has(key))
      .flatMap(([key, at]) => (arrivals.has(key) ? [arrivals.get(key)! - at] : [])),
    before,
    after,
  };
}

export function ordersRows(
  figures: OrdersFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  const p = (values: number[]) => `${fmt(percentile(values, 50))} / ${fmt(percentile(values, 99))}`;
  const orders = figures.e2e.length + figures.cold.length;
  return [
    `| order → ShipStation p50 / p99 at ${figures.rate} orders/s, steady state (${figures.e2e.length} orders) (ms) | — | ${p(figures.e2e)} |`,
    `| same, ${figures.coldLabel} (${figures.cold.length} orders) (ms) | — | ${p(figures.cold)} |`,
    `|   of which store webhook → inbox p50 / p99 (ms) | — | ${p(figures.toInbox)} |`,
    `|   of which inbox → ShipStation p50 / p99 (ms) | — | ${p(figures.inboxToShipStation)} |`,
    `| worker-orders CPU per order; RSS at the end / peak | — | ${fmt(cpuMsPer(figures.before, figures.after, orders), 2)} ms; ${fmt(figures.after.rssMb, 0)} / ${fmt(figures.after.peakRssMb, 0)} MB |`,
  ];
}
