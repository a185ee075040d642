import type { Platform } from '@shiplink/app-kit';
import { finishNotification } from './outcomes';
import type { MessageChannel } from '@shiplink/domain';
import { afterQuietHours, shortenToFit, statusWords, timeZoneOf } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';
import { renderSms, type SmsTemplate } from '@shiplink/notification-templates';
import { handOver } from './hand-over';
import type { PreparedMessage } from './message-context';

/**
 * SMS through the store's messaging connection: held until the recipient's quiet hours end,
 * skipped when the parcel has moved on while it waited (an order's news does not move on), cut
 * to the connection's length budget with the tracking link kept whole, and followed by the
 * provider's delivery reports.
 */
export class SmsDelivery {
  constructor(
    private readonly platform: Platform,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deliver(message: PreparedMessage, template: SmsTemplate, released: boolean): Promise<void> {
    const { repos, ports } = this.platform;
    const { record, context } = message;
    const skip = (note: string) => finishNotification(repos, record, 'skipped', { note });
    const connection = await repos.tenancy.findStoreConnectionAmong(
      record.storeId,
      ports.providersWith('messages'),
    );
    if (!connection) return skip('the store has no SMS connection');
    if (!released && (await this.heldForQuietHours(message))) return;
    if (record.notBefore && message.currentTrigger !== message.trigger) {
      const now = statusWords(context.parcel?.status, 'en').toLowerCase();
      return skip(`the parcel moved on (${now}) while the message waited for quiet hours`);
    }
    const channel: MessageChannel = ports.messages(connection);
    const body = shortenToFit(renderSms(template, context), context.links.trackingPage, (text) =>
      channel.fits(text),
    );
    if (!body) {
      return finishNotification(repos, record, 'failed', {
        note: 'not even the tracking link fits the connection’s length budget',
      });
    }
    await handOver(this.platform, record, async () => {
      const sent = await channel.send({ to: message.to, body, statusCallbackUrl: null });
      return sent.outcome === 'accepted'
        ? {
            outcome: 'accepted',
            providerRef: sent.providerRef,
            connectionId: connection.id,
            deliveryStatus: sent.status,
          }
        : sent;
    });
  }

  /**
   * Inside the recipient's quiet hours (their country's time zone, else the store's), the
   * message becomes a job of its own due when they end; true when it was held.
   */
  private async heldForQuietHours({ record, country, settings }: PreparedMessage) {
    const { sms } = settings.notifications;
    const now = this.now();
    const due = afterQuietHours(now, timeZoneOf(country, sms.defaultTimeZone), sms.quietHours);
    if (due.getTime() <= now.getTime()) return false;
    await this.platform.repos.notifications.defer(record.id, due);
    await this.platform.producer.enqueue(
      jobs.notificationSend,
      { notificationId: record.id, notBefore: due.toISOString() },
      { correlationId: currentLogContext().correlationId ?? `notification-${record.id}` },
      { delayMs: due.getTime() - now.getTime() },
    );
    this.platform.logger.info('sms held for quiet hours', { until: due.toISOString() });
    return true;
  }
}
