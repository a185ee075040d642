import { z } from 'zod';
import { digest } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { HttpClient, type RequestSpec } from '../http/client';
import { plumbing } from '../http/connector-options';
import type {
  ListOrdersParams,
  ListShipmentsParams,
  ShipStationClientOptions,
  ShipStationWebhookInfo,
  SubscribeWebhookParams,
} from './client-params';
import { basicAuthorization } from './credentials';
import { SHIPSTATION_TIME_ZONE, toShipStationDateTime } from './dates';
import { SHIPSTATION_PROVIDER, shipStationProfile } from './profile';
import {
  ShipStationOrderListSchema,
  ShipStationOrderSchema,
  ShipStationShipmentListSchema,
  ShipStationSubscribeResponseSchema,
  ShipStationWebhookListSchema,
  type ShipStationCreateOrder,
  type ShipStationOrder,
  type ShipStationShipment,
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
    return this.allPages(
      async (page) => {
        const { data } = await this.http.request({
          method: 'GET',
          path: '/orders',
          endpoint: 'GET /orders',
          query: { ...query, page },
          schema: ShipStationOrderListSchema,
        });
        return { items: data?.orders ?? [], page: data?.page ?? page, pages: data?.pages ?? 0 };
      },
      (order) => order.orderId,
    );
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
    const url = assertSameOrigin(resourceUrl, this.http.baseUrl);
    if (!/\/shipments\/?$/i.test(url.pathname)) {
      throw new PermanentError(`shipstation resource_url is not a shipments list`, {
        provider: SHIPSTATION_PROVIDER,
        reason: `${SHIPSTATION_PROVIDER}.unexpected_resource`,
      });
    }
    const query: Query = {};
    for (const [key, value] of url.searchParams) {
      if (!/^(includeShipmentItems|page)$/i.test(key)) query[key] = value;
    }
    query.includeShipmentItems = true;
    if (!Object.keys(query).some((key) => key.toLowerCase() === 'pagesize')) {
      query.pageSize = MAX_PAGE_SIZE;
    }
    return this.shipmentPages(`${url.origin}${url.pathname}`, query);
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
