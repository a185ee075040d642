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

/**
 * One run of a delta poll: it reads from a little before its cursor (store clocks and list
 * consistency are not exact), or looks back on a connection's first poll; the newest change it
 * sees becomes the cursor when it closes.
 */
export class DeltaWindow {
  private newest: Date;

  constructor(
    private readonly cursors: CursorsRepo,
    private readonly connectionId: string,
    private readonly resource: string,
    stored: string | undefined,
    readonly since: Date,
  ) {
    this.newest = stored ? new Date(stored) : since;
  }

  /** A change stamp seen in this run; answers it as a date. */
  see(changedAt: string): Date {
    const at = new Date(changedAt);
    if (at > this.newest) this.newest = at;
    return at;
  }

  async close(): Promise<void> {
    await this.cursors.set(this.connectionId, this.resource, this.newest.toISOString());
  }
}

/** A delta poll's window over `resource` of the connection (see `DeltaWindow`). */
export async function openDeltaWindow(
  cursors: CursorsRepo,
  connectionId: string,
  resource: string,
  bounds: { overlapMs: number; firstLookbackMs: number },
): Promise<DeltaWindow> {
  const stored = await cursors.get(connectionId, resource);
  const since = stored
    ? new Date(new Date(stored).getTime() - bounds.overlapMs)
    : new Date(Date.now() - bounds.firstLookbackMs);
  return new DeltaWindow(cursors, connectionId, resource, stored, since);
}
