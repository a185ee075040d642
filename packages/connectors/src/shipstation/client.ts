import { z } from 'zod';
import { digest } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { HttpClient, type RequestSpec } from '../http/client';
import { plumbing } from '../http/connector-options';
import type {
  ListOrdersParams,
  ListProductsParams,
  ListShipmentsParams,
  ListStoresParams,
  ShipStationClientOptions,
  ShipStationWebhookInfo,
  SubscribeWebhookParams,
} from './client-params';
import { basicAuthorization } from './credentials';
import { SHIPSTATION_TIME_ZONE, toShipStationDate, toShipStationDateTime } from './dates';
import { SHIPSTATION_PROVIDER, shipStationProfile } from './profile';
import {
  ShipStationOrderListSchema,
  ShipStationOrderSchema,
  ShipStationProductListSchema,
  ShipStationProductSchema,
  ShipStationShipmentListSchema,
  ShipStationStoreListSchema,
  ShipStationSubscribeResponseSchema,
  ShipStationSuccessSchema,
  ShipStationTagListSchema,
  ShipStationWarehouseListSchema,
  ShipStationWebhookListSchema,
  type ShipStationCreateOrder,
  type ShipStationOrder,
  type ShipStationProduct,
  type ShipStationShipment,
  type ShipStationStore,
  type ShipStationTag,
  type ShipStationWarehouse,
} from './schemas';
import { assertSameOrigin } from './webhook';

export type * from './client-params';

const MAX_PAGE_SIZE = 500;
/** A runaway guard: 2,000 pages of 500 is a million records. */
const MAX_PAGES = 2_000;

type Page<T> = { items: T[]; page: number; pages: number };
type Query = Record<string, string | number | boolean | undefined>;

export class ShipStationClient {
  private readonly http: HttpClient;
  private readonly timeZone: string;

