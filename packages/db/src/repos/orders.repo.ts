import { CanonicalOrderSchema, type CanonicalOrder } from '@shiplink/domain';
import type { Db } from '../client';
import { inStoreOf, type Scope } from '../scope';
import type { Pool } from 'pg';
import { recordExportRow, upsertOrderRow } from './orders.sql';

export interface OrderRecord {
  id: string;
  storeId: string;
  externalId: string;
  orderNumber: string;
  storeStatusId: number;
  canonical: CanonicalOrder;
  lines: {
    id: string;
    externalId: string;
    externalAddressId: string;
    sku: string;
    quantity: number;
  }[];
}

export interface FulfilmentOrderRecord {
  id: string;
  orderId: string;
  connectionId: string;
  externalAddressId: string;
  orderKey: string;
  externalId: string | null;
  status: string | null;
  /** The store status the hub last set because of a change at the fulfilment system. */
  storeStatusShown: number | null;
}

export class OrdersRepo {
  constructor(
    private readonly db: Db,
    private readonly pool: Pool,
  ) {}

  /** Stores the order as last mapped (one statement: see orders.sql.ts). */
  async upsert(
    storeId: string,
    order: CanonicalOrder,
  ): Promise<OrderRecord & { fulfilmentOrders: FulfilmentOrderRecord[] }> {
    const row = await upsertOrderRow(this.pool, storeId, order);
    return {
      id: row.order_id,
      storeId,
      externalId: order.externalId,
      orderNumber: order.orderNumber,
      storeStatusId: order.storeStatusId,
      canonical: order,
      lines: row.lines.map((l) => ({
        id: l.id,
        externalId: l.external_id,
        externalAddressId: l.external_address_id,
        sku: l.sku,
        quantity: l.quantity,
      })),
      fulfilmentOrders: row.fulfilment.map((f) => ({
        id: f.id,
        orderId: f.order_id,
        connectionId: f.connection_id,
        externalAddressId: f.external_address_id,
        orderKey: f.order_key,
        externalId: f.external_id,
        status: f.status,
        storeStatusShown: f.store_status_shown,
      })),
    };
  }

  async find(id: string): Promise<OrderRecord | undefined> {
    const row = await this.db.order.findUnique({ where: { id }, include: { lines: true } });
    return row ? toRecord(row) : undefined;
  }

  async findByExternal(storeId: string, externalId: string): Promise<OrderRecord | undefined> {
    const row = await this.db.order.findUnique({
      where: { storeId_externalId: { storeId, externalId } },
      include: { lines: true },
    });
    return row ? toRecord(row) : undefined;
  }

  /** Orders by store order number, across the stores the scope sees (admin look-ups). */
  findByNumber(scope: Scope, orderNumber: string) {
    return this.db.order.findMany({
      where: { orderNumber, ...inStoreOf(scope) },
      include: {
        lines: true,
        fulfilmentOrders: true,
        shipments: { include: { items: true } },
        store: { select: { id: true, name: true, tenantId: true } },
      },
    });
  }

  /** What the fulfilment system answered for one destination of an order. */
  recordExport(input: Parameters<typeof recordExportRow>[1]): Promise<void> {
    return recordExportRow(this.pool, input);
  }

  /** Marks the fulfilment order shipped once its non-voided shipments cover every line. */
  async markShippedIfComplete(fulfilmentOrderId: string): Promise<boolean> {
    const record = await this.db.fulfilmentOrder.findUniqueOrThrow({
      where: { id: fulfilmentOrderId },
      include: {
        order: { include: { lines: true } },
        shipments: { where: { voided: false }, include: { items: true } },
      },
    });
    const shipped = new Map<string, number>();
    for (const item of record.shipments.flatMap((s) => s.items)) {
      shipped.set(item.orderLineId, (shipped.get(item.orderLineId) ?? 0) + item.quantity);
    }
    const lines = record.order.lines.filter(
      (l) => l.externalAddressId === record.externalAddressId,
    );
    const complete = lines.length > 0 && lines.every((l) => (shipped.get(l.id) ?? 0) >= l.quantity);
    if (complete && record.status !== 'shipped') {
      await this.db.fulfilmentOrder.update({
        where: { id: record.id },
        data: { status: 'shipped' },
      });
    }
    return complete;
  }

  findFulfilmentOrder(connectionId: string, orderKey: string) {
    return this.db.fulfilmentOrder.findUnique({
      where: { connectionId_orderKey: { connectionId, orderKey } },
    });
  }

  findFulfilmentOrderById(id: string) {
    return this.db.fulfilmentOrder.findUnique({ where: { id } });
  }

  /** Fallback when a shipment carries no key: match on the provider's order id. */
  findFulfilmentOrderByExternalId(connectionId: string, externalId: string) {
    return this.db.fulfilmentOrder.findFirst({ where: { connectionId, externalId } });
  }

  /**
   * Open fulfilment orders of a connection past their ship-by time with no open delay, oldest
   * first: the late orders a poll reports without asking the fulfilment system.
   */
  overdueFulfilmentOrders(connectionId: string, now: Date, limit = 200) {
    return this.db.fulfilmentOrder.findMany({
      where: {
        connectionId,
        shipBy: { lt: now },
        externalId: { not: null },
        exceptions: { none: { kind: 'delayed', resolvedAt: null } },
      },
      orderBy: { shipBy: 'asc' },
      take: limit,
    });
  }

  /**
   * Remembers the store status the hub set because of a change at the fulfilment system (null:
   * none now), so that the store's webhook for it is not taken as the merchant's change.
   */
  async markStoreStatusShown(fulfilmentOrderId: string, statusId: number | null): Promise<void> {
    await this.db.fulfilmentOrder.update({
      where: { id: fulfilmentOrderId },
      data: { storeStatusShown: statusId },
    });
  }
}

function toRecord(row: {
  id: string;
  storeId: string;
  externalId: string;
  orderNumber: string;
  storeStatusId: number;
  canonical: unknown;
  lines: {
    id: string;
    externalId: string;
    externalAddressId: string;
    sku: string;
    quantity: number;
  }[];
}): OrderRecord {
  return {
    id: row.id,
    storeId: row.storeId,
    externalId: row.externalId,
    orderNumber: row.orderNumber,
    storeStatusId: row.storeStatusId,
    canonical: CanonicalOrderSchema.parse(row.canonical),
    lines: row.lines.map(({ id, externalId, externalAddressId, sku, quantity }) => ({
      id,
      externalId,
      externalAddressId,
      sku,
      quantity,
    })),
  };
}
