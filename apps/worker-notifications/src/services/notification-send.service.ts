import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings, type StoreSettings } from '@shiplink/connectors';
import type { NotificationRecord, ShipmentTimeline } from '@shiplink/db';
import {
  CanonicalOrderSchema,
  carrierFromName,
  NotificationTriggerSchema,
  PageLanguageSchema,
  storeBrand,
} from '@shiplink/domain';
import { classifyFailure } from '@shiplink/errors';
import { withLogContext } from '@shiplink/logger';
import {
  defaultTemplates,
  renderEmail,
  type NotificationContext,
} from '@shiplink/notification-templates';
import type { EmailChannel } from './email-channel';
import { destinationOf } from './notification-trigger.service';
import { emailOf, recipientHash } from './recipients';

/**
 * Sends one claimed message, once: skipped when the recipient unsubscribed, marked as being sent
 * before the channel is called, and finished with what the channel said. A send that was cut
 * off (a crash with the message handed over) is not repeated: it is recorded as uncertain.
 */
export class NotificationSendService {
  constructor(
    private readonly platform: Platform,
    private readonly email: EmailChannel,
    private readonly options: { trackingPageUrl: string; mailFrom: string },
  ) {}

  async send({ notificationId }: { notificationId: string }): Promise<void> {
    const { repos } = this.platform;
    const record = await repos.notifications.find(notificationId);
    if (!record) return;
    if (record.state === 'sending') {
      await repos.notifications.finish(record.id, 'uncertain', {
        note: 'a send was cut off after the message was handed over: it may have gone out',
      });
      return;
    }
    if (record.state !== 'pending') return;
    const order = await repos.orders.find(record.orderId);
    await withLogContext({ orderRef: order?.orderNumber }, () => this.deliver(record));
  }

  private async deliver(record: NotificationRecord): Promise<void> {
    const { repos, logger } = this.platform;
    const skip = (note: string) => repos.notifications.finish(record.id, 'skipped', { note });
    if (await repos.notifications.optedOut(record.storeId, record.channel, record.recipientHash)) {
      return skip('the recipient unsubscribed');
    }
    if (record.channel !== 'email') return skip('the store has no SMS connection');
    if (!this.email.available) return skip('no SMTP server is configured');
    const [order, timeline, store, shipment] = await Promise.all([
      repos.orders.find(record.orderId),
      repos.timelines.forOrder(record.orderId),
      repos.tenancy.getStore(record.storeId),
      repos.shipments.findForWriteback(record.shipmentId),
    ]);
    const canonical = CanonicalOrderSchema.safeParse(order?.canonical);
    const parcel = timeline?.shipments.find((s) => s.shipmentId === record.shipmentId);
    if (!order || !store || !shipment || !canonical.success || !parcel) {
      return skip('the order or its parcel is gone');
    }
    const settings = parseStoreSettings(store.settings, store.id);
    const destination = destinationOf(
      canonical.data,
      shipment.items.map((item) => item.lineExternalId),
    );
    const to = emailOf(canonical.data, destination);
    // The order's address changed since the message was claimed: not someone else's news.
    if (!to || recipientHash(to) !== record.recipientHash) return skip('the address changed');
    const context = await this.contextOf(record, parcel, settings, {
      storeName: store.name,
      orderNumber: canonical.data.orderNumber,
      customerName: destination?.shipTo.name ?? canonical.data.customer.name ?? null,
    });
    const trigger = NotificationTriggerSchema.parse(record.trigger);
    let rendered;
    try {
      rendered = renderEmail(defaultTemplates(trigger, context.language).email, context);
    } catch (error) {
      // A template or link that cannot make a message: the store has to fix it, not a retry.
      const failure = classifyFailure(error);
      if (failure.kind !== 'permanent') throw error;
      await repos.notifications.finish(record.id, 'failed', { note: failure.message });
      return;
    }
    if (!(await repos.notifications.startSending(record.id))) return;
    try {
      const sent = await this.email.send({
        from: {
          name: settings.notifications.email.fromName ?? context.store.name,
          address: settings.notifications.email.from ?? this.options.mailFrom,
        },
        replyTo: settings.notifications.email.replyTo ?? null,
        to,
        ...rendered,
        unsubscribeUrl: context.links.unsubscribe,
      });
      if (sent.outcome === 'accepted') {
        await repos.notifications.finish(record.id, 'sent', { providerRef: sent.messageId });
        logger.info('notification sent', { trigger, channel: record.channel });
      } else {
        await repos.notifications.finish(
          record.id,
          sent.outcome === 'refused' ? 'failed' : 'uncertain',
          {
            note: sent.message,
          },
        );
        logger.warn('notification not delivered', { outcome: sent.outcome, error: sent.message });
      }
    } catch (error) {
      // Thrown only when the server certainly took nothing: it may be sent on the retry.
      await repos.notifications.backToPending(record.id, String(error));
      throw error;
    }
  }

  private async contextOf(
    record: NotificationRecord,
    parcel: ShipmentTimeline,
    settings: StoreSettings,
    names: { storeName: string; orderNumber: string; customerName: string | null },
  ): Promise<NotificationContext> {
    const { repos } = this.platform;
    const language = PageLanguageSchema.catch(settings.trackingPage.defaultLanguage).parse(
      record.language,
    );
    const base = this.options.trackingPageUrl.replace(/\/+$/, '');
    const token = await repos.trackingPages.linkFor(record.orderId, language);
    const unsubscribe = repos.notifications.unsubscribeToken({
      storeId: record.storeId,
      channel: record.channel,
      recipientHash: record.recipientHash,
    });
    const last = parcel.checkpoints.at(-1);
    const slug = parcel.tracking?.slug ?? parcel.carrierSlug;
    return {
      language,
      trigger: NotificationTriggerSchema.parse(record.trigger),
      store: storeBrand(settings.trackingPage, names.storeName),
      customer: { name: names.customerName },
      order: { number: names.orderNumber },
      parcel: {
        carrierName: slug ? (carrierFromName(slug)?.name ?? slug.toUpperCase()) : '',
        trackingNumber: parcel.tracking?.trackingNumber ?? parcel.trackingNumber ?? '',
        trackingUrl: parcel.tracking?.trackingUrl ?? null,
        status: parcel.tracking?.current.status ?? 'pending',
        estimatedDelivery: parcel.tracking?.estimatedDelivery ?? null,
        lastEvent: {
          message: last?.message ?? null,
          location: last?.location.city ?? null,
          occurredAt: last?.occurredAt ?? null,
        },
        items: parcel.items.map((item) => ({ name: item.name, quantity: item.quantity })),
      },
      links: {
        trackingPage: `${base}/t/${token}?lang=${language}`,
        unsubscribe: `${base}/u/${unsubscribe}`,
      },
    };
  }
}
