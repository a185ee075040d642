import type { ProviderId } from '@shiplink/connectors';
import type { ShipHeroSimAccount } from '@shiplink/connectors/shiphero/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { sleep, waitFor, type AppProcess } from '@shiplink/testing';
import { percentile } from './load';
import { startHubApp } from './hub-apps';

export interface StockPhaseContext {
  /** The hub's environment (PUBLIC_URL, ADMIN_TOKEN, …); worker-inventory is started on it. */
  env: Record<string, string>;
  admin: AdminClient;
  /** Where each simulator listens (BigCommerce's and ShipHero's are used). */
  simUrls: Record<ProviderId, string>;
  /** Started apps; worker-inventory is added, so the caller stops it with the rest. */
  apps: AppProcess[];
  /** SKUs stocked at ShipHero and sold in the store. */
  skus: number;
}

export interface StockFigures {
  rate: number;
  skus: number;
  changes: number;
  /** Changes reflected in the store per second, from the first change to the last level set. */
  updatesPerSecond: number;
  /** Change at ShipHero → the store's level set to it (or a newer count), steady state. */
  endToEndMs: number[];
  /** Absolute adjustments the store accepted, and the levels they carried. */
  adjustments: number;
  levelsWritten: number;
}

export interface StockBench {
  /** Changes offered at `rate` a second for `seconds`, the first `warmupSeconds` left out. */
  run(rate: number, seconds: number, warmupSeconds?: number): Promise<StockFigures>;
}

interface Change {
  sku: string;
  onHand: number;
  at: number;
  counted: boolean;
}

interface Adjustment {
  at: number;
  items: { sku: string; quantity: number }[];
}

const START_ON_HAND = 1_000;

/**
 * Stock changes through the whole path, in a store of its own on ShipHero: counts changed in
 * the ShipHero simulator at a fixed offered rate, each a signed Inventory Update delivered to the
 * ingress → inventory queue → worker-inventory reads the SKU back → BigCommerce absolute
 * adjustment. Each SKU's count only grows, so the first adjustment setting a SKU to at least a
 * change's count is when the store reflected that change (a later count may cover several).
 * ShipHero's credit meter is the hub's own, at ShipHero's published figures (4,004 credits,
 * 7,000 requests per 5 minutes, per account); a few seconds at up to ~100 changes/s stay within
 * the burst, longer runs measure ShipHero's limits instead.
 */
