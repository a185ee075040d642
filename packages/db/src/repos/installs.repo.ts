import type { Db } from '../client';
import type { SecretBox } from '../secret-box';
import type { TenancyRepo } from './tenancy.repo';

export interface AppInstall {
  platform: string;
  storeRef: string;
  /** Names for a store (and tenant) installing for the first time. */
  storeName: string;
  /** The tenant to put a new store in (the installing owner's, when they have an account). */
  tenantId?: string | undefined;
  connection: {
    baseUrl: string;
    credentials: unknown;
    webhookSecret: string;
    accountKey: string;
  };
}

export interface InstalledStore {
  tenantId: string;
  storeId: string;
  connectionId: string;
  /** False when the store was known already (a reinstall). */
  created: boolean;
}

/**
 * A store's app install and uninstall: the store, its tenant and its platform connection made or
 * brought back in one transaction; an uninstall stops every connection and keeps all history.
 */
export class InstallsRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly tenancy: TenancyRepo,
  ) {}

  async install(input: AppInstall): Promise<InstalledStore> {
    const sealed = {
      baseUrl: input.connection.baseUrl,
      accountKey: input.connection.accountKey,
      credentialsEnc: this.box.seal(JSON.stringify(input.connection.credentials)),
      webhookSecretEnc: this.box.seal(input.connection.webhookSecret),
    };
    const installed = await this.db.$transaction(async (tx) => {
      const known = await tx.store.findUnique({
        where: { platform_externalRef: { platform: input.platform, externalRef: input.storeRef } },
      });
      const store =
        known ??
        (await tx.store.create({
          data: {
            tenantId:
              input.tenantId ?? (await tx.tenant.create({ data: { name: input.storeName } })).id,
            name: input.storeName,
            platform: input.platform,
            externalRef: input.storeRef,
          },
        }));
      await tx.store.update({
        where: { id: store.id },
        data: { installedAt: new Date(), uninstalledAt: null },
      });
      // What the uninstall stopped starts again; the platform connection gets its new token.
      await tx.connection.updateMany({ where: { storeId: store.id }, data: { active: true } });
      const connection = await tx.connection.upsert({
        where: { storeId_provider: { storeId: store.id, provider: input.platform } },
        create: {
          tenantId: store.tenantId,
          storeId: store.id,
          provider: input.platform,
          ...sealed,
        },
        update: { ...sealed, active: true },
      });
      return {
        tenantId: store.tenantId,
        storeId: store.id,
        connectionId: connection.id,
        created: !known,
      };
    });
    this.tenancy.invalidate();
    return installed;
  }

  /** Marks the store uninstalled and stops its connections; answers them, or none if unknown. */
  async uninstall(
    platform: string,
    storeRef: string,
  ): Promise<
    | { tenantId: string; storeId: string; connections: { id: string; provider: string }[] }
    | undefined
  > {
    const result = await this.db.$transaction(async (tx) => {
      const store = await tx.store.findUnique({
        where: { platform_externalRef: { platform, externalRef: storeRef } },
      });
      if (!store) return undefined;
      await tx.store.update({ where: { id: store.id }, data: { uninstalledAt: new Date() } });
      const connections = await tx.connection.updateManyAndReturn({
        where: { storeId: store.id },
        data: { active: false },
        select: { id: true, provider: true },
      });
      return { tenantId: store.tenantId, storeId: store.id, connections };
    });
    this.tenancy.invalidate();
    return result;
  }
}
