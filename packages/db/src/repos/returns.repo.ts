import type { RefundState, ReturnState } from '@shiplink/domain';
import type { Db } from '../client';
import { isUniqueViolation } from '../unique';

export interface ReturnItemRecord {
  id: string;
  orderLineId: string;
  lineExternalId: string;
  addressExternalId: string;
  sku: string;
  quantity: number;
  condition: string | null;
  restock: boolean;
}

export interface ReturnRecord {
  id: string;
  storeId: string;
  orderId: string;
  source: string;
  sourceRef: string;
  state: ReturnState;
  reason: string | null;
  trackingNumber: string | null;
  receivedAt: Date | null;
  refundState: RefundState;
  refundRef: string | null;
  refundTotal: string | null;
  refundNote: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  refundedAt: Date | null;
  createdAt: Date;
  items: ReturnItemRecord[];
}

export interface NewReturn {
  storeId: string;
  orderId: string;
  source: string;
  sourceRef: string;
  state: ReturnState;
  reason: string | null;
  trackingNumber: string | null;
  refundState: RefundState;
  items: { orderLineId: string; quantity: number; condition: string | null; restock: boolean }[];
}

const include = { items: { include: { orderLine: true } } } as const;

type Row = Awaited<ReturnType<Db['orderReturn']['findUniqueOrThrow']>> & {
  items: {
    id: string;
    orderLineId: string;
    quantity: number;
    condition: string | null;
    restock: boolean;
    orderLine: { externalId: string; externalAddressId: string; sku: string };
  }[];
};

function toRecord(row: Row): ReturnRecord {
  return {
    id: row.id,
    storeId: row.storeId,
    orderId: row.orderId,
    source: row.source,
    sourceRef: row.sourceRef,
    state: row.state as ReturnState,
    reason: row.reason,
    trackingNumber: row.trackingNumber,
    receivedAt: row.receivedAt,
    refundState: row.refundState as RefundState,
    refundRef: row.refundRef,
    refundTotal: row.refundTotal?.toString() ?? null,
    refundNote: row.refundNote,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    refundedAt: row.refundedAt,
    createdAt: row.createdAt,
    items: row.items.map((item) => ({
      id: item.id,
      orderLineId: item.orderLineId,
      lineExternalId: item.orderLine.externalId,
      addressExternalId: item.orderLine.externalAddressId,
      sku: item.orderLine.sku,
      quantity: item.quantity,
      condition: item.condition,
      restock: item.restock,
    })),
  };
}

/**
 * Returns and the one refund each may get. The (order, source, source ref) key makes every
 * report of the same return land on one record; the refund moves through its states by
 * compare-and-set, so of two approvals (or two workers) exactly one moves it on.
 */
export class ReturnsRepo {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<ReturnRecord | undefined> {
    const row = await this.db.orderReturn.findUnique({ where: { id }, include });
    return row ? toRecord(row as Row) : undefined;
  }

  async findBySource(orderId: string, source: string, sourceRef: string) {
    const row = await this.db.orderReturn.findUnique({
      where: { orderId_source_sourceRef: { orderId, source, sourceRef } },
      include,
    });
    return row ? toRecord(row as Row) : undefined;
  }

  async forOrder(orderId: string): Promise<ReturnRecord[]> {
    const rows = await this.db.orderReturn.findMany({
      where: { orderId },
      include,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => toRecord(row as Row));
  }

  async forStore(
    storeId: string,
    refundState?: RefundState,
    limit = 200,
  ): Promise<(ReturnRecord & { orderNumber: string })[]> {
    const rows = await this.db.orderReturn.findMany({
      where: { storeId, ...(refundState ? { refundState } : {}) },
      include: { ...include, order: { select: { orderNumber: true } } },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
    return rows.map((row) => ({ ...toRecord(row as Row), orderNumber: row.order.orderNumber }));
  }

  /** Records a new return with its items; one already recorded for the source is answered instead. */
  async create(input: NewReturn): Promise<{ record: ReturnRecord; created: boolean }> {
    const { items, ...fields } = input;
    try {
      const row = await this.db.orderReturn.create({
        data: { ...fields, items: { create: items } },
        include,
      });
      return { record: toRecord(row as Row), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.findBySource(input.orderId, input.source, input.sourceRef);
      if (!existing) throw error;
      return { record: existing, created: false };
    }
  }

  /** The goods are back (forward only: a received return never goes back to reported). */
  async markReceived(id: string): Promise<boolean> {
    const { count } = await this.db.orderReturn.updateMany({
      where: { id, state: 'reported' },
      data: { state: 'received', receivedAt: new Date() },
    });
    return count === 1;
  }

  /**
   * Moves the refund from one state to the next, only if it is still in `from`: the caller that
   * gets true is the one that moved it.
   */
  async moveRefund(
    id: string,
    from: readonly RefundState[],
    to: RefundState,
    data: {
      approvedBy?: string;
      refundNote?: string | null;
      refundRef?: string;
      refundTotal?: string;
    } = {},
  ): Promise<boolean> {
    const now = new Date();
    const { count } = await this.db.orderReturn.updateMany({
      where: { id, refundState: { in: [...from] } },
      data: {
        refundState: to,
        ...data,
        ...(to === 'approved' && data.approvedBy ? { approvedAt: now } : {}),
        ...(to === 'issued' ? { refundedAt: now } : {}),
      },
    });
    return count === 1;
  }
}
