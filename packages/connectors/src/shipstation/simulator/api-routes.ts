import { Router, type Request } from 'express';
import { z } from 'zod';
import type { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { parseShipStationDateTime } from '../dates';
import { SHIPSTATION_WEBHOOK_EVENTS } from '../schemas';
import { catalogRouter } from './catalog-routes';
import { accountOf, authenticate, handle, invalid, notFound, rateLimit } from './http';
import { orderActionsRouter } from './order-actions-routes';
import { ordersRouter } from './orders-routes';
import { boolParam, dateParam, inRange, intParam, pageOf, paging, param, sorted } from './query';
import { renderShipment } from './render';
import type { ShipStationState, SimShipment } from './state';

const SubscribeSchema = z
  .object({
    target_url: z.url({ protocol: /^https?$/ }),
    event: z.enum(SHIPSTATION_WEBHOOK_EVENTS),
    store_id: z.number().int().nullish(),
    friendly_name: z.string().nullish(),
  })
  .loose();

/** Arbitrary but stable, like a real account's seller id. */
const SELLER_ID = 284_310;

/**
 * The V1 API surface: Basic auth → per-key quota (X-Rate-Limit-* on every answer) → routes.
 * Unknown paths answer ASP.NET's 404.
 */
export function apiRouter(
  state: ShipStationState,
  quota: FixedWindowQuota,
  sender: WebhookSender,
): Router {
  const router = Router();
  router.use(authenticate(state));
  router.use(rateLimit(quota));
  router.use((_req, _res, next) => {
    state.releaseDueHolds();
    next();
  });
  router.use(ordersRouter(state, sender));
  router.use(orderActionsRouter(state, sender));
  router.use(catalogRouter(state));

  router.get(
    '/shipments',
    handle((req, res) => {
      const account = accountOf(res);
      const match = shipmentFilter(req, state.timeZone);
      const matching = [...state.shipments.values()].filter(
        (shipment) => shipment.account === account && match(state, shipment),
      );
      const ordered = sorted(
        req,
        matching,
        { ShipDate: (s) => s.shipDate, CreateDate: (s) => s.createdAt },
        (s) => s.shipmentId,
      );
      const page = pageOf(ordered, paging(req));
      const withItems = boolParam(req, 'includeShipmentItems') ?? false;
      res.json({
        shipments: page.items.flatMap((shipment) => {
          const order = state.orders.get(shipment.orderId);
          return order ? [renderShipment(state, shipment, order, withItems)] : [];
        }),
        total: page.total,
        page: page.page,
        pages: page.pages,
      });
    }),
  );

  router.post(
    '/webhooks/subscribe',
    handle((req, res) => {
      const parsed = SubscribeSchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return invalid(res, `webhook.${String(issue?.path[0] ?? 'body')}`, issue?.message ?? '');
      }
      const id = state.next('webhook');
      state.webhooks.set(id, {
        id,
        account: accountOf(res),
        targetUrl: parsed.data.target_url,
        event: parsed.data.event,
        storeId: parsed.data.store_id ?? null,
        name: parsed.data.friendly_name ?? '',
      });
      res.status(201).json({ id });
    }),
  );

  router.get(
    '/webhooks',
    handle((_req, res) => {
      const account = accountOf(res);
      const webhooks = [...state.webhooks.values()]
        .filter((hook) => hook.account === account)
        .map((hook) => ({
          IsLabelAPIHook: false,
          WebHookID: hook.id,
          SellerID: SELLER_ID,
          StoreID: hook.storeId,
          HookType: hook.event,
          MessageFormat: 'Json',
          Url: hook.targetUrl,
          Name: hook.name,
          BulkCopyBatchID: null,
          BulkCopyRecordID: null,
          Active: true,
          WebhookLogs: [],
          Seller: null,
          Store: null,
        }));
      res.json({ webhooks });
    }),
  );

  router.delete(
    '/webhooks/:webhookId',
    handle((req, res) => {
      const id = Number(req.params.webhookId);
      const hook = state.webhooks.get(id);
      if (!hook || hook.account !== accountOf(res)) {
        return notFound(res, `Webhook ${String(req.params.webhookId)} was not found.`);
      }
      state.webhooks.delete(id);
      res.status(200).end();
    }),
  );

  router.use((req, res) => {
    notFound(
      res,
      `No HTTP resource was found that matches the request URI '${state.publicUrl}${req.originalUrl}'.`,
    );
  });
  return router;
}

/** The GET /shipments filters; all given ones must match. Dates are account time. */
function shipmentFilter(req: Request, timeZone: string) {
  const text = (name: string) => param(req, name)?.toLowerCase();
  const range = (name: string): [number | undefined, number | undefined] => [
    dateParam(req, `${name}Start`, timeZone),
    dateParam(req, `${name}End`, timeZone),
  ];
  const f = {
    recipientName: text('recipientName'),
    recipientCountryCode: text('recipientCountryCode'),
    orderNumber: text('orderNumber'),
    orderId: intParam(req, 'orderId'),
    carrierCode: text('carrierCode'),
    serviceCode: text('serviceCode'),
    trackingNumber: text('trackingNumber'),
    batchId: intParam(req, 'batchId'),
    storeId: intParam(req, 'storeId'),
    createDate: range('createDate'),
    shipDate: range('shipDate'),
    voidDate: range('voidDate'),
  };
  return (state: ShipStationState, s: SimShipment): boolean => {
    const order = state.orders.get(s.orderId);
    if (!order) return false;
    const shipTo = order.input.shipTo;
    const lower = (value: string | null | undefined) => (value ?? '').toLowerCase();
    const shipDay = parseShipStationDateTime(s.shipDate, timeZone)?.getTime();
    return (
      (!f.recipientName || lower(shipTo.name).includes(f.recipientName)) &&
      (!f.recipientCountryCode || lower(shipTo.country) === f.recipientCountryCode) &&
      (!f.orderNumber || lower(order.input.orderNumber) === f.orderNumber) &&
      (f.orderId === undefined || s.orderId === f.orderId) &&
      (!f.carrierCode || s.carrierCode.toLowerCase() === f.carrierCode) &&
      (!f.serviceCode || s.serviceCode.toLowerCase() === f.serviceCode) &&
      (!f.trackingNumber || s.trackingNumber.toLowerCase() === f.trackingNumber) &&
      (f.batchId === undefined || s.batchId === f.batchId) &&
      (f.storeId === undefined || order.input.advancedOptions?.storeId === f.storeId) &&
      inRange(s.createdAt, ...f.createDate) &&
      inRange(shipDay, ...f.shipDate) &&
      inRange(s.voidedAt, ...f.voidDate)
    );
  };
}
