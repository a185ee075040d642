import { recipientHash } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { overrideEnv, waitFor } from '@shiplink/testing';
import { finnishOrder, startPostiWorld, type PostiWorld } from '@shiplink/test-world';

interface SimMessage {
  sid: string;
  direction: string;
  to: string;
  body: string;
  segments: string;
  status: string;
}

const AINO = '+358401234567';
const PAGE = 'https://track.nordictrail.example';

/** `HH:MM` in Helsinki, `minutes` from now. */
function helsinkiTime(minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Helsinki',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
}

/**
 * Text messages of a Finnish store through its Twilio account: sent at the moments its rules
 * name with the tracking link, followed to delivery by Twilio's signed status callbacks, never
 * twice, stopped by a STOP reply, and held through the recipient's quiet hours.
 */
describe('notifications: text messages to the customer', () => {
  let world: PostiWorld;
  let restoreEnv: () => void = () => undefined;

  const notifications = async (orderId: number) => {
    const order = await waitFor(
      () => world.hub.platform.repos.orders.findByExternal(world.storeId, String(orderId)),
      { what: 'the order' },
    );
    const rows = await world.hub.platform.repos.notifications.forOrder(order.id);
    return rows.filter((n) => n.channel === 'sms');
  };
  const textsTo = async (number: string) => {
    const sid = world.twilioAccount!.credentials.accountSid;
    const all = await world.twilio.get<SimMessage[]>(`/accounts/${sid}/messages`);
    return all.filter((m) => m.to === number && m.direction === 'outbound-api');
  };
  const smsSettings = (quietHours: { start: string; end: string }) =>
    world.admin.storeSettings(world.storeId, {
      notifications: {
        enabled: true,
        rules: [
          { trigger: 'out_for_delivery', channels: ['sms'] },
          { trigger: 'delivered', channels: ['sms'] },
        ],
        sms: { quietHours },
      },
      trackingPage: { slug: 'nordic-trail-sms', brand: { name: 'Nordic Trail' } },
    });
  const shipAndDeliver = async () => {
    const orderId = await world.placeOrder(finnishOrder());
    await world.bigCommerceShipments(orderId, 1);
    await world.posti.post(`/shipments/${orderId}/run`, { journey: 'home', stepDelayMs: 300 });
    return orderId;
  };

  beforeAll(async () => {
    restoreEnv = overrideEnv({ TRACKING_PAGE_URL: PAGE });
    world = await startPostiWorld({ sms: true });
    // No quiet hours for the first tests (a window that starts where it ends is none).
    await smsSettings({ start: '00:00', end: '00:00' });
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await world?.close();
  });

  it('texts out for delivery and delivered once each, and follows each to delivered', async () => {
    const before = (await textsTo(AINO)).length;
    const orderId = await shipAndDeliver();
    const sent = await waitFor(
      async () => {
        const rows = await notifications(orderId);
        return rows.length === 2 && rows.every((n) => n.deliveryStatus === 'delivered')
          ? rows
          : undefined;
      },
      { what: 'two text messages delivered', timeoutMs: 30_000 },
    );
    expect(sent.map((n) => [n.trigger, n.state])).toEqual([
      ['out_for_delivery', 'sent'],
      ['delivered', 'sent'],
    ]);
    expect(sent.every((n) => n.recipientMasked === '+358******567')).toBe(true);
    expect(sent.every((n) => n.providerRef?.startsWith('SM'))).toBe(true);
    const texts = (await textsTo(AINO)).slice(before);
    expect(texts).toHaveLength(2);
    // Finnish, with the order's tracking link whole, in one segment each.
    expect(texts[0]!.body).toContain('on jakelussa');
    expect(texts[0]!.body).toMatch(new RegExp(`${PAGE}/t/[A-Za-z0-9_-]+\\?lang=fi`));
    expect(texts.every((t) => Number(t.segments) <= 3)).toBe(true);

    // Every tracking callback delivered again: no second text.
    await world.redeliverLastCallbacks(3);
    expect((await textsTo(AINO)).slice(before)).toHaveLength(2);
  }, 60_000);

  it('retries a text Twilio turned away (429), and never resends one it may have taken (5xx)', async () => {
    const sends = { method: 'POST', path: '/2010-04-01/Accounts' };
    await world.twilio.post('/faults', { kind: 'rate_limit', count: 2, ...sends });
    const before = (await textsTo(AINO)).length;
    const sendsSeen = async () =>
      (await world.twilio.get<{ method: string; path: string; status: number }[]>('/requests'))
        .filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json'))
        .map((r) => r.status);
    const seenBefore = (await sendsSeen()).length;
    const retried = await shipAndDeliver();
    await waitFor(
      async () => {
        const rows = await notifications(retried);
        return rows.length === 2 && rows.every((n) => n.state === 'sent') ? rows : undefined;
      },
      { what: 'both texts sent after the 429s', timeoutMs: 30_000 },
    );
    // Two sends were turned away and tried again; two went through.
    expect((await sendsSeen()).slice(seenBefore).sort()).toEqual([201, 201, 429, 429]);
    expect((await textsTo(AINO)).slice(before)).toHaveLength(2);

    await world.twilio.post('/faults', { kind: 'server_error', count: 1, ...sends });
    const unsure = await shipAndDeliver();
    const rows = await waitFor(
      async () => {
        const all = await notifications(unsure);
        return all.length === 2 && all.every((n) => n.state !== 'pending' && n.state !== 'sending')
          ? all
          : undefined;
      },
      { what: 'the texts of the order whose first send got a 5xx', timeoutMs: 30_000 },
    );
    // Twilio may have queued the first before failing to answer: it is not sent again.
    expect(rows.map((n) => [n.trigger, n.state])).toEqual([
      ['out_for_delivery', 'uncertain'],
      ['delivered', 'sent'],
    ]);
    expect(rows[0]!.attempts).toBe(1);
  }, 60_000);

  it('stops texting a recipient who replies STOP, and starts again after START', async () => {
    const sid = world.twilioAccount!.credentials.accountSid;
    const { repos } = world.hub.platform;
    const optedOut = () => repos.notifications.optedOut(world.storeId, 'sms', recipientHash(AINO));
    const stop = await world.twilio.post<{ forwarded: boolean }>(`/accounts/${sid}/replies`, {
      from: AINO,
      body: 'STOP',
    });
    expect(stop.forwarded).toBe(true);
    await waitFor(async () => ((await optedOut()) ? true : undefined), { what: 'the opt-out' });

    const before = (await textsTo(AINO)).length;
    const orderId = await shipAndDeliver();
    const skipped = await waitFor(
      async () => {
        const sms = await notifications(orderId);
        return sms.length === 2 && sms.every((n) => n.state === 'skipped') ? sms : undefined;
      },
      { what: 'both texts skipped after STOP', timeoutMs: 30_000 },
    );
    expect(skipped[0]!.note).toBe('the recipient unsubscribed');
    expect((await textsTo(AINO)).length).toBe(before);

    await world.twilio.post(`/accounts/${sid}/replies`, { from: AINO, body: 'START' });
    await waitFor(async () => ((await optedOut()) ? undefined : true), {
      what: 'the opt-out lifted by START',
    });
  }, 60_000);

  it('holds a text through the recipient’s quiet hours, then sends only what is still news', async () => {
    const quietEnd = helsinkiTime(180);
    await smsSettings({ start: helsinkiTime(-60), end: quietEnd });
    const before = (await textsTo(AINO)).length;
    const orderId = await shipAndDeliver();
    const held = await waitFor(
      async () => {
        const rows = await notifications(orderId);
        return rows.length === 2 && rows.every((n) => n.notBefore !== null) ? rows : undefined;
      },
      { what: 'both texts held for quiet hours', timeoutMs: 30_000 },
    );
    expect(held.every((n) => n.state === 'pending')).toBe(true);
    const until = held[0]!.notBefore!;
    expect(until.getTime() - Date.now()).toBeGreaterThan(170 * 60_000);
    expect(helsinkiTime((until.getTime() - Date.now()) / 60_000 + 0.5)).toBe(quietEnd);
    expect((await textsTo(AINO)).length).toBe(before);

    // The night is over (for the test: the held jobs are due now).
    const queue = world.hub.platform.producer.queue('notifications');
    for (const record of held) {
      const jobId = jobs.notificationSend.jobId({
        notificationId: record.id,
        notBefore: record.notBefore!.toISOString(),
      });
      const job = await queue.getJob(jobId);
      expect(await job?.getState()).toBe('delayed');
      await job!.promote();
    }
    const done = await waitFor(
      async () => {
        const rows = await notifications(orderId);
        return rows.every((n) => n.state !== 'pending' && n.state !== 'sending') ? rows : undefined;
      },
      { what: 'the held texts handled', timeoutMs: 30_000 },
    );
    // Out for delivery is old news once the parcel is delivered: only "delivered" goes out.
    expect(done.map((n) => [n.trigger, n.state])).toEqual([
      ['out_for_delivery', 'skipped'],
      ['delivered', 'sent'],
    ]);
    expect(done[0]!.note).toMatch(/moved on \(delivered\)/);
    const texts = (await textsTo(AINO)).slice(before);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain('toimitettu');
  }, 60_000);
});
