import express, { type Request, type Response, type Router } from 'express';
import type { BigCommerceEvents } from './events';
import { intParam, storeOf, v3Error } from './http';
import type { BigCommerceOperations } from './operations';
import { createRefund, refundQuote, renderRefund, type Refusal } from './refunds';
import type { BigCommerceSimState, SimOrder, SimRefund, SimStore } from './state';
import { orderTotals } from './totals';
import { inIds, v3Page } from './v3-list';

/**
 * `/stores/{hash}/v3/orders…/payment_actions/refund_quotes|refunds`: quotes (201), refunds
 * (201; the order's refunded amount, products and status follow, and `store/order/refund/created`
 * fires, then `store/order/statusUpdated` when the status moves to Partially Refunded (14) or
 * Refunded (4), else `store/order/updated`), an order's refunds, and every refund (`order_id:in`,
 * `id:in`, `created:min|max`, `transaction_id`, pages) or one by id.
 */
const V3_ORDERS = '/stores/:hash/v3/orders';
const REFUNDED = 4;
const PARTIALLY_REFUNDED = 14;

function findV3Order(
  req: Request,
  res: Response,
): { store: SimStore; order: SimOrder } | undefined {
  const store = storeOf(res);
  const id = intParam(req.params.id);
  const order = id === undefined ? undefined : store.orders.get(id);
  if (!order) v3Error(res, 404, `Order ${String(req.params.id)} not found`);
  return order ? { store, order } : undefined;
}

const refuse = (res: Response, refusal: Refusal) =>
  v3Error(res, 422, refusal.title, refusal.errors ?? {});

function withTransaction(req: Request, refunds: SimRefund[]): SimRefund[] {
  const wanted = req.query.transaction_id;
  if (typeof wanted !== 'string') return refunds;
  return refunds.filter((refund) => refund.payments.some((p) => p.transaction_id === wanted));
}

export function refundRoutes(deps: {
  state: BigCommerceSimState;
  ops: BigCommerceOperations;
  events: BigCommerceEvents;
}): Router {
  const { state, ops, events } = deps;
  const router = express.Router();

  router.post(`${V3_ORDERS}/:id/payment_actions/refund_quotes`, (req, res) => {
    const found = findV3Order(req, res);
    if (!found) return;
    const answer = refundQuote(found.order, req.body);
    if ('refusal' in answer) return refuse(res, answer.refusal);
    res.status(201).json({ data: answer.quote, meta: {} });
  });

  router.post(`${V3_ORDERS}/:id/payment_actions/refunds`, (req, res) => {
    const found = findV3Order(req, res);
    if (!found) return;
    const { store, order } = found;
    const answer = createRefund(state, store.refunds, order, req.body);
    if ('refusal' in answer) return refuse(res, answer.refusal);
    const { refund } = answer;
    events.emit(store, 'store/order/refund/created', {
      type: 'order',
      id: order.id,
      refund: { refund_id: refund.id },
    });
    const all = order.refundedCents >= orderTotals(order).totalInc;
    const status = all ? REFUNDED : PARTIALLY_REFUNDED;
    if (order.status_id !== status) ops.setStatus(store, order, status);
    else ops.orderUpdated(store, order);
    res.status(201).json({ data: renderRefund(refund), meta: {} });
  });

  router.get(`${V3_ORDERS}/:id/payment_actions/refunds`, (req, res) => {
    const found = findV3Order(req, res);
    if (!found) return;
    const refunds = [...found.store.refunds.values()].filter(
      (refund) => refund.order_id === found.order.id,
    );
    res.json({ data: withTransaction(req, refunds).map(renderRefund), meta: {} });
  });

  router.get(`${V3_ORDERS}/payment_actions/refunds`, (req, res) => {
    const orderIds = inIds(req, 'order_id:in');
    const ids = inIds(req, 'id:in');
    const bound = (name: string) => {
      const value = req.query[name];
      return typeof value === 'string' ? Date.parse(value) : Number.NaN;
    };
    const [after, before] = [bound('created:min'), bound('created:max')];
    const refunds = [...storeOf(res).refunds.values()].filter(
      (refund) =>
        (!orderIds || orderIds.has(refund.order_id)) &&
        (!ids || ids.has(refund.id)) &&
        (Number.isNaN(after) || Date.parse(refund.created) >= after) &&
        (Number.isNaN(before) || Date.parse(refund.created) <= before),
    );
    res.json(v3Page(req, withTransaction(req, refunds), 250, renderRefund));
  });

  router.get(`${V3_ORDERS}/payment_actions/refunds/:refundId`, (req, res) => {
    const id = intParam(req.params.refundId);
    const refund = id === undefined ? undefined : storeOf(res).refunds.get(id);
    if (!refund) return v3Error(res, 404, `Refund ${String(req.params.refundId)} not found`);
    res.json({ data: renderRefund(refund), meta: {} });
  });

  return router;
}
