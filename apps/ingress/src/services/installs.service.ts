import type { ProviderId } from '@shiplink/connectors';
import type { Repos } from '@shiplink/db';
import type { PollScheduler } from './polls.service';

export interface Disconnected {
  storeId: string;
  tenantId: string;
  connections: string[];
}

/**
 * A store leaving: every connection of the store stops (jobs that name one fail as a disabled
 * connection, webhooks to it answer 404) and its polls are removed. Orders, shipments, trackings
 * and the audit trail stay; installing again brings the connections back.
 */
export class InstallsService {
  constructor(
    private readonly repos: Repos,
    private readonly polls: PollScheduler,
  ) {}

  async disconnect(platform: ProviderId, storeRef: string): Promise<Disconnected | undefined> {
    const stopped = await this.repos.installs.uninstall(platform, storeRef);
    if (!stopped) return undefined;
    for (const connection of stopped.connections) await this.polls.unschedule(connection);
    return {
      storeId: stopped.storeId,
      tenantId: stopped.tenantId,
      connections: stopped.connections.map((c) => c.id),
    };
  }
}
