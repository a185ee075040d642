import type { ProviderId } from '@shiplink/connectors';
import {
  AFTERSHIP_ENDPOINT_LIMITS,
  AFTERSHIP_SUBTAG_MAP,
  type AfterShipTracking,
} from '@shiplink/connectors/aftership';
import { openCommercetoolsAccount } from '@shiplink/connectors/commercetools/simulator';
import { SIMULATORS } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { createRedis, JobProducer } from '@shiplink/jobs';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { orderDraft, parcelsOf, type CtOrderView } from '@shiplink/test-world/commercetools';
import { sleep, waitFor, type AppProcess } from '@shiplink/testing';
import { percentile } from './load';
import { startHubApp } from './hub-apps';

export interface CommercetoolsPhaseContext {
  /** The hub's environment; the workers this flow needs are started on it if not running yet. */
  env: Record<string, string>;
  admin: AdminClient;
  simUrls: Record<ProviderId, string>;
  apps: AppProcess[];
}

export interface CommercetoolsRun {
  /** Scans offered per second, over the parcels in turn. */
  rate: number;
  /** Scans sent first whose latencies are left out (cold worker paths, the store's first token). */
  warmupSeconds: number;
  seconds: number;
  /** Parcels, two to an order (raised so that no parcel needs more scans than JOURNEY has). */
  parcels: number;
}

export interface CommercetoolsFigures {
  rate: number;
  orders: number;
  parcels: number;
  events: number;
  /** Scans reflected in commercetools per second, from the first scan to the last field write. */
  eventsPerSecond: number;
  /** Scan posted → the parcel's `shiplinkStatus` set to it (or a later one), steady state. */
  endToEndMs: number[];
  /** Parcel status writes in successful updates, and how many repeated a (parcel, status). */
  statusWrites: number;
  duplicates: number;
  /** Scans whose status was never written (a later one was, before it got its turn). */
  skipped: number;
  /** Order update requests the hub sent during the run, and how many commercetools refused. */
  updates: number;
  refused: number;
  retries: number;
  deadLetters: number;
}

/**
 * The statuses a parcel passes, each once, in order: every scan is a status move. (A status the
 * parcel came back to would not be written again: write-back jobs are keyed by tracking and
 * status, and a completed one is kept for a day.)
 */
const JOURNEY = [
  'InfoReceived_001',
  'InTransit_002',
  'InTransit_001',
  'Exception_004',
  'Exception_006',
  'Exception_001',
  'OutForDelivery_001',
  'AttemptFail_001',
  'AvailableForPickup_001',
  'Delivered_001',
  'Exception_010',
  'Exception_011',
] as const satisfies (keyof typeof AFTERSHIP_SUBTAG_MAP)[];
const STATUSES: string[] = JOURNEY.map((subtag) => AFTERSHIP_SUBTAG_MAP[subtag].status);

interface Parcel {
  orderId: string;
  parcelId: string;
  trackingNumber: string;
  trackingId: string;
  /** When each scan was posted, by step. */
  postedAt: number[];
}

interface StatusWrite {
  parcelId: string;
  status: string;
  at: number;
}

/**
 * AfterShip events through to commercetools, in a store of its own: a commercetools project
 * tracked at AfterShip, orders with two deliveries of one parcel each added in the back office,
 * the hub registers each parcel at AfterShip (not timed). Then scans are posted to the AfterShip
 * simulator at a fixed offered rate, each a signed `tracking_update` to the ingress → tracking
 * queue → worker-tracking → write-back → an order update setting the parcel's custom fields and
 * the order's shipment state. The simulator records every update request with its time, so a
 * scan is visible in commercetools at the first successful update setting its parcel's
 * `shiplinkStatus` to its status or a later one of the journey.
 */
export async function prepareCommercetoolsPhase(
  ctx: CommercetoolsPhaseContext,
): Promise<(run: CommercetoolsRun) => Promise<CommercetoolsFigures>> {
  const commercetools = new SimulatorControl(ctx.simUrls.commercetools);
  const aftership = new SimulatorControl(ctx.simUrls.aftership);
  for (const app of ['worker-orders', 'worker-shipments', 'worker-tracking', 'worker-returns']) {
    if (ctx.apps.some((running) => running.app === app)) continue;
    const running = startHubApp(app, { ...ctx.env, LOG_LEVEL: 'info' });
    ctx.apps.push(running);
    await running.waitForOutput('worker ready');
  }
  // Quotas lifted, as for the other simulators; and the scans go to this store's webhook only
  // (the earlier phases' AfterShip endpoint is done with: their events were posted directly).
  await aftership.post(
    '/rate-limits',
    Object.fromEntries(Object.keys(AFTERSHIP_ENDPOINT_LIMITS).map((key) => [key, 10_000_000])),
  );
  await aftership.delete('/webhook-endpoints');
  const account = await openCommercetoolsAccount(ctx.simUrls.commercetools);
  const tracker = SIMULATORS.find((entry) => entry.provider === 'aftership');
  if (!tracker) throw new Error('no AfterShip simulator');
  await ctx.admin.connectAnyStore('Bench commercetools Store', [
    account,
    await tracker.openAccount(ctx.simUrls.aftership),
  ]);
  // Each run tracks parcels of its own, so every scan of it is a status move.
  let nextParcel = 0;
  return (run) =>
    scanParcels(ctx, run, {
      commercetools,
      aftership,
      account,
      first: () => nextParcel,
      placed: (n) => (nextParcel += n),
    });
}

