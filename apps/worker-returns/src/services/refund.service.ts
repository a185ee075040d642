import { noteOnStoreOrder, type Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import type { OrderRecord, ReturnRecord } from '@shiplink/db';
import {
  CanonicalOrderSchema,
  refundMarker,
  type IssuedRefund,
  type RefundRequest,
  type StoreRefunds,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { jobs } from '@shiplink/jobs';
import { currentLogContext, withLogContext } from '@shiplink/logger';

/**
 * A return's refund, issued exactly once. Approval moved it to `approved` by compare-and-set
 * (of two approvals one wins); here, under a lock per return, it moves to `issuing` before the
 * store is asked, and the refund carries the return's marker. A crash or a lost answer leaves it
 * `issuing`: the next attempt reads the store's refunds of the order for the marker first, and
 * only issues when there is none. The store refusing (nothing left to refund) is `failed`, for a
 * person, never retried on its own.
 */
export class RefundService {
  constructor(private readonly platform: Platform) {}

  async issue({ returnId }: { returnId: string }): Promise<void> {
    await this.platform.repos.locks.withLock(`refund:${returnId}`, () => this.run(returnId));
  }

  private async run(returnId: string) {
    const { repos, ports, logger } = this.platform;
    const record = await repos.returns.find(returnId);
    const order = record && (await repos.orders.find(record.orderId));
    if (!record || !order) {
      logger.warn('return is no longer recorded', { returnId });
      return;
    }
    await withLogContext({ orderRef: order.orderNumber }, async () => {
      if (record.refundState !== 'approved' && record.refundState !== 'issuing') {
        logger.info('refund not to issue', { returnId, refund: record.refundState });
        return;
      }
      const connection = await repos.tenancy.requireStoreConnectionAmong(
        order.storeId,
        ports.providersFor('store'),
      );
      const refunds = ports.store(connection).refunds;
      if (!refunds) {
        await repos.returns.moveRefund(returnId, ['approved', 'issuing'], 'not_refunded', {
          refundNote: 'the store does not take refunds through the hub: refund it there',
        });
        return;
      }
      const marker = refundMarker(returnId);
      if (record.refundState === 'issuing') {
        const made = await refunds.find(order.externalId, marker);
        if (made) return this.issued(order, record, made);
      } else if (!(await repos.returns.moveRefund(returnId, ['approved'], 'issuing'))) {
        return;
      }
      const { returns: policy } = parseStoreSettings(connection.store.settings, order.storeId);
      const request = refundRequest(order, record, policy.refundShipping, marker);
      await this.ask(refunds, order, record, request, marker);
    });
  }

  private async ask(
    refunds: StoreRefunds,
    order: OrderRecord,
    record: ReturnRecord,
    request: RefundRequest,
    marker: string,
  ) {
    const { repos, logger } = this.platform;
    try {
      const quote = await refunds.quote(order.externalId, request);
      const made = await refunds.issue(order.externalId, request, quote);
      await this.issued(order, record, made);
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      // Refused, or refused because it was made already: only the store's own list can tell.
      const made = await refunds.find(order.externalId, marker);
      if (made) return this.issued(order, record, made);
      await repos.returns.moveRefund(record.id, ['issuing'], 'failed', {
        refundNote: error.message.slice(0, 500),
      });
      await noteOnStoreOrder(
        this.platform,
        order,
        `[Shiplink] The refund for return ${record.sourceRef} was refused by the store: ${error.message.slice(0, 200)}`,
      );
      logger.warn('refund refused by the store', { returnId: record.id, error: error.message });
    }
  }

  private async issued(order: OrderRecord, record: ReturnRecord, made: IssuedRefund) {
    const { repos, producer, logger } = this.platform;
    const moved = await repos.returns.moveRefund(record.id, ['issuing', 'approved'], 'issued', {
      refundRef: made.refundRef,
      refundTotal: made.total,
      refundNote: null,
    });
    if (!moved) return;
    await noteOnStoreOrder(
      this.platform,
      order,
      `[Shiplink] Refund ${made.refundRef} of ${made.total} ${order.canonical.currency} issued for return ${record.sourceRef}.`,
    );
    await producer.enqueue(
      jobs.orderNotify,
      {
        orderId: order.id,
        trigger: 'refund_issued',
        subjectRef: record.id,
        facts: { amount: made.total, currency: order.canonical.currency },
      },
      { correlationId: currentLogContext().correlationId ?? `refund-${record.id}` },
    );
    logger.info('refund issued', {
      returnId: record.id,
      refundRef: made.refundRef,
      total: made.total,
    });
  }
}

/** The returned items, and shipping of their destinations where the policy refunds it. */
function refundRequest(
  order: OrderRecord,
  record: ReturnRecord,
  refundShipping: boolean,
  marker: string,
): RefundRequest {
  const canonical = CanonicalOrderSchema.safeParse(order.canonical);
  const addresses = new Set(record.items.map((item) => item.addressExternalId));
  const shipping =
    refundShipping && canonical.success
      ? canonical.data.destinations
          .filter((d) => addresses.has(d.addressExternalId))
          .map((d) => ({ addressRef: d.addressExternalId, amount: d.shippingCost }))
      : [];
  return {
    items: record.items.map((item) => ({ lineRef: item.lineExternalId, quantity: item.quantity })),
    shipping,
    reason: `Return ${record.sourceRef} (${marker})`,
  };
}
