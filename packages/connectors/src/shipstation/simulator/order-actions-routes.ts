import { Router, type Response } from 'express';
import { z } from 'zod';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { accountOf, handle, invalid, notFound } from './http';
import type { ShipStationState, SimOrder } from './state';
import { calendarDate, modelStateOf } from './validation';
import { announcesOrder, notifyOrders } from './webhooks';

/** ASP.NET binds "123" to an int as readily as 123. */
const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const TagBodySchema = z.object({ orderId: id, tagId: id }).loose();
const HoldBodySchema = z.object({ orderId: id, holdUntilDate: calendarDate }).loose();
const RestoreBodySchema = z.object({ orderId: id }).loose();

/** Orders ShipStation will not hold: their goods are gone or will never go. */
const SETTLED = new Set(['shipped', 'cancelled']);

/**
 * `POST /orders/addtag|removetag {orderId, tagId}` and `POST /orders/holduntil {orderId,
 * holdUntilDate}` / `POST /orders/restorefromhold {orderId}`, answering `{success, message}`.
 * Unknown orders are 404s, unknown tags and bad bodies 400s.
 */
export function orderActionsRouter(state: ShipStationState, sender: WebhookSender): Router {
  const router = Router();

  /** Parses the body and finds the account's order; answers the error itself otherwise. */
  const target = <T extends { orderId: number }>(
    schema: z.ZodType<T>,
    body: unknown,
    res: Response,
  ): { order: SimOrder; data: T } | undefined => {
    const parsed = schema.safeParse(body ?? {});
    if (!parsed.success) {
      res.status(400).json({
        Message: 'The request is invalid.',
        ModelState: modelStateOf(body, parsed.error.issues, 'request'),
      });
      return undefined;
    }
    const order = state.ownedOne(state.orders, parsed.data.orderId, accountOf(res));
    if (!order || order.deleted) {
      notFound(res, `Order ${parsed.data.orderId} was not found.`);
      return undefined;
    }
    return { order, data: parsed.data };
  };

  const tagged = (res: Response, body: unknown, change: (order: SimOrder, tag: number) => void) => {
    const found = target(TagBodySchema, body, res);
    if (!found) return false;
    const { order, data } = found;
    if (!state.ownedOne(state.tags, data.tagId, order.account)) {
      invalid(res, 'request.tagId', `Tag ${data.tagId} was not found.`);
      return false;
    }
    const before = order.tagIds.length;
    change(order, data.tagId);
    if (order.tagIds.length !== before) order.modifiedAt = state.now();
    return true;
  };

  router.post(
    '/orders/addtag',
    handle((req, res) => {
      const done = tagged(res, req.body, (order, tagId) => {
        if (!order.tagIds.includes(tagId)) order.tagIds.push(tagId);
      });
      if (done) res.json({ success: true, message: 'Tag added successfully.' });
    }),
  );

  router.post(
    '/orders/removetag',
    handle((req, res) => {
      const done = tagged(res, req.body, (order, tagId) => {
        order.tagIds = order.tagIds.filter((candidate) => candidate !== tagId);
      });
      if (done) res.json({ success: true, message: 'Tag removed successfully.' });
    }),
  );

  router.post(
    '/orders/holduntil',
    handle((req, res) => {
      const found = target(HoldBodySchema, req.body, res);
      if (!found) return;
      const { order, data } = found;
      if (SETTLED.has(order.status)) {
        res.status(400).json({
          Message: `Order ${order.orderId} is ${order.status} and cannot be put on hold.`,
        });
        return;
      }
      const before = order.status;
      order.holdUntilDate = data.holdUntilDate;
      state.setStatus(order, 'on_hold');
      if (announcesOrder(before, order.status)) {
        notifyOrders(state, sender, 'ORDER_NOTIFY', [order]);
      }
      res.json({ success: true, message: 'Order held successfully.' });
    }),
  );

  router.post(
    '/orders/restorefromhold',
    handle((req, res) => {
      const found = target(RestoreBodySchema, req.body, res);
      if (!found) return;
      const { order } = found;
      if (order.status !== 'on_hold') {
        res.status(400).json({ Message: `Order ${order.orderId} is not on hold.` });
        return;
      }
      order.holdUntilDate = null;
      state.setStatus(order, 'awaiting_shipment');
      res.json({ success: true, message: 'Order restored successfully.' });
    }),
  );

  return router;
}
