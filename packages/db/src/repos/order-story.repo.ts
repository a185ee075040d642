import { masked } from '@shiplink/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { inStoreOf, ownedBy, scopedTenant, type Scope } from '../scope';

export type OrderMatch = 'orderNumber' | 'trackingNumber' | 'email';

export interface OrderSearchHit {
  storeId: string;
  storeName: string;
  orderNumber: string;
  /** The store's own name of the order's status. */
  status: string;
  customerEmailMasked: string | null;
  placedAt: string;
  matchedBy: OrderMatch;
}

export const ORDER_SEARCH_MAX = 50;

interface HitRow {
  id: string;
  store_id: string;
  store_name: string;
  order_number: string;
  store_status: string;
  email: string | null;
  placed_at: string | null;
  created_at: Date;
  matched_by: OrderMatch;
  rank: number;
}

/** The highest code point: every string that starts with `q` sorts below `q` followed by it. */
const LAST_CHAR = String.fromCodePoint(0x10ffff);

/** Everything kept about one order, for the console's story of it (no secrets, no raw bodies). */
const STORY_SELECT = {
  id: true,
  storeId: true,
  externalId: true,
  orderNumber: true,
  storeStatus: true,
  currency: true,
  canonical: true,
  createdAt: true,
  updatedAt: true,
  store: { select: { name: true, connections: { select: { id: true, provider: true } } } },
  fulfilmentOrders: {
    orderBy: { exportedAt: 'asc' },
    select: {
      orderKey: true,
      externalId: true,
      status: true,
      exportedAt: true,
      shipBy: true,
      connectionId: true,
    },
  },
  exceptions: {
    orderBy: { openedAt: 'asc' },
    select: { kind: true, rawStatus: true, detail: true, openedAt: true, resolvedAt: true },
  },
  reviews: {
    orderBy: { createdAt: 'asc' },
    select: { reason: true, skus: true, status: true, createdAt: true, resolvedAt: true },
  },
  shipments: {
    orderBy: { createdAt: 'asc' },
    select: {
      source: true,
      trackingNumber: true,
      carrierSlug: true,
      serviceCode: true,
      shippingMethod: true,
      shipDate: true,
      voided: true,
      writebackStatus: true,
      writebackNote: true,
      createdAt: true,
      items: { select: { quantity: true, orderLine: { select: { sku: true } } } },
    },
  },
  carrierShipments: {
    orderBy: { createdAt: 'asc' },
    select: {
      status: true,
      serviceName: true,
      shipmentRef: true,
      consignedAt: true,
      labelFetchedAt: true,
      labelError: true,
      error: true,
      createdAt: true,
      connection: { select: { provider: true } },
    },
  },
  notifications: {
    orderBy: { createdAt: 'asc' },
    select: {
      trigger: true,
      channel: true,
      state: true,
      recipientMasked: true,
      language: true,
      deliveryStatus: true,
      deliveryAt: true,
      note: true,
      sentAt: true,
      createdAt: true,
    },
  },
  returns: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      source: true,
      state: true,
      reason: true,
      trackingNumber: true,
      receivedAt: true,
      refundState: true,
      refundRef: true,
      refundTotal: true,
      refundNote: true,
      approvedBy: true,
      approvedAt: true,
      refundedAt: true,
      createdAt: true,
      items: { select: { quantity: true, restock: true, orderLine: { select: { sku: true } } } },
    },
  },
  trackingWritebacks: {
    orderBy: { createdAt: 'asc' },
    select: { kind: true, key: true, createdAt: true },
  },
} as const satisfies Prisma.OrderSelect;

type StoryRow = NonNullable<Awaited<ReturnType<OrderStoryRepo['storyRow']>>>;

export type OrderStoryRecord = Omit<StoryRow, 'canonical' | 'returns'> & {
  customerEmailMasked: string | null;
  placedAt: string;
  returns: (Omit<StoryRow['returns'][number], 'refundTotal'> & { refundTotal: string | null })[];
};

export interface InboxEventSummary {
  id: string;
  provider: string;
  topic: string;
  status: string;
  correlationId: string;
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  /** The stored body, for bodies of a few kB at most. */
  payload: unknown;
}

const customerEmail = (canonical: unknown): string | null => {
  const customer = (canonical as { customer?: { email?: unknown } } | null)?.customer;
  return typeof customer?.email === 'string' && customer.email !== '' ? customer.email : null;
};

const placedAt = (canonical: unknown, fallback: Date): string => {
  const at = (canonical as { createdAt?: unknown } | null)?.createdAt;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at))
    ? new Date(at).toISOString()
    : fallback.toISOString();
};

/** Finding orders by what support is told, and everything the hub knows about one of them. */
export class OrderStoryRepo {
  constructor(private readonly db: Db) {}

