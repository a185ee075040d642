import type { Logger } from '@shiplink/logger';
import type { AuditSink } from '../http/audit';
import type { RateLimiter } from '../http/rate-limiter';
import type { ShipStationCredentials } from './credentials';
import type { ShipStationOrderStatus, ShipStationWebhookEvent } from './enums';

export interface ShipStationClientOptions {
  /** `SHIPSTATION_BASE_URL` in production, a simulator's URL in tests and demos. */
  baseUrl: string;
  credentials: ShipStationCredentials;
  connectionId?: string;
  /** The shared budget's account; defaults to a digest of the API key (never the key itself). */
  accountKey?: string;
  limiter?: RateLimiter;
  audit?: AuditSink;
  logger?: Logger;
  maxInlineWaitMs?: number;
  retryBaseDelayMs?: number;
  timeoutMs?: number;
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
