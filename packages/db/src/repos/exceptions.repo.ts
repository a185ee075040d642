import type { FulfilmentExceptionKind } from '@shiplink/domain';
import type { Db } from '../client';

export interface FulfilmentExceptionRecord {
  id: string;
  orderId: string;
  fulfilmentOrderId: string;
  kind: FulfilmentExceptionKind;
  rawStatus: string;
  detail: string | null;
  openedAt: Date;
  shownAt: Date | null;
  resolvedAt: Date | null;
}

const toRecord = (row: Omit<FulfilmentExceptionRecord, 'kind'> & { kind: string }) =>
  row as FulfilmentExceptionRecord;

/**
 * Exceptions a fulfilment system reported, one open row per fulfilment order and kind (a partial
 * unique index): of two workers seeing the same hold, one opens it, so the store and the
 * customer hear of each exception once. A resolved exception that comes back is a new one.
 */
export class ExceptionsRepo {
  constructor(private readonly db: Db) {}

  async open(fulfilmentOrderId: string): Promise<FulfilmentExceptionRecord[]> {
    const rows = await this.db.fulfilmentException.findMany({
      where: { fulfilmentOrderId, resolvedAt: null },
      orderBy: { openedAt: 'asc' },
    });
    return rows.map(toRecord);
  }

  forOrder(orderId: string): Promise<FulfilmentExceptionRecord[]> {
    return this.db.fulfilmentException
      .findMany({ where: { orderId }, orderBy: { openedAt: 'asc' } })
      .then((rows) => rows.map(toRecord));
  }

  /** Opens the exception; undefined when one of this kind is open already. */
  async openOnce(input: {
    orderId: string;
    fulfilmentOrderId: string;
    kind: FulfilmentExceptionKind;
    rawStatus: string;
    detail: string | null;
  }): Promise<string | undefined> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO fulfilment_exceptions (id, order_id, fulfilment_order_id, kind, raw_status, detail)
      VALUES (gen_random_uuid(), ${input.orderId}::uuid, ${input.fulfilmentOrderId}::uuid,
              ${input.kind}, ${input.rawStatus}, ${input.detail})
      ON CONFLICT (fulfilment_order_id, kind) WHERE resolved_at IS NULL DO NOTHING
      RETURNING id`;
    return rows[0]?.id;
  }

  /** Opened, but the store order not updated yet (a crash in between): shown on the next look. */
  unshown(fulfilmentOrderId: string): Promise<FulfilmentExceptionRecord[]> {
    return this.db.fulfilmentException
      .findMany({ where: { fulfilmentOrderId, resolvedAt: null, shownAt: null } })
      .then((rows) => rows.map(toRecord));
  }

  async shown(id: string): Promise<void> {
    await this.db.fulfilmentException.update({ where: { id }, data: { shownAt: new Date() } });
  }

  async resolve(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.fulfilmentException.updateMany({
      where: { id: { in: [...ids] }, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
  }
}
