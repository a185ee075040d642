import { mapPostiStatus } from '@shiplink/connectors/posti';
import type { SimulatorControl } from '@shiplink/connectors/testing';
import type { createDb } from '@shiplink/db';
import { triggerOf } from '@shiplink/domain';
import type { CountedMail } from './counting-mailbox';

type Db = ReturnType<typeof createDb>;
type Channel = 'email' | 'sms';

/**
 * What the default rules send for a parcel delivered home: an e-mail when it ships, an e-mail
 * and a text when it is out for delivery, an e-mail when it arrives. Written out rather than
 * derived from the rules, so a rule that stopped matching shows as a message missing.
 */
export const HOME_JOURNEY_MESSAGES = [
  ['shipped', 'email'],
  ['out_for_delivery', 'email'],
  ['out_for_delivery', 'sms'],
  ['delivered', 'email'],
] as const;

/** The hub's ids of the store's orders among `references` (store order ids). */
export async function orderIdsOf(db: Db, storeId: string, references: string[]) {
  const orders = await db.order.findMany({
    where: { storeId, externalId: { in: references } },
    select: { id: true },
  });
  return orders.map((order) => order.id);
}

/**
 * How the orders' messages stand: rows claimed so far, those still open (pending, sending), and
 * texts sent that Twilio has not yet reported delivered. Counts only, so polling stays cheap.
 */
export async function progressOf(db: Db, orderIds: string[]) {
  const mine = { orderId: { in: orderIds } };
  const [claimed, open, undeliveredTexts] = await Promise.all([
    db.notification.count({ where: mine }),
    db.notification.count({ where: { ...mine, state: { in: ['pending', 'sending'] } } }),
    db.notification.count({
      where: {
        ...mine,
        channel: 'sms',
        state: 'sent',
        OR: [{ deliveryStatus: null }, { deliveryStatus: { not: 'delivered' } }],
      },
    }),
  ]);
  return { claimed, open, undeliveredTexts };
}

function notificationsOf(db: Db, orderIds: string[]) {
  return db.notification.findMany({
    where: { orderId: { in: orderIds } },
    select: {
      trigger: true,
      channel: true,
      state: true,
      providerRef: true,
      deliveryStatus: true,
      createdAt: true,
      sentAt: true,
      shipment: { select: { trackingNumber: true } },
    },
  });
}

interface PostiCallback {
  trackingCode: string;
  /** The Posti status code the callback carries. */
  event: string;
  history: { at: string }[];
  redeliveryOf: string | undefined;
}

export interface SentText {
  direction: string;
  body: string;
}

/** Every message the Twilio account sent, oldest first. */
export async function textsSent(twilio: SimulatorControl, accountSid: string) {
  const messages = await twilio.get<SentText[]>(`/accounts/${accountSid}/messages`);
  return messages.filter((message) => message.direction === 'outbound-api');
}

export interface Deliveries {
  expected: Record<Channel, number>;
  sent: Record<Channel, number>;
  /** Rows that ended otherwise (skipped, failed, uncertain) or never finished, by state. */
  notSent: Map<string, number>;
  perSecond: number;
  windowSeconds: number;
  claimToSentMs: Record<Channel, number[]>;
  callbackToSentMs: Record<Channel, number[]>;
  mailsReceived: number;
  /** Received mails whose Message-ID a sent row recorded as its provider reference. */
  mailsMatched: number;
  duplicateMails: number;
  textsReceived: number;
  duplicateTexts: number;
  textsDelivered: number;
}

/** How many of `keys` repeat one before them. */
const repeats = (keys: string[]) => keys.length - new Set(keys).size;

/**
 * Reads the outcome: the rows' states and times, the SMTP server's and Twilio's copies, and the
 * Posti simulator's callbacks. A message is timed from the first callback whose scan set off
 * its trigger (a later scan of the same trigger finds it claimed and sends nothing).
 */
export async function collectDeliveries(input: {
  db: Db;
  orderIds: string[];
  /** When the first journey was started. */
  startedAt: number;
  /** What the SMTP server and Twilio received while these orders' parcels moved. */
  mails: CountedMail[];
  texts: SentText[];
  posti: SimulatorControl;
}): Promise<Deliveries> {
  const rows = await notificationsOf(input.db, input.orderIds);
  const codes = new Set(rows.map((row) => row.shipment?.trackingNumber ?? ''));
  const calledBackAt = new Map<string, number>();
  for (const callback of await input.posti.get<PostiCallback[]>('/callbacks')) {
    const at = callback.history[0]?.at;
    const trigger = triggerOf(mapPostiStatus(callback.event).status);
    if (!codes.has(callback.trackingCode) || callback.redeliveryOf || !at || !trigger) continue;
    const key = `${callback.trackingCode}|${trigger}`;
    calledBackAt.set(key, Math.min(calledBackAt.get(key) ?? Infinity, Date.parse(at)));
  }

  const expected = { email: 0, sms: 0 };
  for (const [, channel] of HOME_JOURNEY_MESSAGES) expected[channel] += input.orderIds.length;
  const sent = { email: 0, sms: 0 };
  const notSent = new Map<string, number>();
  const claimToSentMs = { email: [] as number[], sms: [] as number[] };
  const callbackToSentMs = { email: [] as number[], sms: [] as number[] };
  let lastSentAt = input.startedAt;
  for (const row of rows) {
    const channel = row.channel as Channel;
    if (row.state !== 'sent' || !row.sentAt) {
      notSent.set(row.state, (notSent.get(row.state) ?? 0) + 1);
      continue;
    }
    sent[channel] += 1;
    const sentAt = row.sentAt.getTime();
    lastSentAt = Math.max(lastSentAt, sentAt);
    claimToSentMs[channel].push(sentAt - row.createdAt.getTime());
    const calledBack = calledBackAt.get(`${row.shipment?.trackingNumber}|${row.trigger}`);
    if (calledBack !== undefined) callbackToSentMs[channel].push(sentAt - calledBack);
  }
  const missing = expected.email + expected.sms - rows.length;
  if (missing > 0) notSent.set('never claimed', missing);

  const messageIds = new Set(rows.flatMap((row) => (row.providerRef ? [row.providerRef] : [])));
  const windowSeconds = (lastSentAt - input.startedAt) / 1000;
  return {
    expected,
    sent,
    notSent,
    perSecond: (sent.email + sent.sms) / windowSeconds,
    windowSeconds,
    claimToSentMs,
    callbackToSentMs,
    mailsReceived: input.mails.length,
    mailsMatched: input.mails.filter((mail) => messageIds.has(mail.messageId)).length,
    // Every subject names the order and the trigger: one subject twice is one message twice.
    duplicateMails: repeats(input.mails.map((mail) => mail.subject)),
    textsReceived: input.texts.length,
    // Each text carries the order's own tracking link and its trigger's words.
    duplicateTexts: repeats(input.texts.map((message) => message.body)),
    textsDelivered: rows.filter(
      (row) => row.channel === 'sms' && row.deliveryStatus === 'delivered',
    ).length,
  };
}
