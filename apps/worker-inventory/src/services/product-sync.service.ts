import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord, ProductSyncRecord, ProductSyncResult } from '@shiplink/db';
import {
  catalogVariantDigest,
  type CatalogVariant,
  type FulfilmentSystem,
  type ProductSyncOutcome,
  type StorePlatform,
} from '@shiplink/domain';

/** Variants given to the fulfilment system at once; each batch's answers are kept before the next. */
const BATCH = 10;
/** Waiting SKUs one recheck asks about; the next run takes the rest. */
export const RECHECK_BATCH = 50;

type Counts = Record<ProductSyncOutcome['status'] | 'skipped', number>;
const noCounts = (): Counts => ({ updated: 0, unchanged: 0, unknown: 0, refused: 0, skipped: 0 });

type Catalog = StorePlatform & Required<Pick<StorePlatform, 'readProduct'>>;
type Products = FulfilmentSystem & Required<Pick<FulfilmentSystem, 'syncProducts'>>;

interface Side<P> {
  connection: ConnectionRecord;
  port: P;
}

const readsProducts = (store: StorePlatform): store is Catalog => store.readProduct !== undefined;
const syncsProducts = (system: FulfilmentSystem): system is Products =>
  system.syncProducts !== undefined;

/** One product's writes to one fulfilment connection at a time, whichever job makes them. */
const productLock = (fulfilmentId: string, productRef: string) =>
  `product-sync:${fulfilmentId}:${productRef}`;

/**
 * A store's products into its fulfilment system: each variant's weight, dimensions and customs
 * data, per SKU. What the system was given is kept as a digest per (connection, SKU), so a
 * replayed or repeated event sends nothing the system has. A system that cannot create products
 * (ShipStation V1) answers `unknown` for a SKU it has not seen; the SKU waits, with its product
 * ref, until a recheck finds the system knows it (an exported order with the SKU files it).
 */
export class ProductSyncService {
  constructor(private readonly platform: Platform) {}

  /** A store product changed (`connectionId` is the store's connection). */
  async sync(input: { connectionId: string; productRef: string; trigger: string }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const storeConnection = await repos.tenancy.requireConnection(
      input.connectionId,
      ports.providersFor('store'),
    );
    const store = this.catalogOf(storeConnection);
    const fulfilment = await this.fulfilmentOf(storeConnection.storeId);
    if (!store || !fulfilment) return;
    const counts = await repos.locks.withLock(
      productLock(fulfilment.connection.id, input.productRef),
      async () => {
        const product = await store.port.readProduct(input.productRef);
        if (!product) {
          logger.info('product not in the store, nothing synced', { productRef: input.productRef });
          return noCounts();
        }
        return this.give(fulfilment, product.productRef, product.variants, 'changed');
      },
    );
    logger.info('product synced', {
      productRef: input.productRef,
      trigger: input.trigger,
      ...counts,
    });
  }

