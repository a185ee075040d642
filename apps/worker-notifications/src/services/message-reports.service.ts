import type { Platform } from '@shiplink/app-kit';
import type { MessageDeliveryStatus } from '@shiplink/domain';

/** How long after sending a message's delivery is asked for when no report came. */
const POLL_AFTER_MS = 2 * 60_000;
/** Messages whose delivery is still open after this are left as they are. */
const POLL_WINDOW_MS = 72 * 3_600_000;
const POLL_BATCH = 100;

/**
 * What a messaging provider reports after a send: each message's delivery (a status callback,
 * or the poll for the callbacks that never came) and recipients texting STOP or START.
 */
export class MessageReportsService {
  constructor(
    private readonly platform: Platform,
    private readonly now: () => number = Date.now,
  ) {}

  async status(report: {
    connectionId: string;
    providerRef: string;
    status: MessageDeliveryStatus;
    errorCode: number | null;
  }): Promise<void> {
    const changed = await this.platform.repos.notifications.recordDelivery(
      report.connectionId,
      report.providerRef,
      report,
    );
    if (changed.length > 0) {
      this.platform.logger.info('message delivery reported', {
        status: report.status,
        errorCode: report.errorCode,
      });
    }
  }

  /** STOP keeps the recipient from every later message of the store on that channel; START ends it. */
  async optOut(report: { connectionId: string; recipientHash: string; optedOut: boolean }) {
    const { repos, logger } = this.platform;
    const connection = await repos.tenancy.findConnection(report.connectionId);
    if (!connection) return;
    if (report.optedOut) {
      await repos.notifications.optOut(connection.storeId, 'sms', report.recipientHash, 'stop');
    } else {
      await repos.notifications.optIn(connection.storeId, 'sms', report.recipientHash);
    }
    logger.info(report.optedOut ? 'recipient opted out' : 'recipient opted in', {
      channel: 'sms',
    });
  }

  /** Asks the provider about messages sent a while ago whose delivery was never reported. */
  async poll({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, ports } = this.platform;
    const connection = await repos.tenancy.findConnection(connectionId);
    if (!connection || !connection.active) return;
    const channel = ports.messages(connection);
    const now = this.now();
    const open = await repos.notifications.awaitingDelivery(connectionId, {
      sentAfter: new Date(now - POLL_WINDOW_MS),
      sentBefore: new Date(now - POLL_AFTER_MS),
      limit: POLL_BATCH,
    });
    for (const message of open) {
      if (!message.providerRef) continue;
      const delivery = await channel.delivery(message.providerRef);
      if (delivery)
        await this.status({ connectionId, providerRef: message.providerRef, ...delivery });
    }
  }
}
