import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import {
  CanonicalOrderSchema,
  channelsFor,
  languageFor,
  recipientOf,
  type OrderNotificationFacts,
  type OrderNotificationTrigger,
} from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';
import { claimMessage } from './claims';

/**
 * An order's own news (the fulfilment system holds it, waits for its payment, rejects it or is
 * late with it; a return arrived, a refund was issued), as the store's rules see it: each channel
 * claimed as one message (order and subjectRef, trigger, channel) before it is sent, so a job
 * replayed or enqueued twice sends nothing twice. From there it is a message like a parcel's:
 * the same recipient, language, opt-outs and quiet hours, sent by `notificationSend`.
 */
export class OrderNotificationService {
  constructor(private readonly platform: Platform) {}

  async handle(input: {
    orderId: string;
    trigger: OrderNotificationTrigger;
    subjectRef: string;
    facts: OrderNotificationFacts;
  }): Promise<void> {
    const { repos, logger } = this.platform;
    const { trigger } = input;
    const order = await repos.orders.find(input.orderId);
    const store = order ? await repos.tenancy.getStore(order.storeId) : undefined;
    const canonical = CanonicalOrderSchema.safeParse(order?.canonical);
    if (!order || !store || !canonical.success) {
      logger.info('no order notification: the order is gone', { trigger });
      return;
    }
    await withLogContext({ orderRef: order.orderNumber }, async () => {
      const settings = parseStoreSettings(store.settings, store.id);
      // The news is about the whole order: its first destination stands for it, as a parcel's
      // own destination does for the parcel (rules, recipient, language). No carrier yet.
      const destination = canonical.data.destinations[0];
      const country = destination?.shipTo.country ?? null;
      const channels = channelsFor(settings.notifications, {
        trigger,
        country,
        shippingMethod: destination?.shippingMethod ?? null,
        carrierSlug: null,
      });
      const language = languageFor(country, settings.trackingPage.defaultLanguage);
      // The amount's currency is settled in the claim: a send after a crash says the same.
      const facts =
        input.facts.amount !== undefined && input.facts.currency === undefined
          ? { ...input.facts, currency: canonical.data.currency }
          : input.facts;
      for (const channel of channels) {
        await claimMessage(
          this.platform,
          {
            orderId: order.id,
            storeId: store.id,
            subjectRef: input.subjectRef,
            facts,
            trigger,
            language,
          },
          channel,
          recipientOf(channel, canonical.data, destination),
        );
      }
      logger.info('order notification handled', { trigger, channels });
    });
  }
}
