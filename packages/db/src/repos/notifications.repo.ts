import type { Db } from '../client';
import type { NotificationState } from '../generated/prisma/client';
import type { SecretBox } from '../secret-box';
import { isUniqueViolation } from '../unique';

export interface NotificationRecord {
  id: string;
  orderId: string;
  shipmentId: string;
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

export type NewNotification = Pick<
  NotificationRecord,
  | 'orderId'
  | 'shipmentId'
  | 'storeId'
  | 'trigger'
  | 'channel'
  | 'recipientHash'
  | 'recipientMasked'
  | 'language'
> & { notBefore?: Date | null };

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
 * Messages to customers. The (shipment, trigger, channel) unique key is what makes "at most one
 * message" hold whatever is replayed: a message is claimed before it is sent, and a claim that
 * exists already is returned, never made twice.
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

  async claim(input: NewNotification): Promise<{ record: NotificationRecord; created: boolean }> {
    const key = {
      shipmentId_trigger_channel: {
        shipmentId: input.shipmentId,
        trigger: input.trigger,
        channel: input.channel,
      },
    };
    const existing = await this.db.notification.findUnique({ where: key });
    if (existing) return { record: existing, created: false };
    try {
      return { record: await this.db.notification.create({ data: input }), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return {
        record: await this.db.notification.findUniqueOrThrow({ where: key }),
        created: false,
      };
    }
  }

  async find(id: string): Promise<NotificationRecord | undefined> {
    return (await this.db.notification.findUnique({ where: { id } })) ?? undefined;
  }

  async forOrder(orderId: string): Promise<NotificationRecord[]> {
    return this.db.notification.findMany({ where: { orderId }, orderBy: { createdAt: 'asc' } });
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
    const changed = await this.db.notification.findMany({ where });
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
    return this.db.notification.findMany({
      where: {
        connectionId,
        state: 'sent',
        deliveryStatus: { in: ['queued', 'sent'] },
        sentAt: { gte: window.sentAfter, lt: window.sentBefore },
      },
      orderBy: { sentAt: 'asc' },
      take: window.limit,
    });
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
