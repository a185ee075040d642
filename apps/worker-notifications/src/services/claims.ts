import type { Platform } from '@shiplink/app-kit';
import { finishNotification } from './outcomes';
import type { NewNotification } from '@shiplink/db';
import { masked, recipientHash, type NotificationChannel } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';

/** A claim before its recipient is known (NewNotification is a union: omitted one by one). */
type Claim = NewNotification extends infer T
  ? T extends unknown
    ? Omit<T, 'recipientHash' | 'recipientMasked' | 'channel'>
    : never
  : never;

/**
 * Claims one message on `channel` to `address` and hands it to the send job. A message claimed
 * before is handed over again only while it is still pending (its send job id is the same, so a
 * send that is queued already is not queued twice); one without an address is skipped, saying why.
 */
export async function claimMessage(
  platform: Platform,
  claim: Claim,
  channel: NotificationChannel,
  address: string | null,
): Promise<void> {
  const { repos } = platform;
  const { record, created } = await repos.notifications.claim({
    ...claim,
    channel,
    recipientHash: address ? recipientHash(address) : 'none',
    recipientMasked: address ? masked(address) : '(none)',
  });
  if (!created && record.state !== 'pending') return;
  if (!address) {
    const why =
      channel === 'sms'
        ? 'the order has no phone number a text message can go to'
        : 'the order has no e-mail address';
    await finishNotification(repos, record, 'skipped', { note: why });
    return;
  }
  await platform.producer.enqueue(
    jobs.notificationSend,
    { notificationId: record.id },
    { correlationId: currentLogContext().correlationId ?? `notification-${record.id}` },
  );
}
