import type { Db } from '../client';
import { inOrderOf, inStoreOf, ownedBy, type Scope } from '../scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a route may name by id; each is looked up with the caller's tenant in the query. */
export type GuardedResource =
  'tenant' | 'store' | 'connection' | 'return' | 'review' | 'carrierShipment' | 'order';

/**
 * Whether a row the caller names by id is one of its tenant's. Every admin route that takes an id
 * asks here first, so another tenant's store, connection, return, review or parcel is "not found"
 * exactly like one that does not exist (no oracle for which ids exist).
 */
export class TenantGuard {
  constructor(private readonly db: Db) {}

  async owns(scope: Scope, resource: GuardedResource, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const found = await this.lookup(scope, resource, id);
    return found !== null;
  }

  private lookup(scope: Scope, resource: GuardedResource, id: string) {
    const select = { id: true } as const;
    switch (resource) {
      case 'tenant':
        return this.db.tenant.findFirst({
          where: { id, ...(scope.kind === 'tenant' ? { id: scope.tenantId } : {}) },
          select,
        });
      case 'store':
        return this.db.store.findFirst({ where: { id, ...ownedBy(scope) }, select });
      case 'connection':
        return this.db.connection.findFirst({ where: { id, ...ownedBy(scope) }, select });
      case 'order':
        return this.db.order.findFirst({ where: { id, ...inStoreOf(scope) }, select });
      case 'return':
        return this.db.orderReturn.findFirst({ where: { id, ...inStoreOf(scope) }, select });
      case 'review':
        return this.db.orderReview.findFirst({ where: { id, ...inOrderOf(scope) }, select });
      case 'carrierShipment':
        return this.db.carrierShipment.findFirst({ where: { id, ...inOrderOf(scope) }, select });
    }
  }
}
