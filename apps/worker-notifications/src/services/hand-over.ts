import type { Platform } from '@shiplink/app-kit';
import { finishNotification } from './outcomes';
import type { NotificationRecord } from '@shiplink/db';
import { classifyFailure } from '@shiplink/errors';

/** What a channel said when a message was handed to it. */
export type HandOverOutcome =
  | {
      outcome: 'accepted';
      providerRef: string;
      /** The messaging connection it went through, whose reports follow its delivery. */
      connectionId?: string;
      deliveryStatus?: string;
    }
  /** Refused for good; `optedOut` when the provider says the recipient asked for no messages. */
  | { outcome: 'refused'; message: string; optedOut?: boolean }
  /** No telling whether it went out (no answer): never sent again automatically. */
  | { outcome: 'unknown'; message: string };

/**
 * Hands a pending message to its channel, once: marked as being sent first (so a crash leaves a
 * trace a retry recognises), then finished with what the channel said. A channel throws only
 * when it certainly took nothing: a permanent reason fails the message, any other is retried.
 */
export async function handOver(
  platform: Platform,
  record: NotificationRecord,
  send: () => Promise<HandOverOutcome>,
): Promise<void> {
  const { repos, logger } = platform;
  if (!(await repos.notifications.startSending(record.id))) return;
  let result: HandOverOutcome;
  try {
    result = await send();
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind === 'permanent') {
      await finishNotification(repos, record, 'failed', { note: failure.message });
      logger.warn('notification refused before sending', { error: failure.message });
      return;
    }
    await repos.notifications.backToPending(record.id, failure.message);
    throw error;
  }
  const facts = { trigger: record.trigger, channel: record.channel };
  switch (result.outcome) {
    case 'accepted':
      await finishNotification(repos, record, 'sent', {
        providerRef: result.providerRef,
        ...(result.connectionId ? { connectionId: result.connectionId } : {}),
        ...(result.deliveryStatus ? { deliveryStatus: result.deliveryStatus } : {}),
      });
      logger.info('notification sent', facts);
      return;
    case 'refused':
      if (result.optedOut) {
        await repos.notifications.optOut(
          record.storeId,
          record.channel,
          record.recipientHash,
          'stop',
        );
        await finishNotification(repos, record, 'skipped', {
          note: 'the recipient asked the sender for no more messages (STOP)',
        });
      } else {
        await finishNotification(repos, record, 'failed', { note: result.message });
      }
      logger.warn('notification refused', { ...facts, error: result.message });
      return;
    case 'unknown':
      await finishNotification(repos, record, 'uncertain', { note: result.message });
      logger.warn('notification may not have gone out', { ...facts, error: result.message });
  }
}
