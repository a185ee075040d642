import type { Db } from '../client';

/** Where each delta poll left off. */
export class CursorsRepo {
  constructor(private readonly db: Db) {}

  async get(connectionId: string, resource: string): Promise<string | undefined> {
    const row = await this.db.syncCursor.findUnique({
      where: { connectionId_resource: { connectionId, resource } },
    });
    return row?.value;
  }

  async set(connectionId: string, resource: string, value: string): Promise<void> {
    await this.db.syncCursor.upsert({
      where: { connectionId_resource: { connectionId, resource } },
      create: { connectionId, resource, value },
      update: { value },
    });
  }
}