  constructor(options: ShipStationClientOptions) {
    this.timeZone = options.timeZone ?? SHIPSTATION_TIME_ZONE;
    this.http = new HttpClient({
      profile: shipStationProfile,
      baseUrl: options.baseUrl,
      headers: { Authorization: basicAuthorization(options.credentials) },
      accountKey: options.accountKey ?? digest(options.credentials.apiKey),
      ...plumbing(options),
    });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Creates or, for a known `orderKey`, replaces the order. Safe to repeat. */
  async upsertOrder(body: ShipStationCreateOrder): Promise<ShipStationOrder> {
    const { data } = await this.http.request({
      method: 'POST',
      path: '/orders/createorder',
      endpoint: 'POST /orders/createorder',
      body,
      schema: ShipStationOrderSchema,
      idempotent: true,
    });
    return this.required(data, 'POST /orders/createorder');
  }

  /** Undefined when ShipStation has no such order. */
  async getOrder(orderId: number | string): Promise<ShipStationOrder | undefined> {
    const { data } = await this.http.request({
      ...this.orderSpec(orderId),
      allowStatus: [404],
    });
    return data;
  }

  /** Like `getOrder`, but a missing order is a `PermanentError`. */
  async getOrderOrThrow(orderId: number | string): Promise<ShipStationOrder> {
    const { data } = await this.http.request(this.orderSpec(orderId));
    return this.required(data, 'GET /orders/{orderId}');
  }

  /** Every matching order, all pages, oldest first. */
  async listOrders(params: ListOrdersParams = {}): Promise<ShipStationOrder[]> {
    const query: Query = {
      modifyDateStart: this.date(params.modifyDateStart),
      modifyDateEnd: this.date(params.modifyDateEnd),
      orderStatus: params.orderStatus,
      orderNumber: params.orderNumber,
      storeId: params.storeId,
      // Creation order does not move while we page, unlike ModifyDate, so no record is skipped.
      sortBy: 'CreateDate',
      sortDir: 'ASC',
      pageSize: pageSize(params.pageSize ?? MAX_PAGE_SIZE),
    };
    return this.orderPages('/orders', query);
  }

  /**
   * Fetches what an ORDER_NOTIFY or FULFILLMENT_REJECTED points at (an `/orders?importBatch=`
   * list). The URL must be on this connection's API origin; every page is followed.
   */
  async fetchOrdersResource(resourceUrl: string): Promise<ShipStationOrder[]> {
    const { path, query } = this.resource(resourceUrl, 'orders');
    return this.orderPages(path, query);
  }

  /** Every matching label with its items, all pages. */
  async listShipments(params: ListShipmentsParams = {}): Promise<ShipStationShipment[]> {
    const query: Query = {
      createDateStart: this.date(params.createDateStart),
      createDateEnd: this.date(params.createDateEnd),
      orderId: params.orderId,
      orderNumber: params.orderNumber,
      trackingNumber: params.trackingNumber,
      includeShipmentItems: true,
      sortBy: 'CreateDate',
      sortDir: 'ASC',
      pageSize: pageSize(params.pageSize ?? MAX_PAGE_SIZE),
    };
    return this.shipmentPages('/shipments', query);
  }

  /**
   * Fetches what a SHIP_NOTIFY points at. The URL must be on this connection's API origin (our
   * credentials go with the request); items are always requested, every page is followed.
   */
  async fetchShipmentsResource(resourceUrl: string): Promise<ShipStationShipment[]> {
    const { path, query } = this.resource(resourceUrl, 'shipments');
    query.includeShipmentItems = true;
    return this.shipmentPages(path, query);
  }

  /** The account's order tags (ids for createorder's `tagIds` and addtag). */
  async listTags(): Promise<ShipStationTag[]> {
    const { data } = await this.http.request({
      method: 'GET',
      path: '/accounts/listtags',
      endpoint: 'GET /accounts/listtags',
      schema: ShipStationTagListSchema,
    });
    return data ?? [];
  }

  /** Adding a tag the order already has changes nothing, so retries are harmless. */
  async addTag(orderId: number | string, tagId: number): Promise<void> {
    await this.action('/orders/addtag', { orderId: Number(orderId), tagId });
  }

  async removeTag(orderId: number | string, tagId: number): Promise<void> {
    await this.action('/orders/removetag', { orderId: Number(orderId), tagId });
  }

  /**
   * Puts the order on hold until the day given (a Date is taken as that day in the account's
   * zone); ShipStation moves it back to awaiting_shipment on that day.
   */
  async holdUntil(orderId: number | string, holdUntilDate: Date | string): Promise<void> {
    const day =
      holdUntilDate instanceof Date
        ? toShipStationDate(holdUntilDate, this.timeZone)
        : holdUntilDate;
    await this.action('/orders/holduntil', { orderId: Number(orderId), holdUntilDate: day });
  }

  /** Back to awaiting_shipment now; ShipStation refuses (400) an order that is not on hold. */
  async restoreFromHold(orderId: number | string): Promise<void> {
    await this.action('/orders/restorefromhold', { orderId: Number(orderId) });
  }

  /** The ship-from locations; one of them `isDefault`. */
  async listWarehouses(): Promise<ShipStationWarehouse[]> {
    const { data } = await this.http.request({
      method: 'GET',
      path: '/warehouses',
      endpoint: 'GET /warehouses',
      schema: ShipStationWarehouseListSchema,
    });
    return data ?? [];
  }

  async listStores(params: ListStoresParams = {}): Promise<ShipStationStore[]> {
    const { data } = await this.http.request({
      method: 'GET',
      path: '/stores',
      endpoint: 'GET /stores',
      query: { showInactive: params.showInactive, marketplaceId: params.marketplaceId },
      schema: ShipStationStoreListSchema,
    });
    return data ?? [];
  }

  /** Every matching product, all pages. */
  async listProducts(params: ListProductsParams = {}): Promise<ShipStationProduct[]> {
    const query: Query = {
      sku: params.sku,
      name: params.name,
      tagId: params.tagId,
      showInactive: params.showInactive,
      sortBy: 'CreateDate',
      sortDir: 'ASC',
      pageSize: pageSize(params.pageSize ?? MAX_PAGE_SIZE),
    };
    return this.allPages(
      async (page) => {
        const { data } = await this.http.request({
          method: 'GET',
          path: '/products',
          endpoint: 'GET /products',
          query: { ...query, page },
          schema: ShipStationProductListSchema,
        });
        return { items: data?.products ?? [], page: data?.page ?? page, pages: data?.pages ?? 0 };
      },
      (product) => product.productId,
    );
  }

  /** Undefined when the account has no such product. */
  async getProduct(productId: number | string): Promise<ShipStationProduct | undefined> {
    const { data } = await this.http.request({
      method: 'GET',
      path: `/products/${encodeURIComponent(String(productId))}`,
      endpoint: 'GET /products/{productId}',
      schema: ShipStationProductSchema,
      allowStatus: [404],
    });
    return data;
  }

  /**
   * Replaces the product with `product` (V1 has no partial update: send the whole product as
   * read, with the changes; fields left out become null). Products cannot be created in V1.
   */
  async updateProduct(product: ShipStationProduct): Promise<void> {
    const endpoint = 'PUT /products/{productId}';
    const { data } = await this.http.request({
      method: 'PUT',
      path: `/products/${encodeURIComponent(String(product.productId))}`,
      endpoint,
      body: product,
      schema: ShipStationSuccessSchema,
      idempotent: true,
    });
    this.succeeded(data, endpoint);
  }

  async subscribeWebhook(params: SubscribeWebhookParams): Promise<{ id: number }> {
    const { data } = await this.http.request({
      method: 'POST',
      path: '/webhooks/subscribe',
      endpoint: 'POST /webhooks/subscribe',
      body: {
        target_url: params.targetUrl,
        event: params.event,
        store_id: params.storeId ?? null,
        friendly_name: params.friendlyName,
      },
      schema: ShipStationSubscribeResponseSchema,
    });
    const { id } = this.required(data, 'POST /webhooks/subscribe');
    return { id };
  }

  async listWebhooks(): Promise<ShipStationWebhookInfo[]> {
    const { data } = await this.http.request({
      method: 'GET',
      path: '/webhooks',
      endpoint: 'GET /webhooks',
      schema: ShipStationWebhookListSchema,
    });
    return (data?.webhooks ?? []).map((hook) => ({
      id: hook.WebHookID,
      event: hook.HookType,
      url: hook.Url,
      name: hook.Name ?? null,
      storeId: hook.StoreID ?? null,
      active: hook.Active ?? null,
    }));
  }

  /** Removing a subscription that is already gone counts as done, so retries are harmless. */
  async unsubscribeWebhook(id: number | string): Promise<void> {
    await this.http.request({
      method: 'DELETE',
      path: `/webhooks/${encodeURIComponent(String(id))}`,
      endpoint: 'DELETE /webhooks/{webhookId}',
      schema: z.unknown(),
      allowStatus: [404],
    });
  }

  private orderSpec(orderId: number | string): RequestSpec<ShipStationOrder> {
    return {
      method: 'GET',
      path: `/orders/${encodeURIComponent(String(orderId))}`,
      endpoint: 'GET /orders/{orderId}',
      schema: ShipStationOrderSchema,
    };
  }

  /** A POST answering `{success, message}`; each of them is safe to repeat. */
  private async action(path: string, body: Record<string, unknown>): Promise<void> {
    const endpoint = `POST ${path}`;
    const { data } = await this.http.request({
      method: 'POST',
      path,
      endpoint,
      body,
      schema: ShipStationSuccessSchema,
      idempotent: true,
    });
    this.succeeded(data, endpoint);
  }

  private succeeded(
    data: { success: boolean; message?: string | null } | undefined,
    endpoint: string,
  ) {
    if (data?.success !== false) return;
    throw new PermanentError(`shipstation ${endpoint} refused: ${data.message ?? 'no reason'}`, {
      provider: SHIPSTATION_PROVIDER,
      endpoint,
      reason: `${SHIPSTATION_PROVIDER}.refused`,
    });
  }

  /**
   * A webhook's resource_url as a path and query of this connection's API (our credentials go
   * with the request, so it must be our origin). Paging is ours: `page` is dropped and
   * `pageSize` defaults to the most V1 allows.
   */
  private resource(
    resourceUrl: string,
    kind: 'orders' | 'shipments',
  ): { path: string; query: Query } {
    const url = assertSameOrigin(resourceUrl, this.http.baseUrl);
    if (!new RegExp(`/${kind}/?$`, 'i').test(url.pathname)) {
      throw new PermanentError(`shipstation resource_url is not a ${kind} list`, {
        provider: SHIPSTATION_PROVIDER,
        reason: `${SHIPSTATION_PROVIDER}.unexpected_resource`,
      });
    }
    const query: Query = {};
    for (const [key, value] of url.searchParams) {
      if (!/^(includeShipmentItems|page)$/i.test(key)) query[key] = value;
    }
    if (!Object.keys(query).some((key) => key.toLowerCase() === 'pagesize')) {
      query.pageSize = MAX_PAGE_SIZE;
    }
    return { path: `${url.origin}${url.pathname}`, query };
  }

  private orderPages(path: string, query: Query): Promise<ShipStationOrder[]> {
    return this.allPages(
      async (page) => {
        const { data } = await this.http.request({
          method: 'GET',
          path,
          endpoint: 'GET /orders',
          query: { ...query, page },
          schema: ShipStationOrderListSchema,
        });
        return { items: data?.orders ?? [], page: data?.page ?? page, pages: data?.pages ?? 0 };
      },
      (order) => order.orderId,
    );
  }

  private shipmentPages(path: string, query: Query): Promise<ShipStationShipment[]> {
    return this.allPages(
      async (page) => {
        const { data } = await this.http.request({
          method: 'GET',
          path,
          endpoint: 'GET /shipments',
          query: { ...query, page },
          schema: ShipStationShipmentListSchema,
        });
        return { items: data?.shipments ?? [], page: data?.page ?? page, pages: data?.pages ?? 0 };
      },
      (shipment) => shipment.shipmentId,
    );
  }

  /** Follows `pages`; a record seen twice (it moved while we paged) is kept once, latest copy. */
  private async allPages<T>(
    fetchPage: (page: number) => Promise<Page<T>>,
    idOf: (item: T) => number,
  ): Promise<T[]> {
    const seen = new Map<number, T>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await fetchPage(page);
      for (const item of result.items) seen.set(idOf(item), item);
      if (result.items.length === 0 || page >= result.pages) break;
    }
    return [...seen.values()];
  }

  private date(value: Date | undefined): string | undefined {
    return value ? toShipStationDateTime(value, this.timeZone) : undefined;
  }

  private required<T>(data: T | undefined, endpoint: string): T {
    if (data === undefined) {
      throw new PermanentError(`shipstation ${endpoint} answered without a body`, {
        provider: SHIPSTATION_PROVIDER,
        endpoint,
        reason: `${SHIPSTATION_PROVIDER}.unexpected_response`,
      });
    }
    return data;
  }
}

function pageSize(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(value)));
}

export function createShipStationClient(options: ShipStationClientOptions): ShipStationClient {
  return new ShipStationClient(options);
}
