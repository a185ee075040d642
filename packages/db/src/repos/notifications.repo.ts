import {
  notificationSubjectKey,
  OrderNotificationFactsSchema,
  type OrderNotificationFacts,
} from '@shiplink/domain';
import type { Db } from '../client';
import type { Notification, NotificationState } from '../generated/prisma/client';
import type { SecretBox } from '../secret-box';
import { isUniqueViolation } from '../unique';

export interface NotificationRecord {
  id: string;
  orderId: string;
  /** The parcel it is about; null for an order's own news. */
  shipmentId: string | null;
  /** `shipment:<shipmentId>` or `order:<orderId>:<subjectRef>` (see `notificationSubjectKey`). */
  subjectKey: string;
  /** An order message's facts as they were claimed; null for a parcel's. */
  facts: OrderNotificationFacts | null;
  storeId: string;
  trigger: string;
  channel: string;
  state: NotificationState;
  recipientHash: string;
  recipientMasked: string;
  language: string;
  providerRef: string | null;
  connectionId: string | null;
  deliveryStatus: string | null;
  deliveryAt: Date | null;
  note: string | null;
  notBefore: Date | null;
  attempts: number;
  sentAt: Date | null;
  createdAt: Date;
}

/** A message to claim: about a parcel (its shipment), or about an order (the caller's ref, facts). */
export type NewNotification = Pick<
  NotificationRecord,
  'orderId' | 'storeId' | 'trigger' | 'channel' | 'recipientHash' | 'recipientMasked' | 'language'
> & { notBefore?: Date | null } & (
    { shipmentId: string } | { subjectRef: string; facts: OrderNotificationFacts }
  );

/** How far along each delivery status is: queued, then sent, then one of the final three. */
const DELIVERY_STAGE: Readonly<Record<string, number>> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  undelivered: 2,
  failed: 2,
};

/** Whom an unsubscribe link is for: sealed into the link, so it names no internal id. */
export interface UnsubscribeSubject {
  storeId: string;
  channel: string;
  recipientHash: string;
}

/**
 * A row as the rest of the hub sees it: its facts read back through their schema (a JSON
 * column is parsed, not cast), so a row that cannot say what it was claimed with fails loudly.
 */
function toRecord(row: Notification): NotificationRecord {
  const { facts, ...rest } = row;
  return {
    ...rest,
    facts: facts === null ? null : OrderNotificationFactsSchema.parse(facts),
  };
}

/**
 * Messages to customers. The (subject, trigger, channel) unique key is what makes "at most one
 * message" hold whatever is replayed: a message is claimed before it is sent, and a claim that
 * exists already is returned, never made twice. A subject is a parcel, or one thing that happened
 * to an order (see `notificationSubjectKey`).
 */
