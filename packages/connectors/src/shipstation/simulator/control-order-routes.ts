import { Router } from 'express';
import { z } from 'zod';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { parseShipStationDateTime, toShipStationDateTime } from '../dates';
import { bad, controlOrder, controlView } from './control-view';
import { renderShipment } from './render';
import { createReturnLabel, ReturnRequestSchema } from './returns';
import { ShipError } from './shipping';
import type { ShipStationState } from './state';
import { notifyOrders } from './webhooks';

const ShipBySchema = z
  .object({
    shipByDate: z
      .string()
      .refine((value) => parseShipStationDateTime(value) !== undefined, 'not a date')
      .nullable(),
  })
  .strict();
const RejectSchema = z.object({ reason: z.string().min(1).optional() }).strict();

/** Orders ShipStation no longer hands to a fulfilment provider. */
const SETTLED = new Set(['shipped', 'cancelled', 'rejected_fulfillment']);

/** What happens to an order outside the API: a ship-by date, a rejection, a return label. */
export function controlOrderRouter(state: ShipStationState, sender: WebhookSender): Router {
  const router = Router();

  router.post('/orders/:orderId/ship-by', (req, res) => {
    const order = controlOrder(state, req.params.orderId, res);
    if (!order) return;
    const parsed = ShipBySchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error.issues);
    const { shipByDate } = parsed.data;
    const at =
      shipByDate === null ? undefined : parseShipStationDateTime(shipByDate, state.timeZone);
    order.shipByDate = at ? toShipStationDateTime(at, state.timeZone) : null;
    order.modifiedAt = state.now();
    res.json(controlView(state, order));
  });

  router.post('/orders/:orderId/reject-fulfillment', (req, res) => {
    const order = controlOrder(state, req.params.orderId, res);
    if (!order) return;
    const parsed = RejectSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error.issues);
    if (SETTLED.has(order.status)) {
      return void res.status(409).json({ error: `order is ${order.status}` });
    }
    const { reason } = parsed.data;
    if (reason) {
      const notes = order.input.internalNotes;
      order.input = { ...order.input, internalNotes: notes ? `${notes}\n${reason}` : reason };
    }
    state.setStatus(order, 'rejected_fulfillment');
    const notice = notifyOrders(state, sender, 'FULFILLMENT_REJECTED', [order]);
    res.json({ ...notice, order: controlView(state, order) });
  });

  router.post('/orders/:orderId/return-label', (req, res) => {
    const order = controlOrder(state, req.params.orderId, res);
    if (!order) return;
    const parsed = ReturnRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error.issues);
    try {
      const shipment = createReturnLabel(state, order, parsed.data);
      res.status(201).json(renderShipment(state, shipment, order, true));
    } catch (error) {
      if (!(error instanceof ShipError)) throw error;
      res.status(error.status).json({ error: error.message });
    }
  });

  return router;
}
