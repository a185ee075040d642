import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import { silentLogger } from '@shiplink/logger';
import { HttpClient } from '../http/client';
import { plumbing } from '../http/connector-options';
import type { BigCommerceClient, BigCommerceClientOptions } from './client-types';
import { createBigCommerceCatalogClient } from './catalog-client';
import { fromConsignments } from './consignments';
import { createBigCommerceInventoryClient } from './inventory-client';
import { collectPages, hasNextV3Page } from './paging';
import { bigCommerceProfile } from './profile';
import { createBigCommerceRefundClient } from './refund-client';
import {
  BigCommerceHookSchema,
  BigCommerceOrderProductSchema,
  BigCommerceOrderSchema,
  BigCommerceShipmentSchema,
  BigCommerceShippingAddressSchema,
  BigCommerceV3PaginationSchema,
  bigCommerceV3Envelope,
} from './schemas';

export type * from './client-types';

const V2_MAX_LIMIT = 250;
const HOOKS_PAGE = 250;

const HookEnvelopeSchema = bigCommerceV3Envelope(BigCommerceHookSchema);
const HookListSchema = z
  .object({
    data: z.array(BigCommerceHookSchema),
    meta: z.object({ pagination: BigCommerceV3PaginationSchema.optional() }).loose().optional(),
  })
  .loose();

function required<T>(data: T | undefined, what: string): T {
  // Retrying a create that may have happened would duplicate it: a person looks instead.
  if (data === undefined) {
    throw new PermanentError(`bigcommerce answered ${what} without a body`, {
      provider: 'bigcommerce',
      reason: 'bigcommerce.unexpected_response',
    });
  }
  return data;
}

