import type { AdminClient } from '@shiplink/test-world/admin-client';
import { type AppProcess } from '@shiplink/testing';
import { findCapacity, type Capacity, type RampOptions } from './capacity';
import { answeredRun, closedLoop, openLoop, percentile, type LoadResult } from './load';
import { startHubApp } from './hub-apps';

export interface TrackingPageFigures {
  page: LoadResult;
  /** Pages a second served by their link with p99 within the page's limit. */
  capacity: Capacity;
  lookup: LoadResult;
}

/**
 * The customer tracking page as its own process: an order's page opened by its link (the order's
 * parcels cached for the app's `PAGE_CACHE_MS`, as when many customers refresh), closed loop;
 * and lookups by order number and e-mail, each one checked against the database and the limits.
 */
export async function runTrackingPagePhase(ctx: {
  env: Record<string, string>;
  admin: AdminClient;
  apps: AppProcess[];
  port: number;
  storeId: string;
  orderNumber: string;
  email: string;
  connections: number;
  durationMs: number;
  ramp: RampOptions;
}): Promise<TrackingPageFigures> {
  const running = startHubApp('tracking-page', {
    ...ctx.env,
    PORT: String(ctx.port),
    LOG_LEVEL: 'info',
    // Lookups are what the limits are for; the benchmark asks from one address.
    LOOKUPS_PER_CLIENT: '100000000',
    LOOKUPS_PER_ORDER: '100000000',
  });
  ctx.apps.push(running);
  await running.waitForOutput('tracking page listening');
  const { data } = await ctx.admin.http.post<{ url: string }>(
    `/stores/${ctx.storeId}/orders/${ctx.orderNumber}/tracking-link`,
  );
  const path = new URL(data.url).pathname;
  const get = () => ({ path, headers: {}, body: '', method: 'GET' as const });
  await closedLoop(ctx.port, get, { connections: 2, durationMs: 300 });
  const page = await closedLoop(ctx.port, get, ctx);
  const capacity = await findCapacity(
    async (rate, seconds) =>
      answeredRun(await openLoop(ctx.port, get, { rate, durationMs: seconds * 1000 })),
    ctx.ramp,
  );
  await ctx.admin.http.put(`/stores/${ctx.storeId}/settings`, {
    trackingPage: { slug: 'bench-sauna' },
  });
  const form = {
    path: '/s/bench-sauna/lookup',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ orderNumber: ctx.orderNumber, contact: ctx.email }).toString(),
  };
  // A lookup that finds the order answers 303 to its link: make sure this one does.
  const probe = await fetch(`http://127.0.0.1:${ctx.port}${form.path}`, {
    method: 'POST',
    headers: form.headers,
    body: form.body,
    redirect: 'manual',
  });
  if (probe.status !== 303) throw new Error(`the benchmark's lookup answered ${probe.status}`);
  const lookup = await closedLoop(ctx.port, () => form, ctx);
  return { page, capacity, lookup };
}

export function trackingPageRows(
  figures: TrackingPageFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  const row = (label: string, run: LoadResult) =>
    `| ${label} (${fmt(run.sent, 0)} requests) | — | ${fmt(run.sent / run.seconds, 0)}/s; p50 / p99 ${fmt(percentile(run.latenciesMs, 50), 1)} / ${fmt(percentile(run.latenciesMs, 99), 1)} ms |`;
  return [
    row('tracking page, an order of 1 parcel by its link, closed loop', figures.page),
    row('tracking page lookups by order number and e-mail (303 to the link)', figures.lookup),
  ];
}
