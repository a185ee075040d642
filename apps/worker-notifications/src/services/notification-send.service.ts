import type { Platform } from '@shiplink/app-kit';
import { finishNotification } from './outcomes';
import { parseStoreSettings } from '@shiplink/connectors';
import type { NotificationRecord, OrderRecord } from '@shiplink/db';
import {
  CanonicalOrderSchema,
  destinationOf,
  NotificationChannelSchema,
  NotificationTriggerSchema,
  recipientHash,
  recipientOf,
  triggerOf,
  type CanonicalOrder,
} from '@shiplink/domain';
import { classifyFailure } from '@shiplink/errors';
import { withLogContext } from '@shiplink/logger';
import { effectiveTemplates } from '@shiplink/notification-templates';
import type { EmailDelivery } from './email-delivery';
import { contextOf, type PreparedMessage } from './message-context';
import type { SmsDelivery } from './sms-delivery';

/**
 * Sends one claimed message, once: skipped when the recipient unsubscribed or the order changed
 * under it, then handed to its channel's delivery. A send that was cut off (a crash with the
 * message handed over) is not repeated: it is recorded as uncertain. A message that cannot be
 * made (a template the store broke) is recorded as failed, not retried.
 */
export class NotificationSendService {
  constructor(
    private readonly platform: Platform,
    private readonly deliveries: { email: EmailDelivery; sms: SmsDelivery },
    private readonly options: { trackingPageUrl: string },
  ) {}

  async send(job: { notificationId: string; notBefore?: string | undefined }): Promise<void> {
    const { repos } = this.platform;
    const record = await repos.notifications.find(job.notificationId);
    if (!record) return;
    if (record.state === 'sending') {
      await finishNotification(repos, record, 'uncertain', {
        note: 'a send was cut off after the message was handed over: it may have gone out',
      });
      return;
    }
    if (record.state !== 'pending') return;
    const order = await repos.orders.find(record.orderId);
    await withLogContext({ orderRef: order?.orderNumber }, async () => {
      try {
        await this.deliver(record, order, job.notBefore !== undefined);
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind !== 'permanent') throw error;
        const current = await repos.notifications.find(record.id);
        if (current?.state !== 'pending') throw error;
        await finishNotification(repos, record, 'failed', { note: failure.message });
      }
    });
  }

  private async deliver(
    record: NotificationRecord,
    order: OrderRecord | undefined,
    released: boolean,
  ): Promise<void> {
    const { repos } = this.platform;
    const skip = (note: string) => finishNotification(repos, record, 'skipped', { note });
    if (await repos.notifications.optedOut(record.storeId, record.channel, record.recipientHash)) {
      return skip('the recipient unsubscribed');
    }
    const prepared = await this.prepare(record, order);
    if (typeof prepared === 'string') return skip(prepared);
    // The store's own wording where it saved some, the defaults elsewhere.
    const { language } = prepared.context;
    const stored = await repos.notificationTemplates.current(record.storeId, {
      trigger: prepared.trigger,
      channel: prepared.channel,
      language,
    });
    const templates = effectiveTemplates(prepared.trigger, language, stored);
    if (prepared.channel === 'email') {
      return this.deliveries.email.deliver(prepared, templates.email);
    }
    return this.deliveries.sms.deliver(prepared, templates.sms, released);
  }

  /** The message ready for its channel, or why there is none to send any more. */
  private async prepare(
    record: NotificationRecord,
    order: OrderRecord | undefined,
  ): Promise<PreparedMessage | string> {
    const store = await this.platform.repos.tenancy.getStore(record.storeId);
    const canonical = CanonicalOrderSchema.safeParse(order?.canonical);
    if (!order || !store || !canonical.success) return 'the order is gone';
    const trigger = NotificationTriggerSchema.parse(record.trigger);
    const about = record.shipmentId
      ? await this.parcelOf(record.orderId, record.shipmentId, canonical.data)
      : // An order's news is about all of it: its first destination, as when it was claimed.
        { destination: canonical.data.destinations[0], parcel: null, currentTrigger: trigger };
    if (!about) return 'the order or its parcel is gone';
    const { destination, parcel } = about;
    const settings = parseStoreSettings(store.settings, store.id);
    const channel = NotificationChannelSchema.parse(record.channel);
    const to = recipientOf(channel, canonical.data, destination);
    // The order's address changed since the message was claimed: not someone else's news.
    if (!to || recipientHash(to) !== record.recipientHash) return 'the address changed';
    return {
      record,
      trigger,
      channel,
      to,
      country: destination?.shipTo.country ?? null,
      currentTrigger: about.currentTrigger,
      settings,
      context: await contextOf(this.platform, this.options, {
        record,
        parcel,
        settings,
        storeName: store.name,
        orderNumber: canonical.data.orderNumber,
        orderCurrency: canonical.data.currency,
        customerName: destination?.shipTo.name ?? canonical.data.customer.name ?? null,
      }),
    };
  }

  /** A parcel message's parcel: where it goes and what its status is now (undefined: gone). */
  private async parcelOf(orderId: string, shipmentId: string, order: CanonicalOrder) {
    const { repos } = this.platform;
    const [timeline, shipment] = await Promise.all([
      repos.timelines.forOrder(orderId),
      repos.shipments.findForWriteback(shipmentId),
    ]);
    const parcel = timeline?.shipments.find((s) => s.shipmentId === shipmentId);
    if (!shipment || !parcel) return undefined;
    const status = parcel.tracking?.current.status;
    return {
      destination: destinationOf(
        order,
        shipment.items.map((item) => item.lineExternalId),
      ),
      parcel,
      currentTrigger: status ? triggerOf(status) : undefined,
    };
  }
}
