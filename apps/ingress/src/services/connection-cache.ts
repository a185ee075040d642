import type { ConnectionRecord, TenancyRepo } from '@shiplink/db';

/** The active connection a webhook URL names (the tenancy repo caches the look-up). */
export class ConnectionCache {
  constructor(private readonly tenancy: TenancyRepo) {}

  async get(id: string): Promise<ConnectionRecord | undefined> {
    const connection = await this.tenancy.findConnection(id);
    return connection?.active ? connection : undefined;
  }
}
