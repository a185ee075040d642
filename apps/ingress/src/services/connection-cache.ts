import type { ConnectionRecord, TenancyRepo } from '@shiplink/db';

/**
 * Webhook routes look a connection up on every request; secrets are decrypted once per TTL.
 * Unknown ids are remembered briefly too, so a flood of bad URLs does not reach the database.
 */
export class ConnectionCache {
  private readonly entries = new Map<string, { value: ConnectionRecord | undefined; until: number }>();

  constructor(
    private readonly tenancy: TenancyRepo,
    private readonly ttlMs = 30_000,
    private readonly missTtlMs = 5_000,
  ) {}

  async get(id: string): Promise<ConnectionRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.value;
    const value = await this.tenancy.findConnection(id);
    const active = value?.active ? value : undefined;
    this.entries.set(id, { value: active, until: now + (active ? this.ttlMs : this.missTtlMs) });
    if (this.entries.size > 10_000) this.entries.clear();
    return active;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