  /**
   * Orders whose number is `q` or starts with it, that carry a parcel numbered `q`, or whose
   * customer's e-mail is `q` (any case); the best kind of match first, then the newest.
   */
  async search(
    scope: Scope,
    input: { q: string; storeId?: string | undefined; limit: number },
  ): Promise<OrderSearchHit[]> {
    const tenantId = scopedTenant(scope) ?? null;
    const storeId = input.storeId ?? null;
    const limit = Math.min(Math.max(1, input.limit), ORDER_SEARCH_MAX);
    const email = input.q.includes('@') ? input.q.toLowerCase() : null;
    // Order numbers by the (store, order number) index: a range, then the exact prefix test.
    const rows = await this.db.$queryRaw<HitRow[]>`
      WITH scoped AS (
        SELECT s.id, s.name FROM stores s
        WHERE (${tenantId}::uuid IS NULL OR s.tenant_id = ${tenantId}::uuid)
          AND (${storeId}::uuid IS NULL OR s.id = ${storeId}::uuid)
      ), prefixed AS (
        -- The nearest completions first ('1', '10', '100' …), a bounded slice of the index.
        SELECT o.id, CASE WHEN o.order_number = ${input.q} THEN 0 ELSE 3 END AS rank
        FROM orders o
        WHERE o.store_id IN (SELECT id FROM scoped)
          AND o.order_number >= ${input.q} AND o.order_number < ${input.q + LAST_CHAR}
          AND starts_with(o.order_number, ${input.q})
        ORDER BY o.order_number
        LIMIT ${limit}
      ), matched AS (
        SELECT id, rank, 'orderNumber' AS matched_by FROM prefixed
        UNION ALL
        SELECT sh.order_id, 1, 'trackingNumber' FROM shipments sh
        WHERE sh.tracking_number = ${input.q}
        UNION ALL
        SELECT t.order_id, 1, 'trackingNumber' FROM trackings t
        WHERE t.tracking_number = ${input.q} AND t.store_id IN (SELECT id FROM scoped)
        UNION ALL
        SELECT o.id, 2, 'email' FROM orders o
        WHERE ${email}::text IS NOT NULL AND o.store_id IN (SELECT id FROM scoped)
          AND lower(o.canonical #>> '{customer,email}') = ${email}::text
      ), best AS (
        SELECT DISTINCT ON (id) id, rank, matched_by FROM matched ORDER BY id, rank
      )
      SELECT o.id, o.store_id, s.name AS store_name, o.order_number, o.store_status,
             o.canonical #>> '{customer,email}' AS email,
             o.canonical ->> 'createdAt' AS placed_at, o.created_at, b.matched_by, b.rank
      FROM best b
      JOIN orders o ON o.id = b.id
      JOIN scoped s ON s.id = o.store_id
      ORDER BY b.rank, o.created_at DESC, o.id
      LIMIT ${limit}`;
    return rows.map((row) => ({
      storeId: row.store_id,
      storeName: row.store_name,
      orderNumber: row.order_number,
      status: row.store_status,
      customerEmailMasked: row.email ? masked(row.email) : null,
      placedAt: placedAt({ createdAt: row.placed_at }, row.created_at),
      matchedBy: row.matched_by,
    }));
  }

  /** The order with this number in the store, if the scope sees the store; the newest if two. */
  async story(
    scope: Scope,
    storeId: string,
    orderNumber: string,
  ): Promise<OrderStoryRecord | undefined> {
    const row = await this.storyRow(scope, storeId, orderNumber);
    if (!row) return undefined;
    const { canonical, returns, ...order } = row;
    const email = customerEmail(canonical);
    return {
      ...order,
      customerEmailMasked: email ? masked(email) : null,
      placedAt: placedAt(canonical, order.createdAt),
      returns: returns.map((entry) => ({
        ...entry,
        refundTotal: entry.refundTotal?.toString() ?? null,
      })),
    };
  }

  private storyRow(scope: Scope, storeId: string, orderNumber: string) {
    return this.db.order.findFirst({
      where: { storeId, orderNumber, ...inStoreOf(scope) },
      orderBy: { createdAt: 'desc' },
      select: STORY_SELECT,
    });
  }

  /** Whether the scope sees the store (another tenant's store is not found). */
  async storeVisible(scope: Scope, storeId: string): Promise<boolean> {
    const store = await this.db.store.findFirst({
      where: { id: storeId, ...ownedBy(scope) },
      select: { id: true },
    });
    return store !== null;
  }

  /**
   * Inbox events by id, of the given connections only (the store's). Bodies larger than
   * `maxPayloadChars` as stored are left out: the story links to them, it does not carry them.
   */
  async inboxEvents(
    ids: readonly string[],
    connectionIds: readonly string[],
    maxPayloadChars: number,
  ): Promise<InboxEventSummary[]> {
    if (ids.length === 0 || connectionIds.length === 0) return [];
    return this.db.$queryRaw<InboxEventSummary[]>`
      SELECT id, provider, topic, status::text AS status, correlation_id AS "correlationId",
             error, received_at AS "receivedAt", processed_at AS "processedAt",
             CASE WHEN length(payload::text) <= ${maxPayloadChars} THEN payload END AS payload
      FROM inbox_events
      WHERE id = ANY(${[...ids]}::uuid[]) AND connection_id = ANY(${[...connectionIds]}::uuid[])
      ORDER BY received_at, id`;
  }
}
