import type { ConnectorOptions } from '../http/connector-options';
import type { BigCommerceCredentials } from './credentials';
import type { BigCommerceCatalogClient } from './catalog-client';
import type { BigCommerceInventoryClient } from './inventory-client';
import type { BigCommerceRefundClient } from './refund-client';
import type {
  BigCommerceHook,
  BigCommerceHookCreate,
  BigCommerceOrder,
  BigCommerceOrderBundle,
  BigCommerceShipment,
  BigCommerceShipmentCreate,
  BigCommerceShipmentUpdate,
} from './schemas';

/* The sub-clients' types, so that `./client` exports every type a caller meets. */
export type {
  BigCommerceAbsoluteAdjustment,
  BigCommerceAdjustmentOutcome,
  BigCommerceInventoryClient,
  BigCommerceRelativeAdjustment,
} from './inventory-client';
export type {
  BigCommerceCatalogClient,
  BigCommerceCatalogSku,
  BigCommerceStoreUnits,
} from './catalog-client';
export type { BigCommerceRefundClient } from './refund-client';
export type {
  BigCommerceCatalogProduct,
  BigCommerceCatalogVariant,
  BigCommerceStore,
} from './catalog-schemas';
export type {
  BigCommercePaymentOption,
  BigCommerceRefund,
  BigCommerceRefundCreate,
  BigCommerceRefundItemRequest,
  BigCommerceRefundPaymentRequest,
  BigCommerceRefundQuote,
} from './refund-schemas';

/** `baseUrl` is the API host without the store path (`https://api.bigcommerce.com`); the budget key
 * defaults to the store hash because the quota is per store, whoever calls. */
export type BigCommerceClientOptions = ConnectorOptions<BigCommerceCredentials>;

/**
 * Orders, shipments and hooks here; inventory levels and adjustments, catalog products, SKUs
 * and store units, and refunds inherited.
 */
export interface BigCommerceClient
  extends BigCommerceInventoryClient, BigCommerceCatalogClient, BigCommerceRefundClient {
  readonly storeHash: string;
  /** The order, its products and shipping addresses; `undefined` when the order does not exist. */
  getOrderBundle(orderId: number): Promise<BigCommerceOrderBundle | undefined>;
  /** Orders modified at or after `since`, oldest change first, every page. */
  listOrdersModifiedSince(since: Date, limit?: number): Promise<BigCommerceOrder[]>;
  listShipments(orderId: number): Promise<BigCommerceShipment[]>;
  getShipment(orderId: number, shipmentId: number): Promise<BigCommerceShipment | undefined>;
  createShipment(orderId: number, body: BigCommerceShipmentCreate): Promise<BigCommerceShipment>;
  updateShipment(
    orderId: number,
    shipmentId: number,
    body: BigCommerceShipmentUpdate,
  ): Promise<BigCommerceShipment>;
  /** The order alone (no products or addresses); `undefined` when it does not exist. */
  getOrder(orderId: number): Promise<BigCommerceOrder | undefined>;
  updateOrderStatus(orderId: number, statusId: number): Promise<BigCommerceOrder>;
  /** A partial update: only the fields given change. */
  updateOrder(
    orderId: number,
    patch: { status_id?: number; staff_notes?: string },
  ): Promise<BigCommerceOrder>;
  listHooks(): Promise<BigCommerceHook[]>;
  createHook(hook: BigCommerceHookCreate): Promise<BigCommerceHook>;
  updateHook(id: number, patch: Partial<BigCommerceHookCreate>): Promise<BigCommerceHook>;
  deleteHook(id: number): Promise<void>;
}