async function scanParcels(
  ctx: CommercetoolsPhaseContext,
  run: CommercetoolsRun,
  store: {
    commercetools: SimulatorControl;
    aftership: SimulatorControl;
    account: Awaited<ReturnType<typeof openCommercetoolsAccount>>;
    first: () => number;
    placed: (parcels: number) => void;
  },
): Promise<CommercetoolsFigures> {
  const { commercetools, aftership, account } = store;
  const total = Math.round(run.rate * (run.warmupSeconds + run.seconds));
  const warmup = Math.round(run.rate * run.warmupSeconds);
  const orders = Math.ceil(Math.max(run.parcels, total / JOURNEY.length) / 2);
  const firstParcel = store.first();
  store.placed(2 * orders);
  const ordersPath = `/projects/${account.credentials.projectKey}/orders`;
  const placed = await Promise.all(
    Array.from({ length: orders }, async (_, o) => {
      const order = await commercetools.post<CtOrderView>(ordersPath, orderDraft());
      let shipped = order;
      for (const [l, line] of order.lineItems.entries()) {
        shipped = await commercetools.post<CtOrderView>(`${ordersPath}/${order.id}/deliveries`, {
          items: [{ id: line.id, quantity: line.quantity }],
          parcels: [{ trackingId: upsNumber(firstParcel + 2 * o + l), carrier: 'UPS' }],
        });
      }
      return parcelsOf(shipped).map((parcel) => ({
        orderId: order.id,
        parcelId: parcel.id,
        trackingNumber: parcel.trackingData!.trackingId!,
      }));
    }),
  );
  const numbers = new Set(placed.flat().map((parcel) => parcel.trackingNumber));
  const registered = await waitFor(
    async () => {
      const all = await aftership.get<{ tracking: AfterShipTracking }[]>('/trackings');
      const ours = all.filter((row) => numbers.has(row.tracking.tracking_number));
      return ours.length >= numbers.size
        ? new Map(ours.map((row) => [row.tracking.tracking_number, row.tracking.id]))
        : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 1_000, what: 'every parcel to be registered at AfterShip' },
  );
  const parcels: Parcel[] = placed.flat().map((parcel) => ({
    ...parcel,
    trackingId: registered.get(parcel.trackingNumber)!,
    postedAt: [],
  }));

  // One parcel's scans go out one after another, so its checkpoints come in journey order.
  const since = Date.now();
  const byParcel = new Map<Parcel, Promise<void>>();
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / run.rate - performance.now();
    if (wait > 0) await sleep(wait);
    const parcel = parcels[i % parcels.length]!;
    const step = Math.floor(i / parcels.length);
    byParcel.set(
      parcel,
      (byParcel.get(parcel) ?? Promise.resolve()).then(async () => {
        parcel.postedAt[step] = Date.now();
        await aftership.post(`/trackings/${parcel.trackingId}/scan`, {
          subtag: JOURNEY[step],
          message: `bench scan ${i}`,
          city: 'Vantaa',
          country_region: 'FIN',
        });
      }),
    );
  }
  await Promise.all(byParcel.values());

  const orderIds = [...new Set(parcels.map((parcel) => parcel.orderId))];
  const readUpdates = async () =>
    (
      await Promise.all(
        orderIds.map((id) => commercetools.get<RecordedUpdate[]>(`${ordersPath}/${id}/updates`)),
      )
    )
      .flat()
      .filter((update) => update.via === 'api' && Date.parse(update.at) >= since);
  const reached = await waitFor(
    async () => {
      const writes = (await readUpdates()).flatMap(statusWrites);
      const reached = parcels.map((parcel) => reachedAt(parcel, writes));
      return reached.flat().every((at) => at !== undefined) ? reached : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 1_000, what: 'every scan to reach commercetools' },
  );
  // Write-backs still queued would come after the last status: the count waits for them.
  const redis = createRedis(ctx.env.REDIS_URL!, 'producer');
  const tracking = new JobProducer(redis, ctx.env.QUEUE_PREFIX!).queue('tracking');
  await waitFor(
    async () => {
      const counts = await tracking.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0) || undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'the tracking queue to drain' },
  );
  await tracking.close();
  redis.disconnect();
  const updates = await readUpdates();
  const writes = updates.flatMap(statusWrites);
  const written = new Set(writes.map((write) => `${write.parcelId}|${write.status}`));
  const scans = parcels.flatMap((parcel, p) =>
    parcel.postedAt.map((at, step) => ({
      index: step * parcels.length + p,
      latency: reached[p]![step]! - at,
      skipped: !written.has(`${parcel.parcelId}|${STATUSES[step]}`),
    })),
  );
  const last = Math.max(...reached.flat().map(Number));
  const first = Math.min(...parcels.flatMap((parcel) => parcel.postedAt));
  return {
    rate: run.rate,
    orders,
    parcels: parcels.length,
    events: total,
    eventsPerSecond: total / ((last - first) / 1000),
    endToEndMs: scans.filter((scan) => scan.index >= warmup).map((scan) => scan.latency),
    statusWrites: writes.length,
    duplicates: writes.length - written.size,
    skipped: scans.filter((scan) => scan.skipped).length,
    updates: updates.length,
    refused: updates.filter((update) => update.status >= 300).length,
    retries: loggedSince(ctx.apps, 'job failed, will retry', since),
    deadLetters: loggedSince(ctx.apps, 'job dead-lettered', since),
  };
}

