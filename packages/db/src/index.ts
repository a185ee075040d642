import type { Logger } from '@shiplink/logger';
import { createDb, type Db, type DbOptions } from './client';
import { LockPool } from './locks';
import { createPgPool } from './pg-pool';
import { AccountsRepo } from './repos/accounts.repo';
import { AuditTrail } from './repos/audit.repo';
import { CarrierShipmentsRepo } from './repos/carrier-shipments.repo';
import { CatalogRepo } from './repos/catalog.repo';
import { CursorsRepo } from './repos/cursors.repo';
import { RatesRepo } from './repos/rates.repo';
import { ReturnsRepo } from './repos/returns.repo';
import { RoutingRepo } from './repos/routing.repo';
import { SequencesRepo } from './repos/sequences.repo';
import { DeadLettersRepo } from './repos/dead-letters.repo';
import { DeliveryAnalyticsRepo } from './repos/delivery-analytics.repo';
import { ExceptionsRepo } from './repos/exceptions.repo';
import { InboxRepo } from './repos/inbox.repo';
import { InstallsRepo } from './repos/installs.repo';
import { NotificationTemplatesRepo } from './repos/notification-templates.repo';
import { NotificationsRepo } from './repos/notifications.repo';
import { OrderStoryRepo } from './repos/order-story.repo';
import { RetentionRepo } from './repos/retention.repo';
import { OrdersRepo } from './repos/orders.repo';
import { ProductSyncsRepo } from './repos/product-syncs.repo';
import { ShipmentsRepo } from './repos/shipments.repo';
import { StockMovementsRepo } from './repos/stock-movements.repo';
import { StockRepo } from './repos/stock.repo';
import { TenancyRepo } from './repos/tenancy.repo';
import { TenantGuard } from './repos/tenant-guard.repo';
import { TrackingPagesRepo } from './repos/tracking-pages.repo';
import { TrackingTimelinesRepo } from './repos/tracking-timelines.repo';
import { TrackingsRepo } from './repos/trackings.repo';
import { SecretBox } from './secret-box';

export * from './client';
export * from './locks';
export * from './schema-version';
export * from './scope';
export * from './secret-box';
export * from './unique';
export * from './repos/accounts.repo';
export * from './repos/audit.repo';
export * from './repos/carrier-shipments.repo';
export * from './repos/catalog.repo';
export * from './repos/cursors.repo';
export * from './repos/rates.repo';
export * from './repos/returns.repo';
export * from './repos/routing.repo';
export * from './repos/rule-set-versions';
export * from './ttl-cache';
export * from './repos/sequences.repo';
export * from './repos/dead-letters.repo';
export * from './repos/delivery-analytics.repo';
export * from './repos/exceptions.repo';
export * from './repos/inbox.repo';
export * from './repos/installs.repo';
export * from './repos/notification-templates.repo';
export * from './repos/notifications.repo';
export * from './repos/order-story.repo';
export * from './repos/orders.repo';
export * from './repos/product-syncs.repo';
export * from './repos/retention.repo';
export * from './repos/shipments.repo';
export * from './repos/stock.repo';
export * from './repos/stock-movements.repo';
export * from './repos/tenancy.repo';
export * from './repos/tenant-guard.repo';
export * from './repos/tracking-records';
export * from './repos/tracking-pages.repo';
export * from './repos/tracking-timelines.repo';
export * from './repos/trackings.repo';

/** Every repository over one client: what an app builds once at boot. */
export interface Repos {
  db: Db;
  tenancy: TenancyRepo;
  accounts: AccountsRepo;
  installs: InstallsRepo;
  /** Whether an id a caller names is its tenant's (see TenantGuard). */
  guard: TenantGuard;
  inbox: InboxRepo;
  audit: AuditTrail;
  orders: OrdersRepo;
  shipments: ShipmentsRepo;
  deadLetters: DeadLettersRepo;
  exceptions: ExceptionsRepo;
  cursors: CursorsRepo;
  sequences: SequencesRepo;
  rates: RatesRepo;
  returns: ReturnsRepo;
  routing: RoutingRepo;
  trackings: TrackingsRepo;
  timelines: TrackingTimelinesRepo;
  trackingPages: TrackingPagesRepo;
  notifications: NotificationsRepo;
  notificationTemplates: NotificationTemplatesRepo;
  catalog: CatalogRepo;
  carrierShipments: CarrierShipmentsRepo;
  stock: StockRepo;
  stockMovements: StockMovementsRepo;
  productSyncs: ProductSyncsRepo;
  /** Read models for the console: delivery performance, and an order's whole story. */
  deliveryAnalytics: DeliveryAnalyticsRepo;
  orderStories: OrderStoryRepo;
  /** Batched deletes of what has outlived its retention window. */
  retention: RetentionRepo;
  /** Advisory locks that serialise one side effect across every worker process. */
  locks: LockPool;
  close(): Promise<void>;
}

export function createRepos(options: {
  databaseUrl: string;
  encryptionKey: string;
  logger?: Logger;
  db?: DbOptions;
}): Repos {
  // One connection budget per process, split three ways: Prisma, the hot-path statements, and
  // advisory locks (which hold their connection across a provider call, so they get their own).
  const total = Math.max(6, options.db?.poolSize ?? 12);
  const share = Math.floor(total / 3);
  const db = createDb(options.databaseUrl, { poolSize: share, logger: options.logger });
  const locks = new LockPool(options.databaseUrl, share, options.logger);
  // The inbox's batched inserts go straight to node-postgres: they are the ingress hot path.
  const pool = createPgPool(options.databaseUrl, {
    size: total - 2 * share,
    logger: options.logger,
    purpose: 'statements',
  });
  const audit = new AuditTrail(db, pool, options.logger);
  const box = new SecretBox(options.encryptionKey);
  const tenancy = new TenancyRepo(db, box);
  return {
    db,
    tenancy,
    installs: new InstallsRepo(db, box, tenancy),
    accounts: new AccountsRepo(db),
    guard: new TenantGuard(db),
    inbox: new InboxRepo(db, pool),
    audit,
    orders: new OrdersRepo(db, pool),
    shipments: new ShipmentsRepo(db),
    deadLetters: new DeadLettersRepo(db),
    exceptions: new ExceptionsRepo(db),
    cursors: new CursorsRepo(db),
    sequences: new SequencesRepo(db),
    rates: new RatesRepo(db),
    returns: new ReturnsRepo(db),
    routing: new RoutingRepo(db),
    carrierShipments: new CarrierShipmentsRepo(db),
    trackings: new TrackingsRepo(db),
    timelines: new TrackingTimelinesRepo(db),
    trackingPages: new TrackingPagesRepo(db, box),
    notifications: new NotificationsRepo(db, box),
    notificationTemplates: new NotificationTemplatesRepo(db),
    catalog: new CatalogRepo(db),
    stock: new StockRepo(db),
    stockMovements: new StockMovementsRepo(db),
    productSyncs: new ProductSyncsRepo(db),
    deliveryAnalytics: new DeliveryAnalyticsRepo(db, pool),
    orderStories: new OrderStoryRepo(db),
    retention: new RetentionRepo(pool, locks),
    locks,
    async close() {
      await audit.flush();
      await locks.close();
      await pool.end();
      await db.$disconnect();
    },
  };
}
