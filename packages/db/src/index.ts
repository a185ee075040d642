import type { Logger } from '@shiplink/logger';
import { createDb, type Db, type DbOptions } from './client';
import { LockPool } from './locks';
import { AuditTrail } from './repos/audit.repo';
import { CursorsRepo } from './repos/cursors.repo';
import { DeadLettersRepo } from './repos/dead-letters.repo';
import { InboxRepo } from './repos/inbox.repo';
import { OrdersRepo } from './repos/orders.repo';
import { ShipmentsRepo } from './repos/shipments.repo';
import { TenancyRepo } from './repos/tenancy.repo';
import { SecretBox } from './secret-box';

export * from './client';
export * from './locks';
export * from './secret-box';
export * from './unique';
export * from './repos/audit.repo';
export * from './repos/cursors.repo';
export * from './repos/dead-letters.repo';
export * from './repos/inbox.repo';
export * from './repos/orders.repo';
export * from './repos/shipments.repo';
export * from './repos/tenancy.repo';

/** Every repository over one client: what an app builds once at boot. */
export interface Repos {
  db: Db;
  tenancy: TenancyRepo;
  inbox: InboxRepo;
  audit: AuditTrail;
  orders: OrdersRepo;
  shipments: ShipmentsRepo;
  deadLetters: DeadLettersRepo;
  cursors: CursorsRepo;
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
  const db = createDb(options.databaseUrl, options.db);
  const audit = new AuditTrail(db, options.logger);
  const locks = new LockPool(options.databaseUrl, options.db?.poolSize ?? 10);
  return {
    db,
    tenancy: new TenancyRepo(db, new SecretBox(options.encryptionKey)),
    inbox: new InboxRepo(db),
    audit,
    orders: new OrdersRepo(db),
    shipments: new ShipmentsRepo(db),
    deadLetters: new DeadLettersRepo(db),
    cursors: new CursorsRepo(db),
    locks,
    async close() {
      await audit.flush();
      await locks.close();
      await db.$disconnect();
    },
  };
}
