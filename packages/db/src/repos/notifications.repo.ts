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

/**
 * Messages to customers. The (shipment, trigger, channel) unique key is what makes "at most one
 * message" hold whatever is replayed: a message is claimed before it is sent, and a claim that
 * exists already is returned, never made twice.
 */
/** Whom an unsubscribe link is for: sealed into the link, so it names no internal id. */
export interface UnsubscribeSubject {
  storeId: string;
  channel: string;
  recipientHash: string;
}

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
    details: { providerRef?: string | null; note?: string | null } = {},
  ): Promise<void> {
    await this.db.notification.update({
      where: { id },
      data: {
        state,
        ...(details.providerRef !== undefined ? { providerRef: details.providerRef } : {}),
        ...(details.note !== undefined ? { note: details.note?.slice(0, 500) ?? null } : {}),
        ...(state === 'sent' ? { sentAt: new Date() } : {}),
      },
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
