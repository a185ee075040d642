/**
 * Orders as the shop and the merchant's back office make them (control API):
 * - `POST /projects/:projectKey/orders` with the compact draft of `order-factory.ts` (orderNumber?,
 *   customerEmail, storeKey?, lines [{ sku, name, quantity, centAmount }], shippingAddress,
 *   currency, shippingMode Single|Multiple with `shipping` entries, custom?, imported?) → 201 the
 *   Order; emits OrderCreated (OrderImported when `imported`).
 * - `GET /projects/:projectKey/orders` → every order; `GET …/orders/:id` (or `order-number=…`).
 * - `GET …/orders/:id/updates` → every update request the order received: `{ at, via: api |
 *   control | concurrent, client (the API client's id, `back-office` or the concurrent client),
 *   expectedVersion?, actions, status, resultingVersion, errors? }`.
 * - `POST …/orders/:id/actions` `{ actions }` → any Order update actions, at the current version.
 * - `POST …/orders/:id/deliveries` `{ items?, parcels?: [{ trackingId?, carrier?, provider?, key?,
 *   items?, measurements? }], deliveryKey?, shippingKey? }` → the order after an addDelivery
 *   (items default to every line item, in full; Multiple mode defaults to the first shipping).
 * - `POST …/orders/:id/conflict` `{ times? = 1 }`: the next `times` updates of the order meet a
 *   concurrent change first (version and lastModifiedBy move), so they answer 409.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { attempt, parseBody, projectOf, type ControlDeps } from './control-kit';
import { DeliveryItemSchema, KeySchema, ParcelMeasurementsSchema } from './draft-schemas';
import { OrderDraftSchema, orderFromDraft } from './order-factory';
import { orderIdentifiers } from './order-updates';
import type { ClientLogging, Order } from './records';
import type { ProjectData } from './state';

const ActionsSchema = z.object({ actions: z.array(z.unknown()).min(1) });

const DeliverySchema = z.object({
  items: z.array(DeliveryItemSchema).optional(),
  parcels: z
    .array(
      z.object({
        key: KeySchema.optional(),
        trackingId: z.string().optional(),
        carrier: z.string().optional(),
        provider: z.string().optional(),
        items: z.array(DeliveryItemSchema).optional(),
        measurements: ParcelMeasurementsSchema.optional(),
      }),
    )
    .default([]),
  deliveryKey: KeySchema.optional(),
  shippingKey: z.string().optional(),
});

const ConflictSchema = z.object({ times: z.number().int().positive().default(1) });

function orderOf(project: ProjectData, req: Request, res: Response): Order | undefined {
  const ref = String(req.params.id);
  const byNumber = /^order-number=(.+)$/.exec(ref);
  const order = byNumber ? project.orderByNumber(byNumber[1]!) : project.orders.get(ref);
  if (!order) res.status(404).json({ error: 'no such order' });
  return order;
}

/** The order control routes. */
export function controlOrders(deps: ControlDeps): Router {
  const { state, events, updates } = deps;
  const control = express.Router();
  const withOrder = (req: Request, res: Response) => {
    const project = projectOf(deps, req, res);
    const order = project && orderOf(project, req, res);
    return project && order ? { project, order } : undefined;
  };

  control.post('/projects/:projectKey/orders', (req, res) => {
    const project = projectOf(deps, req, res);
    const draft = project && parseBody(OrderDraftSchema, req, res);
    if (!project || !draft) return;
    attempt(res, () => {
      const now = state.isoNow();
      const order = orderFromDraft(project, draft, now);
      project.orders.set(order.id, order);
      const resource = { typeId: 'order', id: order.id };
      const by: ClientLogging = order.createdBy;
      const type = draft.imported ? 'OrderImported' : 'OrderCreated';
      events.emit(
        project,
        { resource, resourceVersion: 1, identifiers: orderIdentifiers(order), by },
        [{ type, payload: { order: structuredClone(order) } }],
      );
      events.changed(project, {
        notificationType: 'ResourceCreated',
        resource,
        resourceUserProvidedIdentifiers: orderIdentifiers(order),
        version: 1,
        modifiedAt: now,
      });
      res.status(201).json(order);
    });
  });

  control.get('/projects/:projectKey/orders', (req, res) => {
    const project = projectOf(deps, req, res);
    if (project) res.json([...project.orders.values()]);
  });

  control.get('/projects/:projectKey/orders/:id', (req, res) => {
    const found = withOrder(req, res);
    if (found) res.json(found.order);
  });

  control.get('/projects/:projectKey/orders/:id/updates', (req, res) => {
    const found = withOrder(req, res);
    if (found) res.json(found.project.updates.get(found.order.id) ?? []);
  });

  control.post('/projects/:projectKey/orders/:id/actions', (req, res) => {
    const found = withOrder(req, res);
    const body = found && parseBody(ActionsSchema, req, res);
    if (!found || !body) return;
    attempt(
      res,
      () => void res.json(updates.applyAsBackOffice(found.project, found.order, body.actions)),
    );
  });

  control.post('/projects/:projectKey/orders/:id/deliveries', (req, res) => {
    const found = withOrder(req, res);
    const body = found && parseBody(DeliverySchema, req, res);
    if (!found || !body) return;
    const { order } = found;
    const items =
      body.items ?? order.lineItems.map((line) => ({ id: line.id, quantity: line.quantity }));
    const shippingKey =
      body.shippingKey ??
      (order.shippingMode === 'Multiple' ? order.shipping[0]?.shippingKey : undefined);
    const parcels = body.parcels.map((parcel) => ({
      ...(parcel.key !== undefined ? { key: parcel.key } : {}),
      ...(parcel.measurements ? { measurements: parcel.measurements } : {}),
      ...(parcel.trackingId !== undefined ||
      parcel.carrier !== undefined ||
      parcel.provider !== undefined
        ? {
            trackingData: {
              ...(parcel.trackingId !== undefined ? { trackingId: parcel.trackingId } : {}),
              ...(parcel.carrier !== undefined ? { carrier: parcel.carrier } : {}),
              ...(parcel.provider !== undefined ? { provider: parcel.provider } : {}),
            },
          }
        : {}),
      items: parcel.items ?? items,
    }));
    const action = {
      action: 'addDelivery',
      items,
      parcels,
      ...(body.deliveryKey !== undefined ? { deliveryKey: body.deliveryKey } : {}),
      ...(shippingKey !== undefined ? { shippingKey } : {}),
    };
    attempt(res, () => void res.json(updates.applyAsBackOffice(found.project, order, [action])));
  });

  control.post('/projects/:projectKey/orders/:id/conflict', (req, res) => {
    const found = withOrder(req, res);
    const body = found && parseBody(ConflictSchema, req, res);
    if (!found || !body) return;
    const pending = (found.project.conflicts.get(found.order.id) ?? 0) + body.times;
    found.project.conflicts.set(found.order.id, pending);
    res.json({ orderId: found.order.id, pending });
  });

  return control;
}
