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
  /** Parcels whose events were stored in an order other than the one they were sent in. */
  reordered: number;
}

interface SimTracking {
  id: string;
  tracking_number: string;
  slug: string;
  [field: string]: unknown;
}

export interface TrackingBench {
  parcels: number;
  /** Events at `rate` a second for `seconds` (after `warmupSeconds` left out), round the parcels. */
  run(rate: number, seconds: number, warmupSeconds?: number): Promise<TrackingFigures>;
  close(): Promise<void>;
}

/**
 * Tracking events through the whole path: signed AfterShip webhooks at the ingress → inbox →
 * tracking queue → worker-tracking → stored, deduplicated checkpoints and current status. Each
 * event carries the parcel's recent checkpoints again, as AfterShip does.
 */
export async function prepareTrackingPhase(ctx: {
  env: Record<string, string>;
  databaseUrl: string;
  admin: AdminClient;
  storeId: string;
  /** The store whose exported orders are shipped (the bare pipeline's are not the hub's). */
  storeHash: string;
  shipstation: SimulatorControl;
  aftership: SimulatorControl;
  /** The store's AfterShip account, opened but not yet connected. */
  account: AfterShipSimAccount;
  apps: AppProcess[];
  parcels: number;
}): Promise<TrackingBench> {
  const { aftership: connection } = await ctx.admin.connectAccounts(ctx.storeId, [ctx.account]);
  if (!connection) throw new Error('AfterShip was not connected');
  for (const app of ['worker-shipments', 'worker-tracking']) {
    const running = startHubApp(app, { ...ctx.env, LOG_LEVEL: 'info' });
    ctx.apps.push(running);
    await running.waitForOutput('worker ready');
  }
  // Parcels to track: ship some of the store's exported orders, let the hub register them.
  const ours = `bc-${ctx.storeHash}-`;
  const orders = (
    await ctx.shipstation.get<{ orderId: number; orderStatus: string; orderKey: string }[]>(
      '/orders',
    )
  )
    .filter((o) => o.orderStatus === 'awaiting_shipment' && o.orderKey.startsWith(ours))
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

  const history = new Map<string, unknown[]>();
  const base = Date.now() - 3_600_000;
  let sequence = 0;
  const db = createDb(ctx.databaseUrl);
  const run = async (rate: number, seconds: number, warmupSeconds = 0) => {
    const runPrefix = `bench-${Date.now().toString(36)}-`;
    const warmup = Math.round(rate * warmupSeconds);
    const total = warmup + Math.round(rate * seconds);
    const sentAt = new Map<string, number>();
    const parcelOf = new Map<string, string>();
    const ack: number[] = [];
    const sending: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const tracking = trackings[i % trackings.length]!;
      const marker = `${runPrefix}${i}`;
      const checkpoints = [
        ...(history.get(tracking.id) ?? []),
        {
          slug: tracking.slug,
          checkpoint_time: new Date(base + sequence++ * 1_000).toISOString(),
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
      parcelOf.set(marker, tracking.id);
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
    const stored = await waitFor(
      async () => {
        const rows = await db.trackingCheckpoint.findMany({
          where: { message: { startsWith: runPrefix } },
          select: { message: true, recordedAt: true },
        });
        return rows.length >= total ? rows : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 250, what: 'every tracking event to be stored' },
    );
    const index = (row: { message: string | null }) => Number(row.message!.slice(runPrefix.length));
    const endToEnd = stored
      .filter((row) => index(row) >= warmup)
      .map((row) => row.recordedAt.getTime() - sentAt.get(row.message!)!);
    // Per parcel, stored in the order sent: each one's events sorted by when they were stored.
    const byParcel = new Map<string, { i: number; at: number }[]>();
    for (const row of stored) {
      const parcel = parcelOf.get(row.message!)!;
      byParcel.set(parcel, [
        ...(byParcel.get(parcel) ?? []),
        { i: index(row), at: row.recordedAt.getTime() },
      ]);
    }
    const reordered = [...byParcel.values()].filter((events) =>
      events
        .sort((a, b) => a.at - b.at || a.i - b.i)
        .some((event, k) => k > 0 && event.i < events[k - 1]!.i),
    ).length;
    const first = Math.min(...sentAt.values());
    const last = Math.max(...stored.map((row) => row.recordedAt.getTime()));
    return {
      events: total,
      eventsPerSecond: total / ((last - first) / 1000),
      ackMs: ack,
      endToEndMs: endToEnd,
      reordered,
    };
  };
  return { parcels: trackings.length, run, close: () => db.$disconnect() };
}

export const trackingRows = (
  figures: TrackingFigures,
  parcels: number,
  fmt: (n: number, d?: number) => string,
) => [
  `| tracking events → stored timeline (${figures.events} events round ${parcels} parcels) | — | ${fmt(figures.eventsPerSecond, 0)} events/s; ${figures.reordered} parcels stored out of the order sent |`,
  `| tracking webhook ack p50 / p99 (ms) | — | ${fmt(percentile(figures.ackMs, 50))} / ${fmt(percentile(figures.ackMs, 99))} |`,
  `| tracking event → stored checkpoint p50 / p99, steady state (ms) | — | ${fmt(percentile(figures.endToEndMs, 50))} / ${fmt(percentile(figures.endToEndMs, 99))} |`,
];
