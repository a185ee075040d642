import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderId } from '@shiplink/connectors';
import type { PostiSimAccount } from '@shiplink/connectors/posti/simulator';
import type { TwilioSimAccount } from '@shiplink/connectors/twilio/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import {
  finnishOrder,
  heavyLines,
  NORDIC_TRAIL_SENDER,
  type PostiShipmentView,
} from '@shiplink/test-world/finnish-store';
import { finnishRateRules } from '@shiplink/test-world/rates';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { waitFor } from '@shiplink/testing';
import { mailsAbout, printMails, printTrackingLinks, type DemoMailbox } from './customer-view';
import { say } from './print';

interface CheckoutQuote {
  elapsedMs: number;
  quotes: { code: string; display_name: string; cost: { currency: string; amount: number } }[];
  messages: { text: string }[];
}
interface StoreOrder {
  order: { id: number; status_id: number; status: string };
  shipments: { tracking_number: string; tracking_carrier: string; tracking_link?: string }[];
}

const eur = (amount: number) => `${amount.toFixed(2)} €`;
const SENDER = 'seuranta@saunasisu.example';

/**
 * A Finnish store that ships its own parcels with Posti: checkout asks the hub for prices (a
 * home address and the pickup points near it), an order in Awaiting Fulfillment becomes a
 * two-parcel Posti consignment with labels, the day's labels print as one PDF, and Posti's
 * signed callbacks carry the parcels to delivered on the store order.
 */
