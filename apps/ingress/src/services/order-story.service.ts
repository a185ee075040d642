import { z } from 'zod';
import type { InboxEventSummary, OrderStoryRecord, Repos, Scope } from '@shiplink/db';
import { redact } from '@shiplink/logger';
import { displayName, isUuid } from '../http/params';
import { HttpProblem } from '../http/problems';
import { chronology, type CallView } from './order-story-chronology';
import { orderTimeline, type ShipmentTimelineView } from './timeline.service';

/** Stored webhook bodies up to this size are shown (redacted); larger ones are only named. */
export const STORY_PAYLOAD_MAX_CHARS = 4_096;

export const OrderSearchQuerySchema = z
  .object({
    q: displayName,
    storeId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type OrderSearchQuery = z.infer<typeof OrderSearchQuerySchema>;

type AuditRow = Awaited<ReturnType<Repos['audit']['forOrder']>>[number];

const eventIdOf = (row: AuditRow): string | undefined => {
  const id = (row.metadata as { eventId?: unknown } | null)?.eventId;
  return row.kind.startsWith('webhook') && typeof id === 'string' && isUuid(id) ? id : undefined;
};

/** Order search and the whole story of one order, for support staff. */
export class OrderStoryService {
  constructor(private readonly repos: Repos) {}

  async search(scope: Scope, query: OrderSearchQuery) {
    if (query.storeId && !(await this.repos.orderStories.storeVisible(scope, query.storeId))) {
      throw new HttpProblem(404, 'unknown_store', 'no such store');
    }
    return { items: await this.repos.orderStories.search(scope, query) };
  }

  async story(scope: Scope, storeId: string, orderNumber: string) {
    const stories = this.repos.orderStories;
    if (!(await stories.storeVisible(scope, storeId))) {
      throw new HttpProblem(404, 'unknown_store', 'no such store');
    }
    const order = await stories.story(scope, storeId, orderNumber);
    if (!order) throw new HttpProblem(404, 'unknown_order', `no order ${orderNumber} is known`);
    const connections = new Map(order.store.connections.map((c) => [c.id, c.provider]));
    const calls = await this.calls(scope, order, connections);
    const eventIds = calls.map(eventIdOf).filter((id): id is string => id !== undefined);
    const [events, tracking] = await Promise.all([
      stories.inboxEvents(eventIds, [...connections.keys()], STORY_PAYLOAD_MAX_CHARS),
      this.tracking(scope, order),
    ]);
    const sections = {
      order: {
        storeId: order.storeId,
        storeName: order.store.name,
        orderNumber: order.orderNumber,
        externalId: order.externalId,
        status: order.storeStatus,
        currency: order.currency,
        customerEmailMasked: order.customerEmailMasked,
        placedAt: order.placedAt,
        updatedAt: order.updatedAt.toISOString(),
      },
      events: events.map(presentEvent),
      calls: calls.map(presentCall),
      fulfilment: {
        orders: order.fulfilmentOrders.map(({ connectionId, ...fo }) => ({
          provider: connections.get(connectionId) ?? null,
          ...fo,
        })),
        exceptions: order.exceptions,
        reviews: order.reviews,
      },
      shipments: order.shipments.map(({ items, ...shipment }) => ({
        ...shipment,
        items: items.map((item) => ({ sku: item.orderLine.sku, quantity: item.quantity })),
      })),
      consignments: order.carrierShipments.map(({ connection, ...consignment }) => ({
        provider: connection.provider,
        ...consignment,
      })),
      tracking,
      notifications: order.notifications,
      returns: order.returns.map(({ items, ...entry }) => ({
        ...entry,
        items: items.map((item) => ({
          sku: item.orderLine.sku,
          quantity: item.quantity,
          restock: item.restock,
        })),
      })),
      writebacks: order.trackingWritebacks,
    };
    return { ...sections, timeline: chronology(order, sections.calls, events, tracking) };
  }

  /**
   * The audit trail's rows for the order (by its number and by the store's id of it) that came
   * through the store's own connections, in the order they happened.
   */
  private async calls(scope: Scope, order: OrderStoryRecord, connections: Map<string, string>) {
    const refs = [...new Set([order.orderNumber, order.externalId])];
    const rows = (await Promise.all(refs.map((ref) => this.repos.audit.forOrder(scope, ref))))
      .flat()
      .filter((row) => row.connectionId !== null && connections.has(row.connectionId));
    const unique = new Map(rows.map((row) => [row.id, row]));
    return [...unique.values()].sort(
      (a, b) =>
        a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** The order's parcels' timelines, as the timeline endpoint shows them. */
  private async tracking(scope: Scope, order: OrderStoryRecord): Promise<ShipmentTimelineView[]> {
    const numbers = new Set(order.shipments.map((s) => s.trackingNumber).filter((n) => n));
    if (numbers.size === 0) return [];
    // The timeline covers every store's order of this number; this store's parcels are kept.
    const { shipments } = await orderTimeline(this.repos, scope, order.orderNumber);
    return shipments.filter((view) => view.trackingNumber && numbers.has(view.trackingNumber));
  }
}

function presentCall(call: AuditRow): CallView {
  return {
    at: call.occurredAt.toISOString(),
    direction: call.direction,
    kind: call.kind,
    provider: call.provider,
    method: call.method,
    endpoint: call.endpoint,
    status: call.status,
    durationMs: call.durationMs,
    error: call.error,
    correlationId: call.correlationId,
  };
}

function presentEvent(event: InboxEventSummary) {
  const { payload, ...rest } = event;
  return {
    ...rest,
    // Bodies are kept whole in the inbox; here personal data and secrets are taken out.
    payload: payload === null ? null : redact(payload),
    payloadOmitted: payload === null,
  };
}
