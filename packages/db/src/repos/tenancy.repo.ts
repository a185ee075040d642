import { PermanentError } from '@shiplink/errors';
import type { Db } from '../client';
import type { SecretBox } from '../secret-box';
import { ownedBy, type Scope } from '../scope';
import { TtlCache } from '../ttl-cache';

/**
 * A provider id as the connector registry names it. The database does not list providers: the
 * services check ids against the registry before they write one.
 */
export type Provider = string;

export interface StoreRecord {
  id: string;
  tenantId: string;
  name: string;
  platform: Provider;
  externalRef: string;
  settings: unknown;
  installedAt?: Date | null;
  uninstalledAt?: Date | null;
}

/** A connection with its secrets opened; lives in memory only. */
export interface ConnectionRecord {
  id: string;
  tenantId: string;
  storeId: string;
  provider: Provider;
  baseUrl: string;
  credentials: unknown;
  webhookSecret: string;
  accountKey: string;
  settings: unknown;
  active: boolean;
  store: StoreRecord;
}

export interface NewConnection {
  tenantId: string;
  storeId: string;
  provider: Provider;
  baseUrl: string;
  credentials: unknown;
  webhookSecret: string;
  accountKey: string;
  settings?: unknown;
}

/** Ids are UUIDs; anything else cannot name a row and never reaches the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);

type ConnectionRow = Awaited<ReturnType<Db['connection']['findFirstOrThrow']>> & {
  store: StoreRecord;
};

export class TenancyRepo {
  /**
   * Connections are read on every webhook and every job; they are cached briefly (a settings
   * change reaches other processes within the TTL; this process sees its own at once). Unknown
   * ids are cached for a shorter time so a flood of bad URLs does not reach the database.
   */
  private readonly cache: TtlCache<ConnectionRecord | undefined>;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    cacheTtlMs = 15_000,
  ) {
    this.cache = new TtlCache(cacheTtlMs);
  }

  /** Forgets cached connections after a change made outside this repository (an install). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The scope's stores with their connections (no secrets), for the console. */
  listStores(scope: Scope) {
    return this.db.store.findMany({
      where: ownedBy(scope),
      include: {
        connections: {
          select: { id: true, provider: true, baseUrl: true, active: true, createdAt: true },
          orderBy: { createdAt: 'asc' },
        },
      },
      orderBy: { createdAt: 'asc' },
    });
  }

  createTenant(name: string) {
    return this.db.tenant.create({ data: { name } });
  }

  async getTenant(id: string) {
    return isUuid(id) ? this.db.tenant.findUnique({ where: { id } }) : null;
  }

  async createStore(input: {
    tenantId: string;
    name: string;
    platform: Provider;
    externalRef: string;
    settings?: unknown;
  }): Promise<StoreRecord> {
    return this.db.store.create({
      data: { ...input, settings: (input.settings ?? {}) as object },
    });
  }

  /** A store by its platform and its reference there (a BigCommerce store hash). */
  async findStoreByRef(platform: string, externalRef: string): Promise<StoreRecord | null> {
    return this.db.store.findUnique({
      where: { platform_externalRef: { platform, externalRef } },
    });
  }

  async getStore(id: string): Promise<StoreRecord | null> {
    return isUuid(id) ? this.db.store.findUnique({ where: { id } }) : null;
  }

  async updateStoreSettings(id: string, settings: unknown): Promise<StoreRecord> {
    const store = await this.db.store.update({
      where: { id },
      data: { settings: settings as object },
    });
    this.cache.clear();
    return store;
  }

  async createConnection(input: NewConnection): Promise<ConnectionRecord> {
    const row = await this.db.connection.create({
      data: {
        tenantId: input.tenantId,
        storeId: input.storeId,
        provider: input.provider,
        baseUrl: input.baseUrl,
        accountKey: input.accountKey,
        settings: (input.settings ?? {}) as object,
        credentialsEnc: this.box.seal(JSON.stringify(input.credentials)),
        webhookSecretEnc: this.box.seal(input.webhookSecret),
      },
      include: { store: true },
    });
    this.cache.clear();
    return this.open(row);
  }

  /** A new webhook secret (and the credentials it derives from, where it is one of them). */
  async rotateWebhookSecret(
    id: string,
    webhookSecret: string,
    credentials?: unknown,
  ): Promise<ConnectionRecord> {
    const row = await this.db.connection.update({
      where: { id },
      data: {
        webhookSecretEnc: this.box.seal(webhookSecret),
        ...(credentials === undefined
          ? {}
          : { credentialsEnc: this.box.seal(JSON.stringify(credentials)) }),
      },
      include: { store: true },
    });
    this.cache.clear();
    return this.open(row);
  }

  /** The credentials as stored now, past the cache: another process may just have rotated them. */
  async readCredentials(id: string): Promise<unknown> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.connection.findUnique({
      where: { id },
      select: { credentialsEnc: true },
    });
    return row ? (JSON.parse(this.box.open(row.credentialsEnc)) as unknown) : undefined;
  }

  /** Replaces the credentials (a refreshed token, new webhook secrets), encrypted. */
  async updateCredentials(id: string, credentials: unknown): Promise<void> {
    await this.db.connection.update({
      where: { id },
      data: { credentialsEnc: this.box.seal(JSON.stringify(credentials)) },
    });
    this.cache.clear();
  }

  async updateConnectionSettings(id: string, settings: unknown): Promise<void> {
    await this.db.connection.update({ where: { id }, data: { settings: settings as object } });
    this.cache.clear();
  }

  async findConnection(id: string): Promise<ConnectionRecord | undefined> {
    if (!isUuid(id)) return undefined;
    return this.cache.get(`id:${id}`, async () => {
      const row = await this.db.connection.findUnique({ where: { id }, include: { store: true } });
      return row ? this.open(row) : undefined;
    });
  }

  /**
   * The connection a job names; a missing or disabled one is a permanent failure, and so is one
   * of another provider than `provider` (one, or any of several: the providers playing a role).
   */
  async requireConnection(
    id: string,
    provider?: Provider | readonly Provider[],
  ): Promise<ConnectionRecord> {
    const connection = await this.findConnection(id);
    if (!connection || !connection.active) {
      throw new PermanentError(`connection ${id} does not exist or is disabled`, {
        reason: 'connection.unknown',
      });
    }
    const wanted = provider === undefined ? undefined : ([] as Provider[]).concat(provider);
    if (wanted && !wanted.includes(connection.provider)) {
      throw new PermanentError(`connection ${id} is not a ${wanted.join(' or ')} connection`, {
        reason: 'connection.wrong_provider',
      });
    }
    return connection;
  }

  async findStoreConnection(storeId: string, provider: Provider) {
    return this.cache.get(`store:${storeId}:${provider}`, async () => {
      const row = await this.db.connection.findFirst({
        where: { storeId, provider, active: true },
        include: { store: true },
      });
      return row ? this.open(row) : undefined;
    });
  }

  /**
   * The store's active connection to whichever of `providers` it has (the providers playing a
   * role, in preference order), e.g. the fulfilment system a store exports to.
   */
  async findStoreConnectionAmong(
    storeId: string,
    providers: readonly Provider[],
  ): Promise<ConnectionRecord | undefined> {
    for (const provider of providers) {
      const connection = await this.findStoreConnection(storeId, provider);
      if (connection) return connection;
    }
    return undefined;
  }

  /** Like `findStoreConnectionAmong`; having none is a permanent failure. */
  async requireStoreConnectionAmong(
    storeId: string,
    providers: readonly Provider[],
  ): Promise<ConnectionRecord> {
    const connection = await this.findStoreConnectionAmong(storeId, providers);
    if (!connection) {
      throw new PermanentError(
        `store ${storeId} has no active ${providers.join(' or ')} connection`,
        { reason: 'connection.missing' },
      );
    }
    return connection;
  }

  async listActiveConnections(provider?: Provider): Promise<ConnectionRecord[]> {
    const rows = await this.db.connection.findMany({
      where: { active: true, ...(provider ? { provider } : {}) },
      include: { store: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => this.open(row));
  }

  /** Every connection of a store, stopped ones too (what the console lists). */
  async listStoreConnections(storeId: string): Promise<ConnectionRecord[]> {
    const rows = await this.db.connection.findMany({
      where: { storeId },
      include: { store: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => this.open(row));
  }

  private open(row: ConnectionRow): ConnectionRecord {
    return {
      id: row.id,
      tenantId: row.tenantId,
      storeId: row.storeId,
      provider: row.provider,
      baseUrl: row.baseUrl,
      credentials: JSON.parse(this.box.open(row.credentialsEnc)) as unknown,
      webhookSecret: this.box.open(row.webhookSecretEnc),
      accountKey: row.accountKey,
      settings: row.settings,
      active: row.active,
      store: row.store,
    };
  }
}
