import express, { type Request, type Response, type Router } from 'express';
import { BIGCOMMERCE_ORDER_STATUSES } from '../statuses';
import { baseUrlOf, findOrder, intParam, paging, storeOf, v2Error } from './http';
import type { BigCommerceOperations } from './operations';
import { renderProduct, renderShippingAddress } from './render';
import { renderOrder, type ConsignmentView } from './render-order';
import type { SimOrder } from './state';
import { shipmentRoutes } from './shipments-routes';

/**
 * `/stores/{hash}/v2/orders…` and `/v2/order_statuses`, after auth and quota. Routes carry full
 * paths (no mounted sub-routers) so that the request log sees the real path.
 */
const V2 = '/stores/:hash/v2';

const SORTABLE = new Set([
  'id',
  'customer_id',
  'date_created',
  'date_modified',
  'status_id',
  'channel_id',
  'external_id',
]);
/** Fields a PUT may not write; BigCommerce refuses them by name. */
const READ_ONLY = new Set([
  'id',
  'date_modified',
  'date_shipped',
  'status',
  'items_shipped',
  'items_total',
  'payment_status',
]);

function consignmentView(req: Request): ConsignmentView | undefined {
  const include = String(req.query.include ?? '')
    .split(',')
    .map((part) => part.trim());
  const lineItems = include.includes('consignments.line_items');
  if (!lineItems && !include.includes('consignments')) return undefined;
  return { lineItems, object: req.query.consignment_structure === 'object' };
}

/** Whole-second comparison, as BigCommerce stores dates; `undefined` = bad value. */
function dateFilter(value: unknown): number | null | undefined {
  if (value === undefined) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1_000);
}

function listOrders(req: Request, res: Response): void {
  const store = storeOf(res);
  const bounds: Record<string, number | null> = {};
  for (const name of [
    'min_date_created',
    'max_date_created',
    'min_date_modified',
    'max_date_modified',
  ]) {
    const parsed = dateFilter(req.query[name]);
    if (parsed === undefined) return v2Error(res, 400, `The field '${name}' is invalid.`);
    bounds[name] = parsed;
  }
  const within = (value: number, min: number | null | undefined, max: number | null | undefined) =>
    (min == null || value >= min) && (max == null || value <= max);
  const minId = intParam(req.query.min_id);
  const maxId = intParam(req.query.max_id);
  const statusId = intParam(req.query.status_id);
  const customerId = intParam(req.query.customer_id);
  const [field = 'id', direction = 'asc'] = String(req.query.sort ?? 'id').split(':');
  if (!SORTABLE.has(field) || !['asc', 'desc'].includes(direction)) {
    return v2Error(res, 400, "The field 'sort' is invalid.");
  }
  const key = (order: SimOrder): number =>
    field === 'date_created'
      ? order.created
      : field === 'date_modified'
        ? order.modified
        : field === 'customer_id'
          ? order.customer_id
          : field === 'status_id'
            ? order.status_id
            : field === 'channel_id'
              ? order.channel_id
              : order.id;
  const matching = [...store.orders.values()]
    .filter(
      (order) =>
        !order.is_deleted &&
        within(order.created, bounds.min_date_created, bounds.max_date_created) &&
        within(order.modified, bounds.min_date_modified, bounds.max_date_modified) &&
        within(order.id, minId, maxId) &&
        (statusId === undefined || order.status_id === statusId) &&
        (customerId === undefined || order.customer_id === customerId),
    )
    .sort((a, b) => (key(a) - key(b)) * (direction === 'desc' ? -1 : 1) || a.id - b.id);
  const { page, limit } = paging(req);
  const slice = matching.slice((page - 1) * limit, page * limit);
  // An empty result is 204 without a body, not `[]`.
  if (slice.length === 0) return void res.status(204).end();
  res.json(slice.map((order) => renderOrder(baseUrlOf(req), store, order)));
}

