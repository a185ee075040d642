import { PROVIDER_IDS, type ProviderId } from '@shiplink/connectors';
import { SHIPSTATION_DEFAULT_BUDGET } from '@shiplink/connectors/shipstation';
import { simulatorEnvVar } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { openAccounts } from '@shiplink/test-world/sandbox';
import { freePort, type AppProcess } from '@shiplink/testing';
import type { Pool } from 'pg';
import { startHubApp } from './hub-apps';
import { hubArrivals, runOrdersPhase } from './orders-phase';

export interface SharedLimitFigures {
  orders: number;
  workers: number;
  /** ShipStation's published quota, which its simulator enforces here. */
  quota: { limit: number; windowMs: number };
  /** The slowest order: placed (all within a second) → exported. */
  seconds: number;
  /** ShipStation calls answered 429 while they ran, of all calls. */
  refused: number;
  calls: number;
}

/**
 * The workers' budget is one: a store whose ShipStation account keeps its published quota
 * (40 calls a minute, in a simulators process of its own), sent more orders at once than one
 * window allows while every worker process of the orders queue runs. Shared, the processes pace
 * themselves to the window and ShipStation refuses next to nothing; counted apart, each would
 * spend the whole quota and draw a 429 per call over it.
 */
export async function runSharedLimitPhase(ctx: {
  env: Record<string, string>;
  admin: AdminClient;
  apps: AppProcess[];
  pool: Pool;
  workers: number[];
  orders: number;
}): Promise<SharedLimitFigures> {
  const ports = {} as Record<ProviderId, number>;
  for (const provider of PROVIDER_IDS) ports[provider] = await freePort();
  // The hub's environment lifts every quota: this process keeps the published ones.
  const published = Object.fromEntries(
    Object.entries(ctx.env).filter(([name]) => !name.endsWith('_SIM_QUOTA')),
  );
  const simulators = startHubApp('simulators', {
    ...published,
    LOG_LEVEL: 'info',
    ...Object.fromEntries(
      PROVIDER_IDS.map((provider) => [simulatorEnvVar(provider, 'PORT'), String(ports[provider])]),
    ),
    // The store's own quota is not what is measured here.
    [simulatorEnvVar('bigcommerce', 'QUOTA')]: '10000000',
  });
  ctx.apps.push(simulators);
  await simulators.waitForOutput('simulators listening');
  const urls = Object.fromEntries(
    PROVIDER_IDS.map((provider) => [provider, `http://127.0.0.1:${ports[provider]}`]),
  ) as Record<ProviderId, string>;
  const accounts = await openAccounts(urls, { providers: ['shipstation'] });
  await ctx.admin.connectStore('Bench Quota Store', accounts.list);
  const shipstation = new SimulatorControl(urls.shipstation);
  await shipstation.clearRequests();
  const run = await runOrdersPhase({
    workers: ctx.workers,
    bigcommerce: new SimulatorControl(urls.bigcommerce),
    storeHash: accounts.storeRef,
    arrivals: hubArrivals(ctx.pool),
    rate: ctx.orders,
    seconds: 1,
    warmupSeconds: 0,
  });
  const calls = await shipstation.requests();
  await simulators.stop('SIGTERM');
  return {
    orders: run.e2e.length,
    workers: ctx.workers.length,
    quota: SHIPSTATION_DEFAULT_BUDGET,
    seconds: Math.max(...run.e2e) / 1000,
    refused: calls.filter((call) => call.status === 429).length,
    calls: calls.length,
  };
}

export const sharedLimitRows = (
  figures: SharedLimitFigures,
  fmt: (n: number, d?: number) => string,
) => [
  `| shared ShipStation budget: ${figures.orders} orders at once, ${figures.workers} worker-orders processes, quota ${figures.quota.limit} calls per ${figures.quota.windowMs / 1000} s | — | all exported in ${fmt(figures.seconds)} s; ${figures.refused} of ${figures.calls} calls answered 429 |`,
];