  /**
   * SKUs waiting at a fulfilment connection (`connectionId`) that are due: each product is read
   * from the store again and its waiting variants are given to the system. Nothing due costs one
   * query and no provider call.
   */
  async recheck({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const due = await repos.productSyncs.due(connectionId, new Date(), RECHECK_BATCH);
    if (due.length === 0) return;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    const fulfilment = this.productsOf(connection);
    const storeConnection = await repos.tenancy.findStoreConnectionAmong(
      connection.storeId,
      ports.providersFor('store'),
    );
    const store = storeConnection ? this.catalogOf(storeConnection) : undefined;
    if (!fulfilment || !store) {
      logger.warn('waiting products not rechecked: no store catalog to read', { due: due.length });
      return;
    }
    const total = noCounts();
    let forgotten = 0;
    for (const [productRef, rows] of byProduct(due)) {
      await repos.locks.withLock(productLock(connectionId, productRef), async () => {
        const product = await store.port.readProduct(productRef);
        const variants = product?.variants ?? [];
        // Read again under the lock: a product sync may have settled some of them meanwhile.
        const still = (
          await repos.productSyncs.forSkus(
            connectionId,
            rows.map((r) => r.sku),
          )
        )
          .filter((row) => row.state === 'waiting')
          .map((row) => row.sku);
        const waiting = new Set(still);
        const gone = still.filter((sku) => !variants.some((variant) => variant.sku === sku));
        forgotten += await repos.productSyncs.forget(connectionId, gone);
        const counts = await this.give(
          fulfilment,
          productRef,
          variants.filter((variant) => waiting.has(variant.sku)),
          'recheck',
        );
        for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
      });
    }
    logger.info('waiting products rechecked', { due: due.length, forgotten, ...total });
  }

  /**
   * Gives the system the variants, in batches, keeping each batch's answers before the next (a
   * retry after a rate limit does not ask again about what was answered). On a change, variants
   * whose values the row holds already are skipped: given, waiting or refused, nothing new.
   */
  private async give(
    fulfilment: Side<Products>,
    productRef: string,
    variants: readonly CatalogVariant[],
    why: 'changed' | 'recheck',
  ): Promise<Counts> {
    const { repos, logger } = this.platform;
    const connectionId = fulfilment.connection.id;
    const counts = noCounts();
    const digests = new Map(
      variants.map((variant) => [variant.sku, catalogVariantDigest(variant)]),
    );
    const rows = new Map<string, ProductSyncRecord>(
      (await repos.productSyncs.forSkus(connectionId, [...digests.keys()])).map((row) => [
        row.sku,
        row,
      ]),
    );
    const pending = variants.filter((variant) => {
      const held =
        why === 'changed' && rows.get(variant.sku)?.wantedDigest === digests.get(variant.sku);
      if (held) counts.skipped += 1;
      return !held;
    });
    for (let at = 0; at < pending.length; at += BATCH) {
      const batch = pending.slice(at, at + BATCH);
      const checkedAt = new Date();
      const outcomes = await fulfilment.port.syncProducts(batch);
      const results: ProductSyncResult[] = outcomes.flatMap((outcome) => {
        const digest = digests.get(outcome.sku);
        return digest === undefined ? [] : [{ outcome, productRef, digest }];
      });
      await repos.productSyncs.record(connectionId, results, checkedAt);
      for (const { outcome } of results) {
        counts[outcome.status] += 1;
        if (outcome.status === 'refused') {
          logger.warn('product values refused', { sku: outcome.sku, reason: outcome.reason });
        }
      }
    }
    return counts;
  }

  /** The store's fulfilment connection with its port, where it keeps products in step. */
  private async fulfilmentOf(storeId: string): Promise<Side<Products> | undefined> {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.findStoreConnectionAmong(
      storeId,
      ports.providersFor('fulfilment'),
    );
    if (!connection) {
      logger.info('store has no fulfilment connection, no product synced', { storeId });
      return undefined;
    }
    return this.productsOf(connection);
  }

  private productsOf(connection: ConnectionRecord): Side<Products> | undefined {
    const port = this.platform.ports.fulfilment(connection);
    if (syncsProducts(port)) return { connection, port };
    this.unsupported(connection, 'keeps no products in step');
    return undefined;
  }

  private catalogOf(connection: ConnectionRecord): Side<Catalog> | undefined {
    const port = this.platform.ports.store(connection);
    if (readsProducts(port)) return { connection, port };
    this.unsupported(connection, 'has no catalog to read');
    return undefined;
  }

  private unsupported(connection: ConnectionRecord, what: string) {
    this.platform.logger.info('connection takes no part in product sync', {
      provider: connection.provider,
      what,
    });
  }
}

function byProduct(rows: readonly ProductSyncRecord[]): Map<string, ProductSyncRecord[]> {
  const groups = new Map<string, ProductSyncRecord[]>();
  for (const row of rows) groups.set(row.productRef, [...(groups.get(row.productRef) ?? []), row]);
  return groups;
}
