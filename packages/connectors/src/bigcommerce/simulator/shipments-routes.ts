import express, { type Request, type Response, type Router } from 'express';
import { findOrder, intParam, paging, v2Error } from './http';
import type { BigCommerceOperations, ShipmentInput } from './operations';
import { renderShipment } from './render';
import type { SimShipment } from './state';

/** `/stores/{hash}/v2/orders/{id}/shipments…`. */

function findShipment(req: Request, res: Response) {
  const found = findOrder(req, res);
  if (!found) return undefined;
  const id = intParam(req.params.shipmentId);
  const shipment = (found.store.shipments.get(found.order.id) ?? []).find(
    (candidate) => candidate.id === id,
  );
  if (!shipment) {
    v2Error(res, 404, 'The requested resource was not found.');
    return undefined;
  }
  return { ...found, shipment };
}

const bodyOf = (req: Request): ShipmentInput =>
  typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
    ? (req.body as ShipmentInput)
    : {};

export function shipmentRoutes(ops: BigCommerceOperations): Router {
  const router = express.Router();
  const base = '/stores/:hash/v2/orders/:id/shipments';

  router.get(base, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    const { page, limit } = paging(req);
    const all: SimShipment[] = found.store.shipments.get(found.order.id) ?? [];
    const slice = all.slice((page - 1) * limit, page * limit);
    // Documented: no shipments is 204 No Content.
    if (slice.length === 0) return void res.status(204).end();
    res.json(slice.map((shipment) => renderShipment(found.store, found.order, shipment)));
  });

  router.get(`${base}/count`, (req, res) => {
    const found = findOrder(req, res);
    if (found) res.json({ count: (found.store.shipments.get(found.order.id) ?? []).length });
  });

  router.post(base, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    const result = ops.createShipment(found.store, found.order, bodyOf(req));
    if ('errors' in result) {
      res.status(400).json(result.errors.map((message) => ({ status: 400, message })));
      return;
    }
    res.status(201).json(renderShipment(found.store, found.order, result));
  });

  router.delete(base, (req, res) => {
    const found = findOrder(req, res);
    if (!found) return;
    for (const shipment of [...(found.store.shipments.get(found.order.id) ?? [])]) {
      ops.deleteShipment(found.store, found.order, shipment);
    }
    res.status(204).end();
  });

  router.get(`${base}/:shipmentId`, (req, res) => {
    const found = findShipment(req, res);
    if (found) res.json(renderShipment(found.store, found.order, found.shipment));
  });

  router.put(`${base}/:shipmentId`, (req, res) => {
    const found = findShipment(req, res);
    if (!found) return;
    const errors = ops.updateShipment(found.store, found.order, found.shipment, bodyOf(req));
    if (errors.length > 0) {
      res.status(400).json(errors.map((message) => ({ status: 400, message })));
      return;
    }
    res.json(renderShipment(found.store, found.order, found.shipment));
  });

  router.delete(`${base}/:shipmentId`, (req, res) => {
    const found = findShipment(req, res);
    if (!found) return;
    ops.deleteShipment(found.store, found.order, found.shipment);
    res.status(204).end();
  });

  return router;
}
