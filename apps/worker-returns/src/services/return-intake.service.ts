import { noteOnStoreOrder, type Platform } from '@shiplink/app-kit';
import { parseStoreSettings, type StoreSettings } from '@shiplink/connectors';
import type { ConnectionRecord, OrderRecord, ReturnRecord } from '@shiplink/db';
import {
  refundStateFor,
  restockable,
  type ReportedReturn,
  type ReturnState,
  type StorePlatform,
} from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext, withLogContext } from '@shiplink/logger';

/** The order's store, read once per return: its connection and settings. */
interface StoreContext {
  connection: ConnectionRecord;
  settings: StoreSettings;
}

interface ReturnFacts {
  order: OrderRecord;
  source: string;
  sourceRef: string;
  state: ReturnState;
  reason: string | null;
  trackingNumber: string | null;
  items: { orderLineId: string; quantity: number; condition: string | null }[];
}

/**
 * Returns in: whatever reported it (a fulfilment system's return, a parcel the carrier brought
 * back), one return record with its items per source and reference; the refund follows the
 * store's policy. Once the goods are back: sellable items to stock (through the inventory
 * worker), the customer told, and an automatic refund asked for where the policy says so.
 */
export class ReturnIntakeService {
  constructor(private readonly platform: Platform) {}

  async reported({ connectionId, report }: { connectionId: string; report: ReportedReturn }) {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    const fulfilment =
      (report.orderKey
        ? await repos.orders.findFulfilmentOrder(connectionId, report.orderKey)
        : null) ??
      (report.fulfilmentOrderId
        ? await repos.orders.findFulfilmentOrderByExternalId(connectionId, report.fulfilmentOrderId)
        : null);
    const order = fulfilment && (await repos.orders.find(fulfilment.orderId));
    if (!fulfilment || !order) {
      logger.info('return for an order the hub did not export', { sourceRef: report.sourceRef });
      return;
    }
    const lines = order.lines.filter((l) => l.externalAddressId === fulfilment.externalAddressId);
    const items = report.items.length
      ? report.items.flatMap((item) => {
          const line =
            lines.find((l) => item.lineRef !== null && l.externalId === item.lineRef) ??
            lines.find((l) => item.sku !== null && l.sku === item.sku);
          if (!line) logger.warn('returned item matches no order line', { sku: item.sku });
          return line
            ? [{ orderLineId: line.id, quantity: item.quantity, condition: item.condition }]
            : [];
        })
      : lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity, condition: null }));
    await this.record({
      order,
      source: connection.provider,
      sourceRef: report.sourceRef,
      state: report.state,
      reason: report.reason,
      trackingNumber: report.trackingNumber,
      items,
    });
  }

  /** The carrier brought a parcel back to the merchant: what it held is returned. */
  async parcelReturned({ shipmentId }: { shipmentId: string }) {
    const { repos, logger } = this.platform;
    const shipment = await repos.shipments.findForWriteback(shipmentId);
    const order = shipment && (await repos.orders.find(shipment.orderId));
    if (!shipment || !order) {
      logger.warn('returned parcel is no longer recorded', { shipmentId });
      return;
    }
    const items = shipment.items.flatMap((item) => {
      const line = order.lines.find((l) => l.externalId === item.lineExternalId);
      return line ? [{ orderLineId: line.id, quantity: item.quantity, condition: null }] : [];
    });
    await this.record({
      order,
      source: 'carrier',
      sourceRef: `parcel:${shipment.id}`,
      state: 'received',
      reason: 'returned to the merchant by the carrier',
      trackingNumber: shipment.trackingNumber,
      items,
    });
  }

  private async record(facts: ReturnFacts): Promise<void> {
    const { repos, logger } = this.platform;
    await withLogContext({ orderRef: facts.order.orderNumber }, async () => {
      if (facts.items.length === 0) {
        logger.warn('return names nothing the order holds: not recorded', {
          sourceRef: facts.sourceRef,
        });
        return;
      }
      // The store's connection, once: its settings, its notes, its stock and its own returns.
      const connection = await repos.tenancy.requireStoreConnectionAmong(
        facts.order.storeId,
        this.platform.ports.providersFor('store'),
      );
      const settings = parseStoreSettings(connection.store.settings, facts.order.storeId);
      const policy = settings.returns;
      const { record, created } = await repos.returns.create({
        storeId: facts.order.storeId,
        orderId: facts.order.id,
        source: facts.source,
        sourceRef: facts.sourceRef,
        state: facts.state,
        reason: facts.reason,
        trackingNumber: facts.trackingNumber,
        refundState: refundStateFor(policy, facts.state, undefined) ?? 'awaiting_approval',
        items: facts.items.map((item) => ({
          ...item,
          restock: restockable(policy, item.condition),
        })),
      });
      const received =
        facts.state === 'received' &&
        (created ? true : await repos.returns.markReceived(record.id));
      if (!created && !received) return;
      if (received && !created) {
        const next = refundStateFor(policy, 'received', record.refundState);
        if (next && next !== record.refundState) {
          await repos.returns.moveRefund(record.id, [record.refundState], next);
        }
      }
      const current = (await repos.returns.find(record.id))!;
      await this.act({ connection, settings }, facts.order, current, { created, received });
    });
  }

  /** The store order noted, the customer told, stock and refund asked for. */
  private async act(
    store: StoreContext,
    order: OrderRecord,
    record: ReturnRecord,
    news: { created: boolean; received: boolean },
  ): Promise<void> {
    const { producer, logger } = this.platform;
    const units = record.items.reduce((sum, item) => sum + item.quantity, 0);
    const what = news.received ? 'received' : 'reported';
    const port = this.platform.ports.store(store.connection);
    await noteOnStoreOrder(
      this.platform,
      order,
      `[Shiplink] Return ${record.sourceRef} ${what}: ${units} item(s); refund ${record.refundState.replace('_', ' ')}.`,
      port,
    );
    const correlationId = currentLogContext().correlationId ?? `return-${record.id}`;
    // A parcel the carrier brought back is on a store that keeps parcels already (its tracking
    // write-back records the return there).
    if (record.source !== 'carrier') await this.recordInStore(port, order, record);
    if (news.received) {
      await this.restock(store, order, record, correlationId);
      await producer.enqueue(
        jobs.orderNotify,
        {
          orderId: order.id,
          trigger: 'return_received',
          subjectRef: record.id,
          facts: { items: units },
        },
        { correlationId },
      );
    }
    if (record.refundState === 'approved') {
      await producer.enqueue(jobs.refundIssue, { returnId: record.id }, { correlationId });
    }
    logger.info('return recorded', {
      returnId: record.id,
      state: record.state,
      refund: record.refundState,
      units,
    });
  }

  /** Stores that keep returns on the order (commercetools) get it recorded there, once. */
  private async recordInStore(store: StorePlatform, order: OrderRecord, record: ReturnRecord) {
    if (!store.recordReturn) return;
    await store.recordReturn(order.externalId, {
      returnRef: record.id,
      items: record.items.map((item) => ({
        lineRef: item.lineExternalId,
        quantity: item.quantity,
        restock: item.restock,
      })),
      trackingNumber: record.trackingNumber,
      receivedAt: record.receivedAt?.toISOString() ?? null,
    });
  }

  /** Sellable items back to the store's stock, once each, through the inventory worker. */
  private async restock(
    { connection, settings }: StoreContext,
    order: OrderRecord,
    record: ReturnRecord,
    correlationId: string,
  ) {
    const { repos, producer } = this.platform;
    const items = record.items.filter((item) => item.restock);
    if (items.length === 0) return;
    const { inventory } = settings;
    const sourceRef = `return:${record.id}`;
    await repos.stockMovements.plan({
      storeId: order.storeId,
      connectionId: connection.id,
      sourceRef,
      locationRef: inventory.locationRef,
      origin: 'return',
      sign: 1,
      items: items.map((item) => ({
        itemKey: `line:${item.lineExternalId}`,
        sku: item.sku,
        quantity: item.quantity,
      })),
    });
    await producer.enqueue(
      jobs.stockMoves,
      { connectionId: connection.id, sourceRef, revert: false },
      { correlationId },
    );
  }
}
