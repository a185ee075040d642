import { CanonicalOrderSchema, type CanonicalOrder } from '@shiplink/domain';
import type { Db } from '../client';
import { isUniqueViolation } from '../unique';

export interface OrderRecord {
  id: string;
  storeId: string;
  externalId: string;
  orderNumber: string;
  storeStatusId: number;
  canonical: CanonicalOrder;
  lines: { id: string; externalId: string; externalAddressId: string; sku: string; quantity: number }[];
}

export interface FulfilmentOrderRecord {
  id: string;
  orderId: string;
  connectionId: string;
  externalAddressId: string;
  orderKey: string;
  externalId: string | null;
  status: string | null;
}

export class OrdersRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores the order as last mapped; lines are matched by the store's line id. Two statements
   * (a look-up, then one nested write) keep this cheap on the import hot path.
   */
  async upsert(storeId: string, order: CanonicalOrder): Promise<OrderRecord & { fulfilmentOrders: FulfilmentOrderRecord[] }> {
    const fields = {
      orderNumber: order.orderNumber,
      storeStatusId: order.storeStatusId,
      storeStatus: order.storeStatus,
      currency: order.currency,
      canonical: order as object,
      storeModifiedAt: new Date(order.modifiedAt),
    };
    const lineFields = (line: CanonicalOrder['lines'][number]) => ({
      externalAddressId: line.addressExternalId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      weight: line.weightGrams,
    });
    const include = { lines: true, fulfilmentOrders: true } as const;
    const existing = await this.db.order.findUnique({
      where: { storeId_externalId: { storeId, externalId: order.externalId } },
      select: { id: true },
    });
    const row = existing
      ? await this.db.order.update({
          where: { id: existing.id },
          data: {
            ...fields,
            lines: {
              upsert: order.lines.map((line) => ({
                where: { orderId_externalId: { orderId: existing.id, externalId: line.externalId } },
                create: { externalId: line.externalId, ...lineFields(line) },
                update: lineFields(line),
              })),
            },
          },
          include,
        })
      : await this.db.order
          .create({
            data: {
              storeId,
              externalId: order.externalId,
              ...fields,
              lines: { create: order.lines.map((line) => ({ externalId: line.externalId, ...lineFields(line) })) },
            },
            include,
          })
          .catch(async (error: unknown) => {
            // Another worker created it a moment ago: update that one instead.
            if (!isUniqueViolation(error)) throw error;
            return this.upsert(storeId, order);
          });
    return { ...toRecord(row), fulfilmentOrders: row.fulfilmentOrders };
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

  /** Orders by store order number, across the stores a tenant owns (admin look-ups). */
  findByNumber(orderNumber: string, tenantId?: string) {
    return this.db.order.findMany({
      where: { orderNumber, ...(tenantId ? { store: { tenantId } } : {}) },
      include: {
        lines: true,
        fulfilmentOrders: true,
        shipments: { include: { items: true } },
        store: { select: { id: true, name: true, tenantId: true } },
      },
    });
  }

  /** What the fulfilment system answered for one destination of an order. */
  async recordExport(input: {
    orderId: string;
    connectionId: string;
    externalAddressId: string;
    orderKey: string;
    externalId: string;
    status: string;
  }): Promise<void> {
    const { externalId, status, ...key } = input;
    await this.db.fulfilmentOrder.upsert({
      where: {
        orderId_connectionId_externalAddressId: {
          orderId: key.orderId,
          connectionId: key.connectionId,
          externalAddressId: key.externalAddressId,
        },
      },
      create: { ...key, externalId, status, exportedAt: new Date() },
      update: { externalId, status, exportedAt: new Date() },
    });
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
    const lines = record.order.lines.filter((l) => l.externalAddressId === record.externalAddressId);
    const complete = lines.length > 0 && lines.every((l) => (shipped.get(l.id) ?? 0) >= l.quantity);
    if (complete && record.status !== 'shipped') {
      await this.db.fulfilmentOrder.update({ where: { id: record.id }, data: { status: 'shipped' } });
    }
    return complete;
  }

  findFulfilmentOrder(connectionId: string, orderKey: string) {
    return this.db.fulfilmentOrder.findUnique({
      where: { connectionId_orderKey: { connectionId, orderKey } },
    });
  }

  /** Fallback when a shipment carries no key: match on the provider's order id. */
  findFulfilmentOrderByExternalId(connectionId: string, externalId: string) {
    return this.db.fulfilmentOrder.findFirst({ where: { connectionId, externalId } });
  }
}

function toRecord(row: {
  id: string;
  storeId: string;
  externalId: string;
  orderNumber: string;
  storeStatusId: number;
  canonical: unknown;
  lines: { id: string; externalId: string; externalAddressId: string; sku: string; quantity: number }[];
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
