import type { Repos } from '@shiplink/db';
import { metrics, type Sampler } from '@shiplink/telemetry';

/** The inbox's lag and each connection's last webhook, from the database at each scrape. */
export function inboxSampler(repos: Repos): Sampler {
  return async () => {
    const health = await repos.inbox.health();
    const oldest = health.oldestWaitingAt?.getTime();
    metrics.inboxLag.set(oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000));
    metrics.webhookLastReceived.reset();
    for (const { connectionId, provider, at } of health.lastReceived) {
      metrics.webhookLastReceived.set({ provider, connection: connectionId }, at.getTime() / 1000);
    }
  };
}
