import { randomUUID } from 'node:crypto';
import { signAfterShipWebhook } from '@shiplink/connectors/aftership';
import type { AfterShipSimAccount } from '@shiplink/connectors/aftership/simulator';
import type { SimulatorControl } from '@shiplink/connectors/testing';
import { createDb } from '@shiplink/db';
import { waitFor, type AppProcess } from '@shiplink/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { percentile } from './load';
import { startHubApp } from './hub-apps';

export interface TrackingFigures {
  events: number;
  eventsPerSecond: number;
  ackMs: number[];
  endToEndMs: number[];
}

interface SimTracking {
  id: string;
  tracking_number: string;
  slug: string;
  [field: string]: unknown;
}

/**
 * Tracking events through the whole path: signed AfterShip webhooks at the ingress → inbox →
 * tracking queue → worker-tracking → stored, deduplicated checkpoints and current status. Each
 * event carries the parcel's recent checkpoints again, as AfterShip does.
 */
export async function runTrackingPhase(ctx: {
  env: Record<string, string>;
  databaseUrl: string;
  admin: AdminClient;
  storeId: string;
  shipstation: SimulatorControl;
  aftership: SimulatorControl;
  /** The store's AfterShip account, opened but not yet connected. */
  account: AfterShipSimAccount;
  apps: AppProcess[];
  rate: number;
  /** Events sent first whose latencies are left out (the tracking worker's cold start). */
  warmupSeconds: number;
  seconds: number;
  parcels: number;
}): Promise<TrackingFigures> {
  const { aftership: connection } = await ctx.admin.connectAccounts(ctx.storeId, [ctx.account]);
  if (!connection) throw new Error('AfterShip was not connected');
  for (const app of ['worker-shipments', 'worker-tracking']) {
    const running = startHubApp(app, { ...ctx.env, LOG_LEVEL: 'info' });
    ctx.apps.push(running);
    await running.waitForOutput('worker ready');
  }
  // Parcels to track: ship some of the exported orders, let the hub register them.
  const orders = (await ctx.shipstation.get<{ orderId: number; orderStatus: string }[]>('/orders'))
    .filter((o) => o.orderStatus === 'awaiting_shipment')
    .slice(0, ctx.parcels);
  for (const order of orders) {
    await ctx.shipstation.post(`/orders/${order.orderId}/ship`, {
      carrierCode: 'ups',
      serviceCode: 'ups_ground',
    });
  }
  const trackings = await waitFor(
    async () => {
      const all = (await ctx.aftership.get<{ tracking: SimTracking }[]>('/trackings')).map(
        (r) => r.tracking,
      );
      return all.length >= orders.length ? all : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 500, what: 'the parcels to be registered at AfterShip' },
  );

  const warmup = ctx.rate * ctx.warmupSeconds;
  const total = warmup + ctx.rate * ctx.seconds;
  const history = new Map<string, unknown[]>();
  const base = Date.now() - 3_600_000;
  const sentAt = new Map<string, number>();
  const ack: number[] = [];
  const sending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ctx.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const tracking = trackings[i % trackings.length]!;
    const marker = `bench-${i}`;
    const checkpoints = [
      ...(history.get(tracking.id) ?? []),
      {
        slug: tracking.slug,
        checkpoint_time: new Date(base + i * 1_000).toISOString(),
        created_at: new Date().toISOString(),
        message: marker,
        tag: 'InTransit',
        subtag: 'InTransit_001',
        subtag_message: 'In Transit',
        city: 'Memphis',
        state: 'TN',
        country_region: 'USA',
      },
    ].slice(-10);
    history.set(tracking.id, checkpoints);
    const body = JSON.stringify({
      event: 'tracking_update',
      event_id: randomUUID(),
      is_tracking_first_tag: false,
      msg: { ...tracking, tag: 'InTransit', subtag: 'InTransit_001', checkpoints },
      ts: Math.floor(Date.now() / 1000),
    });
    const t0 = performance.now();
    const counted = i >= warmup;
    sentAt.set(marker, Date.now());
    sending.push(
      fetch(connection.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'as-webhook-version': '2025-01',
          'aftership-hmac-sha256': signAfterShipWebhook(body, ctx.account.webhookSecret),
        },
        body,
      }).then(async (response) => {
        await response.arrayBuffer();
        if (counted) ack.push(performance.now() - t0);
      }),
    );
  }
  await Promise.all(sending);

  const db = createDb(ctx.databaseUrl);
  try {
    const stored = await waitFor(
      async () => {
        const rows = await db.trackingCheckpoint.findMany({
          where: { message: { startsWith: 'bench-' } },
          select: { message: true, recordedAt: true },
        });
        return rows.length >= total ? rows : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 500, what: 'every tracking event to be stored' },
    );
    const endToEnd = stored
      .filter((row) => Number(row.message!.slice('bench-'.length)) >= warmup)
      .map((row) => row.recordedAt.getTime() - sentAt.get(row.message!)!);
    const first = Math.min(...sentAt.values());
    const last = Math.max(...stored.map((row) => row.recordedAt.getTime()));
    return {
      events: total,
      eventsPerSecond: total / ((last - first) / 1000),
      ackMs: ack,
      endToEndMs: endToEnd,
    };
  } finally {
    await db.$disconnect();
  }
}

export const trackingRows = (figures: TrackingFigures, fmt: (n: number, d?: number) => string) => [
  `| tracking events → stored timeline (${figures.events} events) | — | ${fmt(figures.eventsPerSecond, 0)} events/s |`,
  `| tracking webhook ack p50 / p99 (ms) | — | ${fmt(percentile(figures.ackMs, 50))} / ${fmt(percentile(figures.ackMs, 99))} |`,
  `| tracking event → stored checkpoint p50 / p99, steady state (ms) | — | ${fmt(percentile(figures.endToEndMs, 50))} / ${fmt(percentile(figures.endToEndMs, 99))} |`,
];