export class NotificationsRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  /** The opaque token of a recipient's unsubscribe link (encrypted and authenticated). */
  unsubscribeToken(subject: UnsubscribeSubject): string {
    return this.box.seal(JSON.stringify([subject.storeId, subject.channel, subject.recipientHash]));
  }

  /** Whom an unsubscribe token is for; undefined for anything this hub did not seal. */
  readUnsubscribeToken(token: string): UnsubscribeSubject | undefined {
    try {
      const [storeId, channel, recipientHash] = JSON.parse(this.box.open(token)) as unknown[];
      return typeof storeId === 'string' &&
        typeof channel === 'string' &&
        typeof recipientHash === 'string'
        ? { storeId, channel, recipientHash }
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The message for this subject, trigger and channel: made now (`created`), or the one made
   * before, as it was (its recipient, language and facts are the first claim's).
   */
  async claim(input: NewNotification): Promise<{ record: NotificationRecord; created: boolean }> {
    const { notBefore, ...fields } = input;
    const parcel = 'shipmentId' in fields;
    const subjectKey = parcel
      ? notificationSubjectKey({ shipmentId: fields.shipmentId })
      : notificationSubjectKey({ orderId: fields.orderId, subjectRef: fields.subjectRef });
    const key = {
      subjectKey_trigger_channel: { subjectKey, trigger: input.trigger, channel: input.channel },
    };
    const existing = await this.db.notification.findUnique({ where: key });
    if (existing) return { record: toRecord(existing), created: false };
    const data = {
      orderId: fields.orderId,
      storeId: fields.storeId,
      trigger: fields.trigger,
      channel: fields.channel,
      recipientHash: fields.recipientHash,
      recipientMasked: fields.recipientMasked,
      language: fields.language,
      subjectKey,
      ...(notBefore !== undefined ? { notBefore } : {}),
      ...(parcel
        ? { shipmentId: fields.shipmentId }
        : { facts: OrderNotificationFactsSchema.parse(fields.facts) }),
    };
    try {
      return { record: toRecord(await this.db.notification.create({ data })), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return {
        record: toRecord(await this.db.notification.findUniqueOrThrow({ where: key })),
        created: false,
      };
    }
  }

  async find(id: string): Promise<NotificationRecord | undefined> {
    const row = await this.db.notification.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  async forOrder(orderId: string): Promise<NotificationRecord[]> {
    const rows = await this.db.notification.findMany({
      where: { orderId },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toRecord);
  }

  /**
   * Marks a pending message as being handed to the channel, counting the attempt. False when it
   * is not pending any more (another worker took it, or it was sent).
   */
  async startSending(id: string): Promise<boolean> {
    const taken = await this.db.notification.updateMany({
      where: { id, state: 'pending' },
      data: { state: 'sending', attempts: { increment: 1 } },
    });
    return taken.count === 1;
  }

  /** The channel certainly did not take it: it may be tried again. */
  async backToPending(id: string, note: string): Promise<void> {
    await this.db.notification.update({
      where: { id },
      data: { state: 'pending', note: note.slice(0, 500) },
    });
  }

  async finish(
    id: string,
    state: Extract<NotificationState, 'sent' | 'skipped' | 'failed' | 'uncertain'>,
    details: {
      providerRef?: string | null;
      note?: string | null;
      connectionId?: string;
      deliveryStatus?: string;
    } = {},
  ): Promise<void> {
    await this.db.notification.update({
      where: { id },
      data: {
        state,
        ...(details.providerRef !== undefined ? { providerRef: details.providerRef } : {}),
        ...(details.connectionId !== undefined ? { connectionId: details.connectionId } : {}),
        ...(details.deliveryStatus !== undefined
          ? { deliveryStatus: details.deliveryStatus, deliveryAt: new Date() }
          : {}),
        ...(details.note !== undefined ? { note: details.note?.slice(0, 500) ?? null } : {}),
        ...(state === 'sent' ? { sentAt: new Date() } : {}),
      },
    });
  }

  /** A pending message held back until `notBefore` (the recipient's quiet hours). */
  async defer(id: string, notBefore: Date): Promise<void> {
    await this.db.notification.updateMany({
      where: { id, state: 'pending' },
      data: { notBefore, note: `held for quiet hours until ${notBefore.toISOString()}` },
    });
  }

  /**
   * What the provider says about a sent message's delivery. Statuses only move forward (queued,
   * sent, then a final one), so a report that arrives late or twice changes nothing. Returns the
   * messages it changed.
   */
  async recordDelivery(
    connectionId: string,
    providerRef: string,
    delivery: { status: string; errorCode: number | null },
  ): Promise<NotificationRecord[]> {
    const stage = DELIVERY_STAGE[delivery.status] ?? 0;
    const earlier = Object.keys(DELIVERY_STAGE).filter((s) => (DELIVERY_STAGE[s] ?? 0) < stage);
    const where = {
      connectionId,
      providerRef,
      OR: [{ deliveryStatus: null }, { deliveryStatus: { in: earlier } }],
    };
    const changed = (await this.db.notification.findMany({ where })).map(toRecord);
    if (changed.length === 0) return [];
    await this.db.notification.updateMany({
      where: { ...where, id: { in: changed.map((n) => n.id) } },
      data: {
        deliveryStatus: delivery.status,
        deliveryAt: new Date(),
        ...(delivery.errorCode !== null
          ? { note: `the provider could not deliver it (error ${delivery.errorCode})` }
          : {}),
      },
    });
    return changed;
  }

  /**
   * Messages of a connection sent between `sentAfter` and `sentBefore` whose delivery is still
   * open (queued or sent): those whose status report never came, oldest first.
   */
  async awaitingDelivery(
    connectionId: string,
    window: { sentAfter: Date; sentBefore: Date; limit: number },
  ): Promise<NotificationRecord[]> {
    const rows = await this.db.notification.findMany({
      where: {
        connectionId,
        state: 'sent',
        deliveryStatus: { in: ['queued', 'sent'] },
        sentAt: { gte: window.sentAfter, lt: window.sentBefore },
      },
      orderBy: { sentAt: 'asc' },
      take: window.limit,
    });
    return rows.map(toRecord);
  }

  async optedOut(storeId: string, channel: string, recipientHash: string): Promise<boolean> {
    const row = await this.db.notificationOptOut.findUnique({
      where: { storeId_channel_recipientHash: { storeId, channel, recipientHash } },
      select: { source: true },
    });
    return row !== null;
  }

  async optOut(
    storeId: string,
    channel: string,
    recipientHash: string,
    source: 'unsubscribe' | 'stop',
  ): Promise<void> {
    await this.db.notificationOptOut.upsert({
      where: { storeId_channel_recipientHash: { storeId, channel, recipientHash } },
      create: { storeId, channel, recipientHash, source },
      update: {},
    });
  }

  /** The recipient asked for messages again (an SMS START). */
  async optIn(storeId: string, channel: string, recipientHash: string): Promise<void> {
    await this.db.notificationOptOut.deleteMany({ where: { storeId, channel, recipientHash } });
  }
}