export async function prepareStockPhase(ctx: StockPhaseContext): Promise<StockBench> {
  const shiphero = new SimulatorControl(ctx.simUrls.shiphero);
  const bigcommerce = new SimulatorControl(ctx.simUrls.bigcommerce);
  const accounts = await openAccounts(ctx.simUrls, { providers: ['shiphero'] });
  const warehouse = accountOf<ShipHeroSimAccount>(accounts, 'shiphero');
  if (!warehouse) throw new Error('the stock phase needs a ShipHero account');
  const storeHash = accounts.storeRef;
  await ctx.admin.connectStore('Bench Stock Store', accounts.list);

  const skus = Array.from({ length: ctx.skus }, (_, i) => `BENCH-STOCK-${i + 1}`);
  await shiphero.post(`/accounts/${warehouse.accountId}/products`, {
    products: skus.map((sku) => ({ sku, stock: [{ onHand: START_ON_HAND }] })),
  });
  await bigcommerce.post(`/stores/${storeHash}/catalog/products`, {
    products: skus.map((sku) => ({
      sku,
      inventoryTracking: 'product',
      levels: { '1': START_ON_HAND },
    })),
  });
  const worker = startHubApp('worker-inventory', { ...ctx.env, LOG_LEVEL: 'info' });
  ctx.apps.push(worker);
  await worker.waitForOutput('worker ready');

  // The store's request log keeps the last few thousand calls: it is read while the load runs.
  const adjustments = new Map<string, Adjustment>();
  const adjustmentsPath = `/stores/${storeHash}/v3/inventory/adjustments/absolute`;
  const collect = async () => {
    for (const call of await bigcommerce.requests({ method: 'PUT', path: adjustmentsPath })) {
      if (call.status >= 300) continue;
      const body = call.body as { items?: { sku?: string; quantity?: number }[] };
      adjustments.set(`${call.at}|${JSON.stringify(body)}`, {
        at: Date.parse(call.at),
        items: (body.items ?? []).flatMap((item) =>
          item.sku && typeof item.quantity === 'number'
            ? [{ sku: item.sku, quantity: item.quantity }]
            : [],
        ),
      });
    }
  };

  let sequence = 0;
  const run = async (rate: number, seconds: number, warmupSeconds = 0): Promise<StockFigures> => {
    const warmup = Math.round(rate * warmupSeconds);
    const total = warmup + Math.round(rate * seconds);
    const changes: Change[] = [];
    // One SKU's changes go out one after another, so its count at ShipHero only ever grows.
    const bySku = new Map<string, Promise<void>>();
    await bigcommerce.clearRequests();
    adjustments.clear();
    const started = performance.now();
    let collecting = true;
    const collector = (async () => {
      while (collecting) {
        // A missed read is made up by the next one; the final wait reads until it has them all.
        await collect().catch(() => undefined);
        await sleep(250);
      }
    })();
    try {
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const sku = skus[i % skus.length]!;
        const change: Change = {
          sku,
          onHand: START_ON_HAND + 1 + sequence++,
          at: 0,
          counted: i >= warmup,
        };
        changes.push(change);
        bySku.set(
          sku,
          (bySku.get(sku) ?? Promise.resolve()).then(async () => {
            change.at = Date.now();
            await shiphero.post(`/accounts/${warehouse.accountId}/stock`, {
              sku,
              onHand: change.onHand,
            });
          }),
        );
      }
      await Promise.all(bySku.values());

      const reached = await waitFor(
        async () => {
          await collect();
          const found = changes.map((change) => reachedAt(change, adjustments));
          return found.every((at) => at !== undefined) ? (found as number[]) : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 500, what: 'every stock change to reach the store' },
      ).catch((error: unknown) => {
        process.stderr.write(`\n${worker.output().slice(-3000)}\n`);
        throw error;
      });
      const first = Math.min(...changes.map((change) => change.at));
      const last = Math.max(...reached);
      const written = [...adjustments.values()];
      return {
        rate,
        skus: ctx.skus,
        changes: total,
        updatesPerSecond: total / ((last - first) / 1000),
        endToEndMs: changes.flatMap((change, i) =>
          change.counted ? [reached[i]! - change.at] : [],
        ),
        adjustments: written.length,
        levelsWritten: written.reduce((sum, adjustment) => sum + adjustment.items.length, 0),
      };
    } finally {
      collecting = false;
      await collector;
    }
  };

  return { run };
}

/** The first accepted adjustment that set the change's SKU to its count or a newer one. */
function reachedAt(change: Change, adjustments: Map<string, Adjustment>): number | undefined {
  let first: number | undefined;
  for (const adjustment of adjustments.values()) {
    if (first !== undefined && adjustment.at >= first) continue;
    const covers = adjustment.items.some(
      (item) => item.sku === change.sku && item.quantity >= change.onHand,
    );
    if (covers) first = adjustment.at;
  }
  return first;
}

export const stockRows = (figures: StockFigures, fmt: (n: number, d?: number) => string) => [
  `| stock changes at ShipHero → BigCommerce levels (${figures.changes} changes over ${figures.skus} SKUs, offered ${figures.rate}/s) | — | ${fmt(figures.updatesPerSecond, 0)} updates/s |`,
  `| stock change → store level set p50 / p99, steady state (ms) | — | ${fmt(percentile(figures.endToEndMs, 50))} / ${fmt(percentile(figures.endToEndMs, 99))} |`,
  `|   store adjustments accepted / levels written | — | ${figures.adjustments} / ${figures.levelsWritten} |`,
];
