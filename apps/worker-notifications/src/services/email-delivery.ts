import type { Platform } from '@shiplink/app-kit';
import { finishNotification } from './outcomes';
import { renderEmail, type EmailTemplate } from '@shiplink/notification-templates';
import type { EmailChannel } from './email-channel';
import { handOver } from './hand-over';
import type { PreparedMessage } from './message-context';

/** E-mail: rendered in the store's template and layout, sent through SMTP with its unsubscribe. */
export class EmailDelivery {
  constructor(
    private readonly platform: Platform,
    private readonly email: EmailChannel,
    private readonly mailFrom: string,
  ) {}

  async deliver(message: PreparedMessage, template: EmailTemplate): Promise<void> {
    const { repos } = this.platform;
    const { record, context, settings } = message;
    if (!this.email.available) {
      return finishNotification(repos, record, 'skipped', {
        note: 'no SMTP server is configured',
      });
    }
    // A template or link that cannot make a message throws permanently: the store fixes it.
    const rendered = renderEmail(template, context);
    await handOver(this.platform, record, () =>
      this.email.send({
        from: {
          name: settings.notifications.email.fromName ?? context.store.name,
          address: settings.notifications.email.from ?? this.mailFrom,
        },
        replyTo: settings.notifications.email.replyTo ?? null,
        to: message.to,
        ...rendered,
        unsubscribeUrl: context.links.unsubscribe,
      }),
    );
  }
}
