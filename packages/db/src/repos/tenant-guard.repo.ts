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
    return (await this.tenantOf(scope, resource, id)) !== undefined;
  }

  /** The tenant of a row the scope sees, or undefined when it sees no such row. */
  async tenantOf(scope: Scope, resource: GuardedResource, id: string): Promise<string | undefined> {
    if (!UUID.test(id)) return undefined;
    return (await this.lookup(scope, resource, id)) ?? undefined;
  }

  private async lookup(scope: Scope, resource: GuardedResource, id: string) {
    const inStore = { store: { select: { tenantId: true } } } as const;
    const inOrder = { order: { select: inStore } } as const;
    switch (resource) {
      case 'tenant': {
        if (scope.kind === 'tenant' && scope.tenantId !== id) return undefined;
        const row = await this.db.tenant.findUnique({ where: { id }, select: { id: true } });
        return row?.id;
      }
      case 'store':
        return (await this.db.store.findFirst({ where: { id, ...ownedBy(scope) } }))?.tenantId;
      case 'connection':
        return (await this.db.connection.findFirst({ where: { id, ...ownedBy(scope) } }))?.tenantId;
      case 'order':
        return (
          await this.db.order.findFirst({ where: { id, ...inStoreOf(scope) }, select: inStore })
        )?.store.tenantId;
      case 'return':
        return (
          await this.db.orderReturn.findFirst({
            where: { id, ...inStoreOf(scope) },
            select: inStore,
          })
        )?.store.tenantId;
      case 'review':
        return (
          await this.db.orderReview.findFirst({
            where: { id, ...inOrderOf(scope) },
            select: inOrder,
          })
        )?.order.store.tenantId;
      case 'carrierShipment':
        return (
          await this.db.carrierShipment.findFirst({
            where: { id, ...inOrderOf(scope) },
            select: inOrder,
          })
        )?.order.store.tenantId;
    }
  }
}
