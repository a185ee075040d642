/**
 * Orders, project-wide and in-store:
 * - `GET /{projectKey}/orders` (where, sort, limit, offset, withTotal) → OrderPagedQueryResponse;
 * - `GET /{projectKey}/orders/{id}` and `/orders/order-number={orderNumber}` → Order, 404
 *   ResourceNotFound;
 * - `POST` to either with `{ version, actions }` → the updated Order (409 on a stale version);
 * - the same under `/{projectKey}/in-store/key={storeKey}/orders…`, where only the store's orders
 *   exist and store-scoped permissions count.
 * Reading needs `view_orders`, updating `manage_orders`.
 */
import express, { type Request, type Response, type Router } from 'express';
import { authOf, permitted } from './bearer';
import { answering, endpointNotFound, resourceNotFound } from './errors';
import type { OrderUpdates } from './order-updates';
import { queryResources } from './query';
import type { Order } from './records';

const inStoreKey = (req: Request): string | undefined => {
  const ref = req.params.storeRef;
  if (ref === undefined) return undefined;
  const match = /^key=(.+)$/.exec(String(ref));
  if (!match) throw endpointNotFound(req.path);
  return match[1]!;
};

function findOrder(req: Request, res: Response, storeKey: string | undefined): Order {
  const { project } = authOf(res);
  const ref = String(req.params.orderRef);
  const byNumber = /^order-number=(.+)$/.exec(ref);
  const order = byNumber ? project.orderByNumber(byNumber[1]!) : project.orders.get(ref);
  if (!order || (storeKey !== undefined && order.store?.key !== storeKey)) {
    throw byNumber ? resourceNotFound('orderNumber', byNumber[1]!) : resourceNotFound('ID', ref);
  }
  return order;
}

/** The order routes. */
export function ordersRoutes(updates: OrderUpdates): Router {
  const router = express.Router();
  const base = ['/:projectKey/orders', '/:projectKey/in-store/:storeRef/orders'];

  router.get(base, (req, res) =>
    answering(res, () => {
      const storeKey = inStoreKey(req);
      if (!permitted(res, 'view_orders', storeKey)) return;
      const orders = [...authOf(res).project.orders.values()].filter(
        (order) => storeKey === undefined || order.store?.key === storeKey,
      );
      res.json(queryResources(req, orders));
    }),
  );

  const one = base.map((path) => `${path}/:orderRef`);
  router.get(one, (req, res) =>
    answering(res, () => {
      const storeKey = inStoreKey(req);
      if (!permitted(res, 'view_orders', storeKey)) return;
      res.json(findOrder(req, res, storeKey));
    }),
  );

  router.post(one, (req, res) =>
    answering(res, () => {
      const storeKey = inStoreKey(req);
      if (!permitted(res, 'manage_orders', storeKey)) return;
      const order = findOrder(req, res, storeKey);
      const { project, token } = authOf(res);
      res.json(updates.update(project, order, req.body, token.clientId));
    }),
  );

  return router;
}