/** An update request as the commercetools simulator records it (`GET …/orders/:id/updates`). */
interface RecordedUpdate {
  at: string;
  via: 'api' | 'control' | 'concurrent';
  actions: {
    action?: string;
    parcelId?: string;
    name?: string;
    value?: unknown;
    fields?: object;
  }[];
  status: number;
}

/** Each parcel whose `shiplinkStatus` a successful update sets (a first one sets the Type too). */
function statusWrites(update: RecordedUpdate): StatusWrite[] {
  if (update.status >= 300) return [];
  return update.actions.flatMap((action) => {
    const status =
      action.action === 'setParcelCustomField' && action.name === 'shiplinkStatus'
        ? action.value
        : action.action === 'setParcelCustomType'
          ? (action.fields as { shiplinkStatus?: unknown } | undefined)?.shiplinkStatus
          : undefined;
    return typeof status === 'string' && action.parcelId
      ? [{ parcelId: action.parcelId, status, at: Date.parse(update.at) }]
      : [];
  });
}

/** Per scan of the parcel: the first write of its status or a later one in the journey. */
function reachedAt(parcel: Parcel, writes: StatusWrite[]): (number | undefined)[] {
  const ours = writes.filter((write) => write.parcelId === parcel.parcelId);
  return parcel.postedAt.map((_, step) => {
    const covering = ours.filter((write) => STATUSES.indexOf(write.status) >= step);
    return covering.length > 0 ? Math.min(...covering.map((write) => write.at)) : undefined;
  });
}

/** How many times the apps logged `message` since `sinceMs` (by each line's timestamp). */
export function loggedSince(apps: AppProcess[], message: string, sinceMs = 0): number {
  return apps
    .flatMap((app) => app.output().split('\n'))
    .filter((line) => line.includes(`"message":"${message}"`))
    .filter((line) => Date.parse(/"timestamp":"([^"]+)"/.exec(line)?.[1] ?? '') >= sinceMs).length;
}

/** A UPS-shaped number (`1Z` + 16) that AfterShip's detection reads as UPS. */
const upsNumber = (n: number) => `1ZBENCH${String(n).padStart(11, '0')}`;

export const commercetoolsRows = (
  figures: CommercetoolsFigures,
  fmt: (n: number, d?: number) => string,
) => [
  `| AfterShip events → commercetools parcel writes (${figures.events} scans over ${figures.parcels} parcels in ${figures.orders} orders, offered ${figures.rate}/s) | — | ${fmt(figures.eventsPerSecond, 0)} events/s |`,
  `| AfterShip scan → parcel field written p50 / p99, steady state (ms) | — | ${fmt(percentile(figures.endToEndMs, 50))} / ${fmt(percentile(figures.endToEndMs, 99))} |`,
  `|   parcel status writes / events (duplicates, moves never written) | — | ${figures.statusWrites} / ${figures.events} (${figures.duplicates}, ${figures.skipped}) |`,
  `|   order updates sent (refused) / job retries / dead letters | — | ${figures.updates} (${figures.refused}) / ${figures.retries} / ${figures.deadLetters} |`,
];
