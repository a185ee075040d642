import type { ProviderId } from '@shiplink/connectors';
import type { AfterShipTracking } from '@shiplink/connectors/aftership';
import { openCommercetoolsAccount } from '@shiplink/connectors/commercetools/simulator';
import { SIMULATORS } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import {
  fieldKey,
  orderDraft,
  parcelsOf,
  type CtOrderView,
} from '@shiplink/test-world/commercetools';
import { waitFor } from '@shiplink/testing';
import { mailsAbout, printMails, printTrackingLinks, type DemoMailbox } from './customer-view';
import { say } from './print';

const SENDER = 'tilaukset@nordictrail.example';

let serial = 0;
/** A UPS-shaped number (`1Z` + 16) that AfterShip's detection reads as UPS. */
const upsNumber = () =>
  `1ZCT${String(Date.now() % 1e10).padStart(10, '0')}${String(++serial).padStart(4, '0')}`;

/**
 * A third store on commercetools, tracked at AfterShip: the hub sets up its parcel Type and
 * Subscription, the merchant's Pub/Sub push subscription delivers the order messages, an order
 * with two deliveries gets two trackings, and as the parcels move their fields and the order's
 * shipment state follow; one parcel comes back to the merchant and shows as a return. The
 * customer hears of it by e-mail, in Finnish, and the order has its tracking page.
 */
export async function runCommercetoolsStory(ctx: {
  admin: AdminClient;
  simUrls: Record<ProviderId, string>;
  mailbox: DemoMailbox;
}): Promise<{ projectKey: string; orderId: string; links: string[] }> {
  const { admin, simUrls } = ctx;
  const commercetools = new SimulatorControl(simUrls.commercetools);
  const aftership = new SimulatorControl(simUrls.aftership);

  say.step('Connecting a commercetools project, tracked at AfterShip (Pub/Sub push, OIDC tokens)');
  const account = await openCommercetoolsAccount(simUrls.commercetools);
  const tracking = SIMULATORS.find((entry) => entry.provider === 'aftership');
  if (!tracking) throw new Error('no AfterShip simulator');
  const afterShipAccount = await tracking.openAccount(simUrls.aftership);
  const { storeId, connections } = await admin.connectAnyStore('Nordic Trail', [
    account,
    afterShipAccount,
  ]);
  const { projectKey } = account.credentials;
  say.ok(`commercetools project ${projectKey}: parcel Type and Subscription registered`);
  say.ok(`Pub/Sub ${account.topic} pushes to ${connections.commercetools?.webhookUrl}`);
  await admin.storeSettings(storeId, {
    notifications: { enabled: true, email: { from: SENDER } },
    trackingPage: {
      slug: 'nordic-trail',
      brand: { name: 'Nordic Trail', primaryColor: '#1f3a5f', accentColor: '#3d7cc9' },
      defaultLanguage: 'fi',
    },
  });
  say.ok('tracking page and tracking e-mails on for Nordic Trail');

  const orders = `/projects/${projectKey}/orders`;
  const order = await commercetools.post<CtOrderView>(
    orders,
    orderDraft({
      lines: [
        { sku: 'TRAIL-JACKET-M', name: 'Trail jacket', quantity: 1, centAmount: 18900 },
        { sku: 'WOOL-SOCKS', name: 'Wool socks', quantity: 2, centAmount: 1900 },
      ],
    }),
  );
  const [jacket, socks] = order.lineItems;
  if (!jacket || !socks) throw new Error('the demo order has two lines');
  say.ok(`order ${order.orderNumber} placed in commercetools`);
  const jacketParcel = upsNumber();
  const socksParcel = upsNumber();
  await commercetools.post(`${orders}/${order.id}/deliveries`, {
    items: [{ id: jacket.id, quantity: 1 }],
    parcels: [{ trackingId: jacketParcel, carrier: 'UPS' }],
  });
  await commercetools.post(`${orders}/${order.id}/deliveries`, {
    items: [{ id: socks.id, quantity: 2 }],
    parcels: [{ trackingId: socksParcel, carrier: 'United Parcel Service' }],
  });
  say.ok(`two deliveries added in the back office: ${jacketParcel}, ${socksParcel}`);

  const trackings = async () =>
    (await aftership.get<{ tracking: AfterShipTracking }[]>('/trackings')).map(
      (row) => row.tracking,
    );
  const registered = (number: string) =>
    waitFor(async () => (await trackings()).find((t) => t.tracking_number === number), {
      what: `the AfterShip tracking of ${number}`,
      timeoutMs: 30_000,
    });
  const [first, second] = [await registered(jacketParcel), await registered(socksParcel)];
  say.ok(
    `AfterShip trackings ${first.tracking_number} and ${second.tracking_number} (${first.slug}), order ${first.order_number}`,
  );

  const scan = (id: string, subtag: string, message: string) =>
    aftership.post(`/trackings/${id}/scan`, {
      subtag,
      message,
      city: 'Vantaa',
      country_region: 'FIN',
    });
  await scan(first.id, 'InTransit_001', 'Departed sorting centre');
  await scan(second.id, 'InTransit_001', 'Departed sorting centre');
  await scan(first.id, 'OutForDelivery_001', 'Out for delivery');
  await scan(first.id, 'Delivered_001', 'Delivered to the front door');
  await scan(second.id, 'Exception_010', 'Refused by the recipient, returning to sender');
  await scan(second.id, 'Exception_011', 'Returned to sender');

  const settled = await waitFor(
    async () => {
      const current = await commercetools.get<CtOrderView>(`${orders}/${order.id}`);
      const statuses = parcelsOf(current).map((p) => fieldKey(p.custom?.fields.shiplinkStatus));
      return statuses.includes('delivered') &&
        statuses.includes('returned') &&
        (current.returnInfo ?? []).length > 0
        ? current
        : undefined;
    },
    { what: 'the parcels written back', timeoutMs: 30_000 },
  );
  say.table([
    ['parcel', 'shiplinkStatus', 'shiplinkLastEvent'],
    ...parcelsOf(settled).map((parcel) => [
      parcel.trackingData?.trackingId ?? '',
      String(fieldKey(parcel.custom?.fields.shiplinkStatus) ?? ''),
      String(parcel.custom?.fields.shiplinkLastEvent ?? ''),
    ]),
  ]);
  say.ok(
    `order shipmentState ${settled.shipmentState}; return of ${settled.returnInfo?.[0]?.returnTrackingId} recorded on the order`,
  );

  say.step('What the customer sees: tracking e-mails and the order’s tracking page');
  const orderNumbers = [order.orderNumber ?? order.id];
  printMails(await mailsAbout(ctx.mailbox, { from: SENDER, orderNumbers, atLeast: 2 }));
  const links = await printTrackingLinks(admin, storeId, orderNumbers);
  return { projectKey, orderId: order.id, links };
}
