import type { ProviderId } from '@shiplink/connectors';
import type { ShipHeroSimAccount } from '@shiplink/connectors/shiphero/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { jobs, type JobProducer } from '@shiplink/jobs';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { multiLineOrder } from '@shiplink/test-world/scenario';
import { waitFor } from '@shiplink/testing';

export interface BackfillFigures {
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  creditsSpent: number;
  /** What the bucket could have given over the run: what it held at the start plus its refill. */
  creditBudget: number;
  /** Code-30 refusals ShipHero answered during the run. */
  throttled: number;
}

interface Credits {
  remaining: number;
  spent: number;
  throttled: number;
  capacity: number;
  refillPerSecond: number;
}

/**
 * A store with `orders` orders already placed connects a ShipHero warehouse; its first orders
 * poll is the backfill. Every order goes through ShipHero's real credit bucket (4,004 credits,
 * 60 per second in the simulator too), so the run shows how much of the budget the hub manages
 * to use and how often it still hits a code-30 refusal.
 */
export async function runShipHeroBackfill(ctx: {
  simUrls: Record<ProviderId, string>;
  admin: AdminClient;
  producer: JobProducer;
  orders: number;
}): Promise<BackfillFigures> {
  const accounts = await openAccounts(ctx.simUrls, { providers: ['shiphero'] });
  const warehouse = accountOf<ShipHeroSimAccount>(accounts, 'shiphero');
  if (!warehouse) throw new Error('no ShipHero account was opened');
  const shiphero = new SimulatorControl(ctx.simUrls.shiphero);
  const bigcommerce = new SimulatorControl(ctx.simUrls.bigcommerce);
  const order = multiLineOrder();
  await shiphero.post(`/accounts/${warehouse.accountId}/products`, {
    products: (order.lines ?? []).map((line) => ({ sku: line.sku, name: line.name })),
  });
  // Placed before the store is connected: no webhook tells the hub, the backfill finds them.
  for (let i = 0; i < ctx.orders; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, ctx.orders - i) }, () =>
        bigcommerce.post(`/stores/${accounts.storeRef}/orders`, order),
      ),
    );
  }
  const setup = await ctx.admin.connectStore('Bench Warehouse Store', accounts.list);
  const creditsPath = `/accounts/${warehouse.accountId}/credits`;
  const before = await shiphero.get<Credits>(creditsPath);
  const startedAt = Date.now();
  await ctx.producer.enqueue(
    jobs.ordersPoll,
    { connectionId: setup.connections.bigcommerce.id },
    { correlationId: 'bench-backfill' },
  );
  const created = await waitFor(
    async () => {
      const list = await shiphero.get<{ created_at: number }[]>(
        `/accounts/${warehouse.accountId}/orders`,
      );
      return list.length >= ctx.orders ? list : undefined;
    },
    { timeoutMs: 30 * 60_000, intervalMs: 2_000, what: 'every backfilled order to reach ShipHero' },
  );
  const after = await shiphero.get<Credits>(creditsPath);
  const finishedAt = Math.max(...created.map((record) => record.created_at));
  const seconds = (finishedAt - startedAt) / 1_000;
  return {
    orders: created.length,
    seconds,
    ordersPerSecond: created.length / seconds,
    creditsSpent: after.spent - before.spent,
    creditBudget: before.remaining + seconds * before.refillPerSecond,
    throttled: after.throttled - before.throttled,
  };
}

export function backfillRows(figures: BackfillFigures, fmt: (n: number, d?: number) => string) {
  return [
    `| ShipHero backfill: ${figures.orders} orders, first orders poll → every order in ShipHero (s) | — | ${fmt(figures.seconds)} (${fmt(figures.ordersPerSecond)} orders/s) |`,
    `|   credit budget used (spent / bucket at start + 60/s refill) | — | ${fmt((100 * figures.creditsSpent) / figures.creditBudget, 0)}% (${figures.creditsSpent} of ${fmt(figures.creditBudget, 0)}) |`,
    `|   code-30 refusals during the backfill (one worker process) | — | ${figures.throttled} |`,
  ];
}