export async function runPostiStory(ctx: {
  admin: AdminClient;
  simUrls: Record<ProviderId, string>;
  logDir: string;
  mailbox: DemoMailbox;
}): Promise<{ storeId: string; orderNumbers: string[]; labelsPdf: string; links: string[] }> {
  const { admin, simUrls } = ctx;
  const bigcommerce = new SimulatorControl(simUrls.bigcommerce);
  const posti = new SimulatorControl(simUrls.posti);

  say.step('Connecting a Finnish store that ships with Posti (checkout rates, labels, tracking)');
  const accounts = await openAccounts(simUrls, {
    providers: ['posti', 'twilio'],
    storeRef: 'demostore4',
    settings: { bigcommerce: { weightUnit: 'kg' }, posti: { sender: NORDIC_TRAIL_SENDER } },
  });
  const account = accountOf<PostiSimAccount>(accounts, 'posti');
  const sms = accountOf<TwilioSimAccount>(accounts, 'twilio');
  if (!account || !sms) throw new Error('no Posti or Twilio account was opened');
  const storeHash = accounts.storeRef;
  const { storeId, connections } = await admin.connectAnyStore('Sauna & Sisu', accounts.list);
  say.ok(`Posti callbacks → ${connections.posti?.webhookUrl} (named in every shipment, 9901)`);
  say.ok(
    `Twilio texts from ${sms.phoneNumber}; status callbacks and STOP → ${connections.twilio?.webhookUrl}`,
  );
  await admin.http.put(`/stores/${storeId}/settings`, {
    trackingPage: {
      slug: 'sauna-sisu',
      brand: { name: 'Sauna & Sisu', primaryColor: '#0f5132', accentColor: '#1d7a4f' },
      defaultLanguage: 'fi',
    },
    notifications: {
      enabled: true,
      email: { from: SENDER },
      // Texts wait out 21:00–08:00 in the customer's time zone by default; the demo runs at any hour.
      sms: { quietHours: { start: '00:00', end: '00:00' } },
    },
  });
  say.ok('tracking page, e-mails and texts on (the demo runs its own SMTP server)');
  const templates = `/stores/${storeId}/notification-templates`;
  await admin.http.put(`${templates}/delivered/email/fi`, {
    subject: '{{store.name}}: tilaus {{order.number}} on perillä – kiitos!',
    by: 'demo',
  });
  const preview = await admin.http.post<{ subject: string }>(`${templates}/preview`, {
    trigger: 'delivered',
    channel: 'email',
    language: 'fi',
  });
  say.ok(
    `the store's own Finnish "delivered" subject saved; its preview: "${preview.data.subject}"`,
  );
  await admin.http.put(`/stores/${storeId}/rate-rules`, { rules: finnishRateRules(), by: 'demo' });
  const issued = await admin.http.post<{
    key: string;
    rateUrl: string;
    checkConnectionUrl: string;
  }>(`/stores/${storeId}/checkout-key`);
  await bigcommerce.put(`/stores/${storeHash}/shipping-carrier`, {
    code: 'shiplink-posti',
    displayName: 'Posti',
    rateUrl: issued.data.rateUrl,
    checkConnectionUrl: issued.data.checkConnectionUrl,
    connectionOptions: { key: issued.data.key },
    timeoutMs: 3_000,
  });
  say.ok(`rate rules v1 saved; BigCommerce calls ${issued.data.rateUrl}`);

  say.step('Checkout: the shopper enters a Helsinki address');
  const checkout = await bigcommerce.post<CheckoutQuote>(`/stores/${storeHash}/checkout/quote`, {
    destination: {
      zip: '00100',
      city: 'Helsinki',
      country_iso2: 'FI',
      address_type: 'residential',
    },
    items: [{ sku: 'KETTLEBELL-8', quantity: 1, weight: { units: 'kg', value: 8 } }],
    fresh: true,
  });
  say.table([
    ['code', 'shown as', 'price'],
    ...checkout.quotes.map((q) => [q.code, q.display_name, eur(q.cost.amount)]),
  ]);
  say.ok(`answered in ${checkout.elapsedMs} ms`);
  const pickup = checkout.quotes.find((q) => q.code.startsWith('posti-pickup:'));

  say.step('Orders reach Awaiting Fulfillment: the hub makes the Posti shipments');
  const place = async (order: object) =>
    (await bigcommerce.post<{ order: { id: number } }>(`/stores/${storeHash}/orders`, order)).order
      .id;
  const heavy = await place(finnishOrder({ lines: heavyLines() }));
  const pointId = pickup?.code.split(':')[1];
  const toPoint = await place(
    finnishOrder({
      shipTo: [
        {
          ...finnishOrder().billing,
          method: pickup?.display_name ?? 'Postipaketti noutopisteeseen',
          ...(pointId ? { formFields: { 'Pickup point': pointId } } : {}),
          lines: [{ sku: 'MUG', name: 'Enamel mug', quantity: 2, price: '14.00', weight: 0.3 }],
        },
      ],
      lines: [],
    }),
  );
  const consignments = async () =>
    posti.get<PostiShipmentView[]>(`/accounts/${account.credentials.apiKey}/shipments`);
  const storeOrder = (id: number) =>
    bigcommerce.get<StoreOrder>(`/stores/${storeHash}/orders/${id}`);
  const shipped = async (id: number, parcels: number) =>
    waitFor(
      async () => {
        const view = await storeOrder(id);
        return view.shipments.length >= parcels ? view : undefined;
      },
      { what: `the Posti parcels of order ${id} on the store order`, timeoutMs: 30_000 },
    );
  const [heavyView, pointView] = [await shipped(heavy, 2), await shipped(toPoint, 1)];
  const sent = await consignments();
  const of = (id: number) => sent.find((s) => s.reference === String(id));
  say.table([
    ['order', 'Posti product', 'parcels', 'tracking', 'services'],
    ...[heavy, toPoint].map((id) => {
      const c = of(id);
      return [
        String(id),
        c?.product ?? '',
        String(c?.parcels.length ?? 0),
        (c?.trackingCodes ?? []).join(', '),
        (c?.additionalServices ?? []).map((s) => s.serviceCode).join(' '),
      ];
    }),
  ]);
  say.ok(
    `store shipments: ${[...heavyView.shipments, ...pointView.shipments]
      .map((s) => `${s.tracking_carrier} ${s.tracking_number}`)
      .join(', ')}`,
  );
  if (of(toPoint)?.pickupPointId)
    say.ok(`order ${toPoint} goes to pickup point ${of(toPoint)?.pickupPointId}`);

  say.step('The day’s labels, printed in bulk as one PDF');
  const printed = await admin.http.post<ArrayBuffer>(
    `/stores/${storeId}/labels/print`,
    { orderNumbers: [String(heavy), String(toPoint)] },
    { responseType: 'arraybuffer' },
  );
  const labelsPdf = join(ctx.logDir, 'posti-labels.pdf');
  await writeFile(labelsPdf, Buffer.from(printed.data), { mode: 0o600 });
  say.ok(
    `${printed.headers['x-shiplink-labels-included']} consignments, ${Buffer.from(printed.data).length} bytes → ${labelsPdf}`,
  );

  say.step('Posti moves the parcels; its signed callbacks come back through the ingress');
  // A step at a time, as parcels move: the customer hears of each moment the store's rules name.
  await posti.post(`/shipments/${heavy}/run`, { journey: 'home', stepDelayMs: 400 });
  await posti.post(`/shipments/${toPoint}/run`, { journey: 'pickup_point', stepDelayMs: 400 });
  await posti.get('/callbacks/idle?wait=10000');
  const delivered = async (id: number) =>
    waitFor(
      async () => {
        const view = await admin.timeline(String(id));
        return view.shipments.length > 0 && view.shipments.every((s) => s.status === 'delivered')
          ? view
          : undefined;
      },
      { what: `the Posti parcels of order ${id} delivered`, timeoutMs: 30_000 },
    );
  for (const id of [heavy, toPoint]) {
    const timeline = await delivered(id);
    for (const parcel of timeline.shipments) {
      say.info(
        `${id} ${parcel.trackingNumber}: ${parcel.checkpoints.map((c) => c.status).join(' → ')}`,
      );
    }
  }
  const finalOrder = await waitFor(
    async () => {
      const view = await storeOrder(heavy);
      return view.order.status_id === 10 ? view : undefined;
    },
    { what: `order ${heavy} completed in the store`, timeoutMs: 30_000 },
  );
  say.ok(
    `order ${heavy} is "${finalOrder.order.status}" in BigCommerce; tracking links ${finalOrder.shipments
      .map((s) => s.tracking_link ?? '')
      .join(', ')}`,
  );
  say.step('What the customer sees: tracking e-mails and the order’s tracking page');
  const orderNumbers = [String(heavy), String(toPoint)];
  printMails(await mailsAbout(ctx.mailbox, { from: SENDER, orderNumbers, atLeast: 5 }));
  const twilio = new SimulatorControl(simUrls.twilio);
  const texts = await waitFor(
    async () => {
      const sent = await twilio.get<
        { to: string; body: string; status: string; direction: string }[]
      >(`/accounts/${sms.credentials.accountSid}/messages`);
      const outbound = sent.filter((m) => m.direction === 'outbound-api');
      return outbound.length >= 3 && outbound.every((m) => m.status === 'delivered')
        ? outbound
        : undefined;
    },
    { what: 'the texts delivered', timeoutMs: 30_000 },
  );
  say.table([['to', 'text (delivered)'], ...texts.map((m) => [m.to, m.body])]);
  const links = await printTrackingLinks(admin, storeId, orderNumbers);
  say.dim(
    `or look an order up at ${new URL(links[0]!).origin}/s/sauna-sisu with its number and e-mail`,
  );
  return { storeId, orderNumbers, labelsPdf, links };
}
