/*
 * ShipStation simulator control routes, mounted at /__control next to the kit's shared ones
 * (health, faults, requests, webhooks, reset). They do what a person in ShipStation's UI would.
 * Set-up routes act on the only account, or on `apiKey` (body) when there are several.
 *
 * POST /__control/accounts {apiKey, apiSecret} → 201
 *   An API key pair that may call the API (accounts survive /__control/reset). A new account
 *   starts with one default warehouse and one "Manual Orders" store; a reset gives them back.
 * POST /__control/quota {limit, windowMs} → 200
 *   The per-key fixed window (default 40 per 60 s); resets the current windows.
 * POST /__control/tags {name, color?: '#RRGGBB', apiKey?} → 201 {tagId, name, color}
 *   A tag for GET /accounts/listtags, addtag and createorder's tagIds; an existing name → 200.
 * POST /__control/warehouses {warehouseName, isDefault?, originAddress?, returnAddress?, apiKey?}
 *   → 201 the warehouse as GET /warehouses lists it; isDefault takes the default from the others.
 * POST /__control/stores {storeName, marketplaceId? (0), marketplaceName?, active?, apiKey?}
 *   → 201 the store as GET /stores lists it.
 * GET /__control/products[?apiKey=]
 *   Every product (ShipStation files one per new SKU of an imported item), with its apiKey.
 * GET /__control/orders
 *   Every order of every account (deleted ones flagged), with shipped quantities per item.
 * GET /__control/orders/by-key/:orderKey → the order, or 404
 * POST /__control/orders/:orderId/status {orderStatus} → 200
 *   E.g. put on hold or cancel, as a person would; bumps modifyDate. Leaving awaiting_payment
 *   (for anything but cancelled) sends ORDER_NOTIFY, as ShipStation does.
 * POST /__control/orders/:orderId/ship-by {shipByDate | null} → 200 the order
 *   Sets (or clears) shipByDate, e.g. to make an order late; bumps modifyDate.
 * POST /__control/orders/:orderId/reject-fulfillment {reason?} → 200
 *   {importBatch, resourceUrl, deliveries, order}: the fulfilment provider refused the order.
 *   Status rejected_fulfillment, the reason appended to internalNotes, and one
 *   FULFILLMENT_REJECTED to the account's subscriptions with an /orders?importBatch= URL
 *   listing just this order. 404 unknown order; 409 shipped, cancelled or already rejected.
 * POST /__control/orders/:orderId/ship
 *   {items?: [{lineItemKey | orderItemId, quantity}], carrierCode, serviceCode, packageCode?,
 *    trackingNumber?, shipmentCost?, insuranceCost?, batch?}
 *   → 201 {batchId, resourceUrl, shipments, deliveries}
 *   Buys one label (default: every unit not yet shipped), with a carrier-shaped tracking number
 *   and a cost unless given (insuranceCost 0 unless given); the order becomes shipped once
 *   nothing is left (a partial label leaves it awaiting_shipment); one SHIP_NOTIFY goes to the
 *   account's SHIP_NOTIFY subscriptions.
 *   404 unknown order; 409 order not awaiting_shipment/pending_fulfillment (on hold, cancelled,
 *   shipped, awaiting payment) or nothing left; 400 unknown item or more units than are left.
 * POST /__control/ship-batch {orders: [{orderId, …as ship}], batch?} → 201
 *   One label per order, all or nothing, one batch number and ONE SHIP_NOTIFY for the batch.
 * POST /__control/orders/:orderId/return-label
 *   {items?: [{lineItemKey | orderItemId, quantity}], carrierCode, serviceCode, packageCode?,
 *    trackingNumber?, shipmentCost?, insuranceCost?} → 201 the shipment (isReturnLabel true)
 *   A return label for shipped units (default: every shipped unit not yet on a return label),
 *   addressed to the warehouse's return address. The order and its status stay as they are and
 *   no webhook goes out (ship webhooks are for outbound labels); GET /shipments lists it.
 *   404 unknown order; 409 nothing shipped left to return; 400 unknown item or too many units.
 * POST /__control/orders/:orderId/void-shipment/:shipmentId → 200
 *   Voids the label, gives the units back, reopens a shipped order (no webhook, as in ShipStation);
 *   a voided return label changes nothing else.
 * GET /__control/shipments
 *   Every shipment with its items.
 *
 * On holdUntilDate (account time) an on_hold order moves back to awaiting_shipment by itself,
 * seen by the next API or control request.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { ShipStationOrderStatusSchema } from '../schemas';
import { controlCatalogRouter } from './control-catalog-routes';
import { controlOrderRouter } from './control-order-routes';
import { bad, controlOrder, controlView } from './control-view';
import { renderShipment } from './render';
import {
  commitShipment,
  planShipment,
  ShipError,
  ShipRequestSchema,
  voidShipment,
  type ShipPlan,
} from './shipping';
import type { ShipStationState, SimShipment } from './state';
import { announcesOrder, notifyOrders, notifyShipped, shipNotifyResourceUrl } from './webhooks';

const AccountSchema = z
  .object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) })
  .strict();
const QuotaSchema = z
  .object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() })
  .strict();
const StatusSchema = z.object({ orderStatus: ShipStationOrderStatusSchema }).strict();
const BatchSchema = z
  .object({
    orders: z
      .array(ShipRequestSchema.omit({ batch: true }).extend({ orderId: z.number().int() }))
      .min(1),
    batch: z.string().min(1).optional(),
  })
  .strict();

export function controlRouter(
  state: ShipStationState,
  quota: FixedWindowQuota,
  sender: WebhookSender,
): Router {
  const router = Router();
  router.use((_req, _res, next) => {
    state.releaseDueHolds();
    next();
  });
  const wire = (shipment: SimShipment) => {
    const order = state.orders.get(shipment.orderId);
    return order ? renderShipment(state, shipment, order, true) : undefined;
  };

  /** Commits planned labels as one batch and tells the subscribers once. */
  const ship = (
    res: Response,
    plans: ShipPlan[],
    numberFor: (batchId: number) => string | null,
  ) => {
    const batchId = state.next('batch');
    const batchNumber = numberFor(batchId);
    const shipments = plans.map((plan) => commitShipment(state, plan, { batchId, batchNumber }));
    const account = plans[0]?.order.account ?? '';
    const storeIds = plans.map((plan) => plan.order.input.advancedOptions?.storeId ?? null);
    const deliveries = notifyShipped(state, sender, account, batchId, storeIds);
    res.status(201).json({
      batchId,
      resourceUrl: shipNotifyResourceUrl(state, batchId),
      shipments: shipments.map(wire),
      deliveries,
    });
  };

  const failed = (res: Response, error: unknown) => {
    if (!(error instanceof ShipError)) throw error;
    res.status(error.status).json({ error: error.message });
  };

  router.post('/accounts', (req, res) => {
    const parsed = AccountSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, parsed.error.issues);
    state.addAccount(parsed.data.apiKey, parsed.data.apiSecret);
    res.status(201).json({ apiKey: parsed.data.apiKey });
  });

  router.post('/quota', (req, res) => {
    const parsed = QuotaSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, parsed.error.issues);
    quota.limit = parsed.data.limit;
    quota.windowMs = parsed.data.windowMs;
    quota.reset();
    res.json(parsed.data);
  });

  router.get('/orders', (_req, res) => {
    res.json([...state.orders.values()].map((order) => controlView(state, order)));
  });

  router.get('/orders/by-key/:orderKey', (req, res) => {
    const order = state.findByKey(undefined, String(req.params.orderKey));
    if (!order) return void res.status(404).json({ error: 'no order with that orderKey' });
    res.json(controlView(state, order));
  });

  router.post('/orders/:orderId/status', (req, res) => {
    const order = controlOrder(state, req.params.orderId, res);
    if (!order) return;
    const parsed = StatusSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, parsed.error.issues);
    const before = order.status;
    state.setStatus(order, parsed.data.orderStatus);
    if (parsed.data.orderStatus !== 'on_hold') order.holdUntilDate = null;
    if (announcesOrder(before, order.status)) notifyOrders(state, sender, 'ORDER_NOTIFY', [order]);
    res.json(controlView(state, order));
  });

  router.post('/orders/:orderId/ship', (req, res) => {
    const parsed = ShipRequestSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, parsed.error.issues);
    try {
      const plan = planShipment(state, Number(req.params.orderId), parsed.data);
      ship(res, [plan], () => parsed.data.batch ?? null);
    } catch (error) {
      failed(res, error);
    }
  });

  router.post('/ship-batch', (req, res) => {
    const parsed = BatchSchema.safeParse(req.body);
    if (!parsed.success) return bad(res, parsed.error.issues);
    const ids = parsed.data.orders.map((entry) => entry.orderId);
    if (new Set(ids).size !== ids.length) {
      return void res.status(400).json({ error: 'an order may appear once per batch' });
    }
    try {
      const plans = parsed.data.orders.map(({ orderId, ...request }) =>
        planShipment(state, orderId, request),
      );
      if (new Set(plans.map((plan) => plan.order.account)).size > 1) {
        return void res.status(400).json({ error: 'a batch belongs to one account' });
      }
      ship(res, plans, (batchId) => parsed.data.batch ?? String(batchId));
    } catch (error) {
      failed(res, error);
    }
  });

  router.post('/orders/:orderId/void-shipment/:shipmentId', (req, res) => {
    try {
      const shipment = voidShipment(
        state,
        Number(req.params.orderId),
        Number(req.params.shipmentId),
      );
      res.json(wire(shipment));
    } catch (error) {
      failed(res, error);
    }
  });

  router.get('/shipments', (_req, res) => {
    res.json([...state.shipments.values()].map(wire));
  });

  router.use(controlCatalogRouter(state));
  router.use(controlOrderRouter(state, sender));

  return router;
}
