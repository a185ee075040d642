import type { ProviderId } from '@shiplink/connectors';
import type { TwilioSimAccount } from '@shiplink/connectors/twilio/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { createDb } from '@shiplink/db';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { sleep, waitFor, type AppProcess } from '@shiplink/testing';
import { startCountingMailbox } from './counting-mailbox';
import { percentile } from './load';
import {
  collectDeliveries,
  HOME_JOURNEY_MESSAGES,
  orderIdsOf,
  progressOf,
  textsSent,
  type Deliveries,
} from './notification-deliveries';
import { waitForQuietQueues } from './quiet-queues';
import { measureTemplateRendering, type RenderingFigures } from './template-rendering';
import { startHubApp } from './hub-apps';

export interface NotificationsPhaseContext {
  env: Record<string, string>;
  databaseUrl: string;
  admin: AdminClient;
  simUrls: Record<ProviderId, string>;
  apps: AppProcess[];
  /** The labels phase's store and consignments, whose parcels are moved. */
  storeId: string;
  references: string[];
  /** Parcels moved first, with the worker just started, whose messages are reported apart. */
  warmupParcels: number;
  parcels: number;
  /** Journeys started per second. */
  rate: number;
  /** Between one Posti scan and the next of a parcel. */
  stepDelayMs: number;
}

export interface NotificationsFigures {
  rendering: RenderingFigures;
  rate: number;
  stepDelayMs: number;
  warmup: Deliveries & { parcels: number };
  measured: Deliveries & { parcels: number };
}

/**
 * Waits until every expected message of the orders is claimed and finished and every text
 * reported delivered by Twilio's status callbacks. A message the hub never claims (news it
 * judged stale) would keep that from happening: once nothing has moved for 10 s with nothing
 * open, or after two minutes, what is missing is reported as missing rather than waited for.
 */
async function waitForMessages(db: ReturnType<typeof createDb>, orderIds: string[]) {
  const expected = orderIds.length * HOME_JOURNEY_MESSAGES.length;
  const deadline = Date.now() + 120_000;
  let last = '';
  let lastChangeAt = Date.now();
  while (Date.now() < deadline) {
    const progress = await progressOf(db, orderIds);
    if (progress.claimed >= expected && progress.open === 0 && progress.undeliveredTexts === 0) {
      return;
    }
    const now = JSON.stringify(progress);
    if (now !== last) [last, lastChangeAt] = [now, Date.now()];
    if (progress.open === 0 && Date.now() - lastChangeAt > 10_000) return;
    await sleep(500);
  }
}

/**
 * Customer notifications: the default templates rendered in this process (no I/O), then the
 * labels phase's Posti parcels sent on their home journey, `rate` a second. Each signed Posti
 * callback goes through the ingress and the tracking worker, which asks the notifications worker
 * to tell the customer: e-mails to a real SMTP server here, texts to the Twilio simulator (whose
 * delivery reports come back as signed callbacks). Latencies are read from the notifications'
 * own rows and from the simulator's record of when it called back.
 */
