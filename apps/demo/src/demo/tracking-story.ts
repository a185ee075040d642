import type { SimulatorControl } from '@shiplink/connectors/testing';
import { waitFor } from '@shiplink/testing';
import type { AdminClient, TimelineView } from '@shiplink/test-world/admin-client';
import { mailsAbout, printMails, printTrackingLinks, type DemoMailbox } from './customer-view';
import { say } from './print';

const SENDER = 'orders@trailhead.example';

/** The demo store's settings: its tracking e-mails on, its tracking page in its colours. */
export const TRAILHEAD_SETTINGS = {
  notifications: { enabled: true, email: { from: SENDER } },
  trackingPage: {
    slug: 'trailhead',
    brand: {
      name: 'Trailhead Outfitters',
      primaryColor: '#2f5233',
      accentColor: '#b85c00',
      supportEmail: 'help@trailhead.example',
    },
  },
};

interface SimTracking {
  id: string;
  tracking_number: string;
  slug: string;
}

/** What the carriers do to each parcel: most arrive, one is refused, one goes back. */
type Scan = {
  subtag: string;
  message: string;
  city: string;
  state: string;
  country_region: string;
};
const at = (city: string, state: string) => ({ city, state, country_region: 'USA' });
const EXCEPTION: Scan[] = [
  {
    subtag: 'InfoReceived_001',
    message: 'Shipment information sent to FedEx',
    ...at('Austin', 'TX'),
  },
  { subtag: 'InTransit_002', message: 'Picked up', ...at('Austin', 'TX') },
  { subtag: 'InTransit_007', message: 'Departed FedEx location', ...at('Austin', 'TX') },
  { subtag: 'InTransit_003', message: 'Arrived at FedEx location', ...at('Dallas', 'TX') },
  { subtag: 'OutForDelivery_001', message: 'On FedEx vehicle for delivery', ...at('Dallas', 'TX') },
  { subtag: 'Exception_003', message: 'Delivery refused by the recipient', ...at('Dallas', 'TX') },
];
const RETURN: Scan[] = [
  {
    subtag: 'InfoReceived_001',
    message: 'Shipment information sent to FedEx',
    ...at('Austin', 'TX'),
  },
  { subtag: 'InTransit_002', message: 'Picked up', ...at('Austin', 'TX') },
  { subtag: 'InTransit_001', message: 'In transit', ...at('Houston', 'TX') },
  {
    subtag: 'AttemptFail_002',
    message: 'Customer not available or business closed',
    ...at('Houston', 'TX'),
  },
  { subtag: 'AttemptFail_001', message: 'Delivery attempt failed', ...at('Houston', 'TX') },
  { subtag: 'Exception_010', message: 'Returning package to shipper', ...at('Houston', 'TX') },
  { subtag: 'Exception_011', message: 'Delivered to shipper', ...at('Austin', 'TX') },
];

/**
 * Tracking: every shipment written back got one AfterShip tracking; the carriers move them, the
 * signed webhooks come back through the ingress, and each order ends with one normalized timeline.
 * The customers hear of each moment by e-mail, and each order has its tracking page.
 */
