import type { Repos, NotificationRecord } from '@shiplink/db';
import { metrics } from '@shiplink/telemetry';

type Outcome = Parameters<Repos['notifications']['finish']>[1];
type Details = Parameters<Repos['notifications']['finish']>[2];

/** Records how a message ended, and counts it by channel, trigger and outcome. */
export async function finishNotification(
  repos: Repos,
  record: Pick<NotificationRecord, 'id' | 'channel' | 'trigger'>,
  outcome: Outcome,
  details?: Details,
): Promise<void> {
  await repos.notifications.finish(record.id, outcome, details);
  metrics.notifications.inc({ channel: record.channel, trigger: record.trigger, outcome });
}