export async function runNotificationsPhase(
  ctx: NotificationsPhaseContext,
): Promise<NotificationsFigures> {
  const wanted = ctx.warmupParcels + ctx.parcels;
  if (ctx.references.length < wanted) {
    throw new Error(`${wanted} parcels asked for; the labels phase made ${ctx.references.length}`);
  }
  const mailbox = await startCountingMailbox();
  const db = createDb(ctx.databaseUrl);
  try {
    // Main's hub runs no notifications worker: this one gets the mailbox as its SMTP server.
    const worker = startHubApp('worker-notifications', {
      ...ctx.env,
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'no-reply@bench-sauna.example',
      LOG_LEVEL: 'info',
    });
    ctx.apps.push(worker);
    await worker.waitForOutput('worker ready');
    // openAccounts opens a store platform account with every set; only the Twilio one is used.
    const opened = await openAccounts(ctx.simUrls, { providers: ['twilio'] });
    const twilioAccount = accountOf<TwilioSimAccount>(opened, 'twilio');
    if (!twilioAccount) throw new Error('no Twilio account was opened');
    await ctx.admin.connectAccounts(ctx.storeId, [twilioAccount]);
    // A settings PUT replaces them all: the slug the tracking-page phase gives the store stays,
    // the default rules stand, and a window that starts where it ends means no quiet hours.
    await ctx.admin.storeSettings(ctx.storeId, {
      notifications: {
        enabled: true,
        email: { from: 'tracking@bench-sauna.example' },
        sms: { quietHours: { start: '00:00', end: '00:00' } },
      },
      trackingPage: { slug: 'bench-sauna' },
    });
    const references = ctx.references.slice(0, wanted);
    // A callback is only news to the hub once it tracks the parcel.
    await waitFor(
      async () =>
        (await db.tracking.count({
          where: { storeId: ctx.storeId, order: { externalId: { in: references } } },
        })) >= references.length || undefined,
      { what: `trackings of ${references.length} parcels`, timeoutMs: 60_000 },
    );
    await waitForQuietQueues(ctx.env);
    // With the hub idle, so the renders measured have a core to themselves.
    const rendering = measureTemplateRendering();

    const posti = new SimulatorControl(ctx.simUrls.posti);
    const twilio = new SimulatorControl(ctx.simUrls.twilio);
    const sid = twilioAccount.credentials.accountSid;
    /** Moves the parcels at the phase's rate and waits for their messages. */
    const move = async (batch: string[]) => {
      const orderIds = await orderIdsOf(db, ctx.storeId, batch);
      const [mailsBefore, textsBefore] = [
        mailbox.received.length,
        (await textsSent(twilio, sid)).length,
      ];
      const started = Date.now();
      const starting: Promise<unknown>[] = [];
      for (let i = 0; i < batch.length; i++) {
        await sleep(Math.max(0, started + (i * 1000) / ctx.rate - Date.now()));
        starting.push(
          posti.post(`/shipments/${batch[i]}/run`, {
            journey: 'home',
            stepDelayMs: ctx.stepDelayMs,
          }),
        );
      }
      await Promise.all(starting);
      await posti.get('/callbacks/idle?wait=30000');
      await waitForMessages(db, orderIds);
      const deliveries = await collectDeliveries({
        db,
        orderIds,
        startedAt: started,
        mails: mailbox.received.slice(mailsBefore),
        texts: (await textsSent(twilio, sid)).slice(textsBefore),
        posti,
      });
      return { ...deliveries, parcels: batch.length };
    };
    const warmup = await move(references.slice(0, ctx.warmupParcels));
    const measured = await move(references.slice(ctx.warmupParcels));
    return { rendering, rate: ctx.rate, stepDelayMs: ctx.stepDelayMs, warmup, measured };
  } finally {
    await db.$disconnect();
    await mailbox.close();
  }
}

export function notificationsRows(
  figures: NotificationsFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  const { rendering, measured: m, warmup: w } = figures;
  const pair = (values: number[]) =>
    `${fmt(percentile(values, 50), 0)} / ${fmt(percentile(values, 99), 0)}`;
  const outcome = (d: Deliveries) => {
    const notSent = [...d.notSent].map(([state, n]) => `${n} ${state}`).join(', ');
    return `${d.sent.email + d.sent.sms} of ${d.expected.email + d.expected.sms} sent (${d.sent.email} of ${d.expected.email} e-mails, ${d.sent.sms} of ${d.expected.sms} texts)${notSent ? `; not sent: ${notSent}` : ''}`;
  };
  const offered = figures.rate * HOME_JOURNEY_MESSAGES.length;
  return [
    `| notification templates rendered in process, ${rendering.triggers} triggers × ${rendering.languages} languages round and round, one core (${fmt(rendering.email.seconds, 0)} s each) | — | e-mails ${fmt(rendering.email.perSecond, 0)}/s (${fmt(rendering.email.meanMicros, 0)} µs, ${fmt(rendering.email.meanCharacters / 1000, 1)}k characters each); texts ${fmt(rendering.sms.perSecond, 0)}/s (${fmt(rendering.sms.meanMicros, 1)} µs, ${fmt(rendering.sms.meanCharacters, 0)} characters each) |`,
    `| customer notifications: ${m.parcels} Posti home journeys started at ${fmt(figures.rate, 1)}/s, a scan every ${figures.stepDelayMs} ms; ${HOME_JOURNEY_MESSAGES.length} messages each by the default rules, ${fmt(offered, 1)}/s offered | — | ${outcome(m)}; ${fmt(m.perSecond, 1)} messages/s over the ${fmt(m.windowSeconds, 1)} s from the first journey to the last send |`,
    `|   message claimed → sent p50 / p99 (ms) | — | e-mail ${pair(m.claimToSentMs.email)}; text ${pair(m.claimToSentMs.sms)} |`,
    `|   Posti callback of the scan → sent p50 / p99 (ms) | — | e-mail ${pair(m.callbackToSentMs.email)}; text ${pair(m.callbackToSentMs.sms)} |`,
    `|   same, the ${w.parcels} parcels moved first with the notifications worker just started (ms) | — | ${outcome(w)}; e-mail ${pair(w.callbackToSentMs.email)}; text ${pair(w.callbackToSentMs.sms)} |`,
    `|   received: mails at the SMTP server, texts at Twilio; second copies of one order's message (must be 0) | — | ${m.mailsReceived + w.mailsReceived} mails (${m.mailsMatched + w.mailsMatched} matching a sent row), ${m.duplicateMails + w.duplicateMails} duplicates; ${m.textsReceived + w.textsReceived} texts, ${m.duplicateTexts + w.duplicateTexts} duplicates, ${m.textsDelivered + w.textsDelivered} reported delivered |`,
  ];
}
