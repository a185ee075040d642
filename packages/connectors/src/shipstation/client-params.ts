import type { ConnectorOptions } from '../http/connector-options';
import type { ShipStationCredentials } from './credentials';
import type { ShipStationOrderStatus, ShipStationWebhookEvent } from './enums';

export interface ShipStationClientOptions extends ConnectorOptions<ShipStationCredentials> {
  /** The account's time zone for date filters (ShipStation dates carry no offset). */
  timeZone?: string;
}

export interface ListOrdersParams {
  modifyDateStart?: Date;
  modifyDateEnd?: Date;
  orderStatus?: ShipStationOrderStatus;
  /** Starts-with match, as ShipStation does it. */
  orderNumber?: string;
  storeId?: number;
  /** 1–500; small values only make sense in tests. */
  pageSize?: number;
}

export interface ListShipmentsParams {
  createDateStart?: Date;
  createDateEnd?: Date;
  orderId?: string | number;
  orderNumber?: string;
  trackingNumber?: string;
  pageSize?: number;
}

export interface ListProductsParams {
  /** Exact SKU (ShipStation matches it without regard to case). */
  sku?: string;
  /** Part of the product name. */
  name?: string;
  tagId?: number;
  /** Inactive products are left out unless asked for. */
  showInactive?: boolean;
  pageSize?: number;
}

export interface ListStoresParams {
  showInactive?: boolean;
  marketplaceId?: number;
}

export interface SubscribeWebhookParams {
  targetUrl: string;
  event: ShipStationWebhookEvent;
  friendlyName: string;
  storeId?: number;
}

export interface ShipStationWebhookInfo {
  id: number;
  event: string;
  url: string;
  name: string | null;
  storeId: number | null;
  active: boolean | null;
}
