import { z } from 'zod';

export const SHIPSTATION_ORDER_STATUSES = [
  'awaiting_payment',
  'awaiting_shipment',
  'pending_fulfillment',
  'shipped',
  'on_hold',
  'cancelled',
  'rejected_fulfillment',
] as const;
export const ShipStationOrderStatusSchema = z.enum(SHIPSTATION_ORDER_STATUSES);
export type ShipStationOrderStatus = z.infer<typeof ShipStationOrderStatusSchema>;

export const SHIPSTATION_WEBHOOK_EVENTS = [
  'ORDER_NOTIFY',
  'ITEM_ORDER_NOTIFY',
  'SHIP_NOTIFY',
  'ITEM_SHIP_NOTIFY',
  'FULFILLMENT_SHIPPED',
  'FULFILLMENT_REJECTED',
] as const;
export const ShipStationWebhookEventSchema = z.enum(SHIPSTATION_WEBHOOK_EVENTS);
export type ShipStationWebhookEvent = z.infer<typeof ShipStationWebhookEventSchema>;
