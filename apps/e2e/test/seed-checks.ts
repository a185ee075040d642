import { randomUUID } from 'node:crypto';
import type { ShipStationSimAccount } from '@shiplink/connectors/shipstation/simulator';
import { accountOf, type startMailbox, type TestWorld } from '@shiplink/test-world';
import { jobs, QUEUES, type AnyJob, type JobEnvelope } from '@shiplink/jobs';
import { waitFor } from '@shiplink/testing';

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;
export type StoreOrder = { order: { id: number; status_id: number; staff_notes: string } };
export type StoreRefund = {
  id: number;
  order_id: number;
  total_amount: number;
  reason: string;
  items: { item_type: string; item_id: number; quantity?: number; requested_amount?: string }[];
};
export type ReturnRow = {
  id: string;
  orderNumber: string;
  source: string;
  sourceRef: string;
  state: string;
  refundState: string;
  refundTotal: string | null;
  trackingNumber: string | null;
  items: { sku: string; quantity: number; restock: boolean; condition: string | null }[];
};

/**
 * What the seed's end-to-end suites look at in a world, the store side and the hub's: store
 * orders, refunds and stock in the BigCommerce simulator, returns through the admin API, mails
 * in the test's mailbox, and one job run on demand.
 */
export function seedChecks(world: TestWorld, mailbox?: Mailbox) {
  const storeOrder = (orderId: number) =>
    world.bigcommerce.get<StoreOrder>(`/stores/${world.storeHash}/orders/${orderId}`);
  const checks = {
    storeOrder,

    storeOrderWhen: (orderId: number, ready: (o: StoreOrder) => boolean, what: string) =>
      waitFor(
        async () => {
          const order = await storeOrder(orderId);
          return ready(order) ? order : undefined;
        },
        { what, timeoutMs: 30_000 },
      ),

    /** The store's on-hand level of a SKU at a location. */
    async level(sku: string, locationId = 1): Promise<number | undefined> {
      const levels = await world.bigcommerce.get<
        { sku: string; locationId: number; quantity: number }[]
      >(`/stores/${world.storeHash}/inventory/levels`);
      return levels.find((l) => l.sku === sku && l.locationId === locationId)?.quantity;
    },

    async levelWhen(sku: string, quantity: number, locationId = 1): Promise<void> {
      await waitFor(
        async () => ((await checks.level(sku, locationId)) === quantity ? true : undefined),
        { what: `${sku} at ${quantity} in location ${locationId}`, timeoutMs: 30_000 },
      );
    },

    /** Every refund the store made on an order. */
    refundsOf: (orderId: number) =>
      world.bigcommerce
        .get<StoreRefund[]>(`/stores/${world.storeHash}/refunds`)
        .then((all) => all.filter((refund) => refund.order_id === orderId)),

    /** The order's returns as the admin API lists them. */
    returnsOf: (orderId: number) =>
      world.admin.http
        .get<ReturnRow[]>(`/stores/${world.setup.storeId}/returns`)
        .then((r) => r.data.filter((row) => row.orderNumber === String(orderId))),

    /** The order's returns once `ready` holds for them. */
    returnsWhen: (orderId: number, ready: (rows: ReturnRow[]) => boolean, what: string) =>
      waitFor(
        async () => {
          const rows = await checks.returnsOf(orderId);
          return ready(rows) ? rows : undefined;
        },
        { what, timeoutMs: 30_000 },
      ),

    /** Mails about the order, by subject when one is named. */
    mailsAbout(orderId: number, subject?: string | RegExp) {
      if (!mailbox) throw new Error('this world has no mailbox');
      return mailbox.received.filter((mail) => {
        const about = `${mail.subject ?? ''} ${mail.text ?? ''}`.includes(String(orderId));
        if (!about || subject === undefined) return about;
        return typeof subject === 'string'
          ? (mail.subject ?? '').includes(subject)
          : subject.test(mail.subject ?? '');
      });
    },

    async mailsWhen(orderId: number, subject: string | RegExp, count = 1) {
      return waitFor(
        () => {
          const found = checks.mailsAbout(orderId, subject);
          return found.length >= count ? found : undefined;
        },
        { what: `${count} mail(s) "${String(subject)}" about order ${orderId}`, timeoutMs: 30_000 },
      );
    },

    /** One run of a job under an id of its own (as a scheduler's runs are), finished. */
    async run(definition: AnyJob, payload: object): Promise<void> {
      const queue = world.hub.platform.producer.queue(definition.queue);
      const envelope: JobEnvelope = {
        payload,
        meta: { correlationId: `test-${randomUUID()}`, enqueuedAt: new Date().toISOString() },
      };
      const job = await queue.add(definition.name, envelope, {
        jobId: `test-${randomUUID()}`,
        attempts: definition.policy.attempts,
        backoff: { type: 'exponential', delay: 200 },
      });
      await waitFor(
        async () => {
          const state = await queue.getJobState(job.id!);
          return state === 'completed' || state === 'failed' ? state : undefined;
        },
        { timeoutMs: 60_000, what: `${definition.name} to finish` },
      );
    },

    /** ShipStation's API as the merchant's own scripts call it, with the account's key pair. */
    async shipStationApi<T>(path: string, body?: object): Promise<T> {
      const account = accountOf<ShipStationSimAccount>(world.accounts, 'shipstation');
      if (!account) throw new Error('this world has no ShipStation account');
      const { apiKey, apiSecret } = account.credentials;
      const answer = await fetch(`${world.simulators.urls.shipstation}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    },

    /**
     * An order another sales channel (a marketplace) put into the same ShipStation account,
     * shipped there at once: its shipment is not one of the store's own orders.
     */
    async otherChannelShipment(orderNumber: string, items: { sku: string; quantity: number }[]) {
      const created = await checks.shipStationApi<{ orderId: number }>('/orders/createorder', {
        orderNumber,
        orderKey: `marketplace-${orderNumber}`,
        orderDate: '2026-11-30T10:00:00.0000000',
        orderStatus: 'awaiting_shipment',
        billTo: { name: 'Ola Nordmann' },
        shipTo: {
          name: 'Ola Nordmann',
          street1: '1 Main St',
          city: 'Austin',
          state: 'TX',
          postalCode: '78701',
          country: 'US',
        },
        items: items.map((item, i) => ({
          lineItemKey: `${orderNumber}-${i + 1}`,
          sku: item.sku,
          name: item.sku,
          quantity: item.quantity,
          unitPrice: 10,
        })),
      });
      const shipped = await world.shipstation.post<{ shipments: { shipmentId: number }[] }>(
        `/orders/${created.orderId}/ship`,
        { carrierCode: 'ups_walleted', serviceCode: 'ups_ground' },
      );
      return { orderId: created.orderId, shipmentId: shipped.shipments[0]!.shipmentId };
    },

    /** The fulfilment system's shipments and order changes read again, as the schedule would. */
    async pollFulfilment(): Promise<void> {
      const connectionId = world.setup.fulfilment.id;
      await checks.run(jobs.shipmentsPoll, { connectionId });
      await checks.run(jobs.fulfilmentOrdersPoll, { connectionId });
    },

    /**
     * Resolves once no queue has a job waiting, running or delayed, three looks in a row: what a
     * replay set off has then run its course, so a count taken after it is final.
     */
    async quiet(timeoutMs = 60_000): Promise<void> {
      let calm = 0;
      await waitFor(
        async () => {
          const counts = await Promise.all(
            QUEUES.map((name) =>
              world.hub.platform.producer
                .queue(name)
                .getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
            ),
          );
          const busy = counts.some((c) => Object.values(c).some((n) => n > 0));
          calm = busy ? 0 : calm + 1;
          return calm >= 3 ? true : undefined;
        },
        { what: 'every queue idle', timeoutMs, intervalMs: 200 },
      );
    },
  };
  return checks;
}