export function createBigCommerceClient(options: BigCommerceClientOptions): BigCommerceClient {
  const { storeHash, accessToken } = options.credentials;
  const log = (options.logger ?? silentLogger).child({ provider: 'bigcommerce' });
  const http = new HttpClient({
    profile: bigCommerceProfile,
    baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/stores/${storeHash}`,
    headers: { 'X-Auth-Token': accessToken, 'Content-Type': 'application/json' },
    accountKey: options.accountKey ?? storeHash,
    ...plumbing(options),
    logger: log,
  });

  /** A v2 collection: a bare array per page, no metadata, 204 without a body past the end. */
  const v2List = <T>(
    path: string,
    endpoint: string,
    schema: z.ZodType<T>,
    query: Record<string, string | number> = {},
    pageSize = V2_MAX_LIMIT,
  ) =>
    collectPages(async (page) => {
      const { data } = await http.request({
        method: 'GET',
        path,
        endpoint,
        query: { ...query, page, limit: pageSize },
        schema: z.array(schema),
      });
      return { items: data ?? [], more: (data?.length ?? 0) >= pageSize };
    });

  const listProducts = (orderId: number) =>
    v2List(
      `/v2/orders/${orderId}/products`,
      'GET /v2/orders/{id}/products',
      BigCommerceOrderProductSchema,
    );

  const updateOrder: BigCommerceClient['updateOrder'] = async (orderId, patch) => {
    const { data } = await http.request({
      method: 'PUT',
      path: `/v2/orders/${orderId}`,
      endpoint: 'PUT /v2/orders/{id}',
      body: patch,
      schema: BigCommerceOrderSchema,
    });
    return required(data, 'an updated order');
  };

  return {
    storeHash,
    ...createBigCommerceInventoryClient({ http }),
    ...createBigCommerceCatalogClient({ http, log }),
    ...createBigCommerceRefundClient({ http }),

    async getOrderBundle(orderId) {
      const { data: order } = await http.request({
        method: 'GET',
        path: `/v2/orders/${orderId}`,
        endpoint: 'GET /v2/orders/{id}',
        query: { include: 'consignments.line_items', consignment_structure: 'object' },
        schema: BigCommerceOrderSchema,
        allowStatus: [404],
      });
      if (!order) return undefined;
      const embedded = fromConsignments(order);
      if (embedded?.products) {
        return { order, products: embedded.products, shippingAddresses: embedded.addresses };
      }
      // Only when the store answers without the embedded data: one or two more calls.
      log.debug('bigcommerce order without embedded line items', { orderId });
      const [products, shippingAddresses] = await Promise.all([
        listProducts(orderId),
        embedded
          ? embedded.addresses
          : v2List(
              `/v2/orders/${orderId}/shipping_addresses`,
              'GET /v2/orders/{id}/shipping_addresses',
              BigCommerceShippingAddressSchema,
            ),
      ]);
      return { order, products, shippingAddresses };
    },

    listOrdersModifiedSince(since, limit = 50) {
      const pageSize = Math.min(Math.max(1, Math.floor(limit)), V2_MAX_LIMIT);
      const query = { min_date_modified: since.toISOString(), sort: 'date_modified:asc' };
      return v2List('/v2/orders', 'GET /v2/orders', BigCommerceOrderSchema, query, pageSize);
    },

    listShipments(orderId) {
      return v2List(
        `/v2/orders/${orderId}/shipments`,
        'GET /v2/orders/{id}/shipments',
        BigCommerceShipmentSchema,
      );
    },

    async getShipment(orderId, shipmentId) {
      const { data } = await http.request({
        method: 'GET',
        path: `/v2/orders/${orderId}/shipments/${shipmentId}`,
        endpoint: 'GET /v2/orders/{id}/shipments/{shipment_id}',
        schema: BigCommerceShipmentSchema,
        allowStatus: [404],
      });
      return data;
    },

    async createShipment(orderId, body) {
      // Not idempotent: the caller looks for an existing shipment (by tracking number) first.
      const { data } = await http.request({
        method: 'POST',
        path: `/v2/orders/${orderId}/shipments`,
        endpoint: 'POST /v2/orders/{id}/shipments',
        body,
        schema: BigCommerceShipmentSchema,
      });
      return required(data, 'a created shipment');
    },

    async updateShipment(orderId, shipmentId, body) {
      const { data } = await http.request({
        method: 'PUT',
        path: `/v2/orders/${orderId}/shipments/${shipmentId}`,
        endpoint: 'PUT /v2/orders/{id}/shipments/{shipment_id}',
        body,
        schema: BigCommerceShipmentSchema,
      });
      return required(data, 'an updated shipment');
    },

    async getOrder(orderId) {
      const { data } = await http.request({
        method: 'GET',
        path: `/v2/orders/${orderId}`,
        endpoint: 'GET /v2/orders/{id}',
        schema: BigCommerceOrderSchema,
        allowStatus: [404],
      });
      return data;
    },

    updateOrderStatus(orderId, statusId) {
      return updateOrder(orderId, { status_id: statusId });
    },

    updateOrder,

    listHooks() {
      return collectPages(async (page) => {
        const { data } = await http.request({
          method: 'GET',
          path: '/v3/hooks',
          endpoint: 'GET /v3/hooks',
          query: { page, limit: HOOKS_PAGE },
          schema: HookListSchema,
        });
        const items = data?.data ?? [];
        const pagination = data?.meta?.pagination;
        return { items, more: hasNextV3Page(page, items.length, HOOKS_PAGE, pagination) };
      });
    },

    async createHook(hook) {
      const { data } = await http.request({
        method: 'POST',
        path: '/v3/hooks',
        endpoint: 'POST /v3/hooks',
        body: hook,
        schema: HookEnvelopeSchema,
      });
      return required(data, 'a created hook').data;
    },

    async updateHook(id, patch) {
      const { data } = await http.request({
        method: 'PUT',
        path: `/v3/hooks/${id}`,
        endpoint: 'PUT /v3/hooks/{id}',
        body: patch,
        schema: HookEnvelopeSchema,
      });
      return required(data, 'an updated hook').data;
    },

    async deleteHook(id) {
      await http.request({
        method: 'DELETE',
        path: `/v3/hooks/${id}`,
        endpoint: 'DELETE /v3/hooks/{id}',
        schema: z.unknown(),
        // Already gone is what we wanted.
        allowStatus: [404],
      });
    },
  };
}