function updateOrder(ops: BigCommerceOperations) {
  return (req: Request, res: Response): void => {
    const found = findOrder(req, res);
    if (!found) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const readOnly = Object.keys(body).find((field) => READ_ONLY.has(field));
    if (readOnly) {
      return v2Error(
        res,
        400,
        `The field '${readOnly}' cannot be written to. Please remove it from your request before trying again.`,
      );
    }
    const { store, order } = found;
    const statusId = body.status_id;
    if (
      statusId !== undefined &&
      !(Number.isInteger(statusId) && Object.hasOwn(BIGCOMMERCE_ORDER_STATUSES, statusId as number))
    ) {
      return v2Error(res, 400, "The field 'status_id' is invalid.");
    }
    let changed = false;
    for (const field of ['staff_notes', 'customer_message'] as const) {
      if (typeof body[field] === 'string') {
        order[field] = body[field];
        changed = true;
      }
    }
    if (changed) ops.orderUpdated(store, order);
    if (typeof statusId === 'number') ops.setStatus(store, order, statusId);
    if (body.is_deleted === true && !order.is_deleted) ops.archive(store, order);
    res.json(renderOrder(baseUrlOf(req), store, order));
  };
}

export function ordersRoutes(ops: BigCommerceOperations): Router {
  const router = express.Router();

  router.get(`${V2}/order_statuses`, (_req, res) => {
    res.json(
      Object.entries(BIGCOMMERCE_ORDER_STATUSES).map(([id, { label }], order) => ({
        id: Number(id),
        name: label,
        system_label: label,
        custom_label: label,
        system_description: label,
        order,
      })),
    );
  });
  router.get(`${V2}/order_statuses/:id`, (req, res) => {
    const id = intParam(req.params.id);
    const status =
      id === undefined
        ? undefined
        : Object.entries(BIGCOMMERCE_ORDER_STATUSES).find(([key]) => Number(key) === id);
    if (!status) return v2Error(res, 404, 'The requested resource was not found.');
    const label = status[1].label;
    res.json({
      id,
      name: label,
      system_label: label,
      custom_label: label,
      system_description: label,
      order: id,
    });
  });

  router.get(`${V2}/orders`, listOrders);
  // "Delete All Orders" archives them, one store/order/archived each, like the single DELETE.
  router.delete(`${V2}/orders`, (_req, res) => {
    const store = storeOf(res);
    for (const order of store.orders.values()) if (!order.is_deleted) ops.archive(store, order);
    res.status(204).end();
  });
  router.get(`${V2}/orders/count`, (_req, res) => {
    res.json({
      count: [...storeOf(res).orders.values()].filter((order) => !order.is_deleted).length,
    });
  });
  router.get(`${V2}/orders/:id`, (req, res) => {
    const found = findOrder(req, res);
    if (found)
      res.json(renderOrder(baseUrlOf(req), found.store, found.order, consignmentView(req)));
  });
  router.put(`${V2}/orders/:id`, updateOrder(ops));
  // Archiving keeps the order readable by id (`is_deleted: true`) but out of lists and counts.
  router.delete(`${V2}/orders/:id`, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    if (!found.order.is_deleted) ops.archive(found.store, found.order);
    res.status(204).end();
  });

  router.get(`${V2}/orders/:id/products`, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    const { page, limit } = paging(req);
    const products = found.order.products.slice((page - 1) * limit, page * limit);
    if (products.length === 0) return void res.status(204).end();
    res.json(products.map((product) => renderProduct(found.order, product)));
  });
  router.get(`${V2}/orders/:id/products/:productId`, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    const product = found.order.products.find(
      (candidate) => candidate.id === intParam(req.params.productId),
    );
    if (!product) return v2Error(res, 404, 'The requested resource was not found.');
    res.json(renderProduct(found.order, product));
  });

  // The order's own links spell it `shippingaddresses`; the documented path has the underscore.
  for (const path of ['shipping_addresses', 'shippingaddresses']) {
    router.get(`${V2}/orders/:id/${path}`, (req, res) => {
      const found = findOrder(req, res);
      if (!found) return;
      const { order, store } = found;
      res.json(
        order.addresses.map((address) =>
          renderShippingAddress(baseUrlOf(req), store.hash, order, address),
        ),
      );
    });
    router.get(`${V2}/orders/:id/${path}/:addressId`, (req, res) => {
      const found = findOrder(req, res);
      if (!found) return;
      const address = found.order.addresses.find(
        (candidate) => candidate.id === intParam(req.params.addressId),
      );
      if (!address) return v2Error(res, 404, 'The requested resource was not found.');
      res.json(renderShippingAddress(baseUrlOf(req), found.store.hash, found.order, address));
    });
  }

  router.get(`${V2}/orders/:id/consignments`, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    const lineItems = String(req.query.include ?? '').includes('consignments.line_items');
    const rendered = renderOrder(baseUrlOf(req), found.store, found.order, {
      lineItems,
      object: true,
    });
    res.json(rendered.consignments);
  });

  router.use(shipmentRoutes(ops));
  return router;
}