export async function runTrackingStory(world: {
  admin: AdminClient;
  aftership: SimulatorControl;
  bigcommerce: SimulatorControl;
  storeHash: string;
  storeId: string;
  mailbox: DemoMailbox;
  orders: { multi: number; split: number; extra: number };
}): Promise<{ links: string[] }> {
  const { admin, aftership, bigcommerce, storeHash, orders } = world;
  await admin.storeSettings(world.storeId, TRAILHEAD_SETTINGS);
  say.ok('tracking page and tracking e-mails on for Trailhead Outfitters');
  say.step('Every shipment gets one AfterShip tracking (worker-tracking, carrier → courier slug)');
  const expected = 4;
  const trackings = await waitFor(
    async () => {
      const all = (await aftership.get<{ tracking: SimTracking }[]>('/trackings')).map(
        (r) => r.tracking,
      );
      return all.length >= expected ? all : undefined;
    },
    { timeoutMs: 60_000, what: 'four AfterShip trackings' },
  );
  say.table([['tracking number', 'courier'], ...trackings.map((t) => [t.tracking_number, t.slug])]);

  const numbers = async (orderId: number) =>
    (
      await bigcommerce.get<{ shipments: { tracking_number: string; tracking_carrier: string }[] }>(
        `/stores/${storeHash}/orders/${orderId}`,
      )
    ).shipments;
  const trackingOf = (number: string) => trackings.find((t) => t.tracking_number === number)!;
  const splitParcels = await numbers(orders.split);
  const refused = splitParcels.find((s) => s.tracking_carrier === 'fedex')!.tracking_number;
  const returned = (await numbers(orders.extra))[0]!.tracking_number;

  say.step('The carriers scan the parcels (AfterShip → signed tracking_update webhooks → ingress)');
  for (const tracking of trackings) {
    if (tracking.tracking_number === refused || tracking.tracking_number === returned) continue;
    await aftership.post(`/trackings/${tracking.id}/run`);
  }
  for (const scan of EXCEPTION)
    await aftership.post(`/trackings/${trackingOf(refused).id}/scan`, scan);
  for (const scan of RETURN)
    await aftership.post(`/trackings/${trackingOf(returned).id}/scan`, scan);
  say.ok('every parcel scanned to its last event');

  const settled = async (orderId: number, statuses: string[]) =>
    waitFor(
      async () => {
        const view = await admin.timeline(String(orderId)).catch(() => undefined);
        const current = view?.shipments.map((s) => s.status).sort() ?? [];
        return JSON.stringify(current) === JSON.stringify([...statuses].sort()) ? view : undefined;
      },
      { timeoutMs: 60_000, what: `order ${orderId} tracking to settle` },
    );

  for (const [orderId, statuses] of [
    [orders.multi, ['delivered']],
    [orders.split, ['delivered', 'exception']],
    [orders.extra, ['returned']],
  ] as const) {
    printTimeline(await settled(orderId, [...statuses]));
  }

  say.step('What the merchant sees in BigCommerce');
  for (const orderId of [orders.multi, orders.split, orders.extra]) {
    const view = await waitFor(
      async () => {
        const o = await bigcommerce.get<{
          order: { status: string; status_id: number; staff_notes: string };
        }>(`/stores/${storeHash}/orders/${orderId}`);
        const done =
          orderId === orders.multi
            ? o.order.status_id === 10
            : o.order.staff_notes.includes('[Shiplink]');
        return done ? o : undefined;
      },
      { timeoutMs: 30_000, what: `the store write-back on #${orderId}` },
    );
    const notes = view.order.staff_notes.split('\n').filter((line) => line.includes('[Shiplink]'));
    say.info(
      `#${orderId}: ${view.order.status}${notes.length ? ` — staff notes: ${notes.join(' | ')}` : ''}`,
    );
  }

  say.step('What the customers see: tracking e-mails and each order’s tracking page');
  const orderNumbers = [orders.multi, orders.split, orders.extra].map(String);
  printMails(await mailsAbout(world.mailbox, { from: SENDER, orderNumbers, atLeast: 3 }));
  return { links: await printTrackingLinks(admin, world.storeId, orderNumbers) };
}

function printTimeline(view: TimelineView): void {
  say.info('');
  say.info(`order #${view.orderNumber} (scan times are the carrier's local times)`);
  for (const parcel of view.shipments) {
    say.info(
      `  ${parcel.carrier ?? '?'} ${parcel.trackingNumber ?? ''} — ${parcel.status} (${parcel.bucket})${parcel.actionRequired ? ', action required' : ''}`,
    );
    for (const point of parcel.checkpoints) {
      say.dim(
        `    ${point.occurredAt.replace('T', ' ').slice(0, 19)}  ${point.status.padEnd(20)} ${point.message ?? ''}${point.location ? ` — ${point.location}` : ''}`,
      );
    }
    for (const anomaly of parcel.anomalies)
      say.dim(`    anomaly: ${anomaly.kind} ${anomaly.detail}`);
  }
}
