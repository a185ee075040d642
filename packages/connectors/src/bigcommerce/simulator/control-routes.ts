/*
 * Control routes of the BigCommerce simulator, mounted under /__control (next to the kit's
 * health, faults, requests, webhooks and reset routes). No auth: they stand for the merchant.
 *
 *   POST  /__control/stores                          {hash, accessToken, clientSecret, storeId?,
 *         weightUnit?, dimensionUnit?} registers a store (again: adds the token, replaces the
 *         secret and the units given) → 201 {hash, storeId}; units as in PUT …/settings
 *   POST  /__control/stores/:hash/orders             compact order (see PlaceOrderSchema, e.g.
 *         paymentProvider "testgateway"|"braintree"|…, the gateway refunds go back through) → 201
 *         view; fires store/order/created
 *   GET   /__control/stores/:hash/orders/:id         → {order, products, shippingAddresses, shipments,
 *         refunds}
 *   PATCH /__control/stores/:hash/orders/:id         {statusId?, staffNotes?, customerMessage?,
 *         billing?, shippingAddress? {id, …fields, method?}, archived?} → view; a status change fires
 *         store/order/statusUpdated + updated, other changes updated, archiving archived
 *   POST  /__control/stores/:hash/orders/:id/shipments   v2 create-shipment body, as the merchant
 *         shipping in the control panel → 201 shipment (same validation and webhooks as the API)
 *   POST  /__control/stores/:hash/events             {scope, data} fires any webhook event as is
 *   GET   /__control/stores/:hash/hooks              every hook of the store, whichever client made it
 *   PUT   /__control/quota                           {limit, windowMs} changes the per-store quota
 *
 * Catalog and inventory control routes are in inventory-control-routes.ts, store settings
 * (units) and refunds in store-control-routes.ts.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import type { BigCommerceEvents } from './events';
import { baseUrlOf, intParam } from './http';
import type { BigCommerceOperations } from './operations';
import { buildOrder, PlaceOrderSchema } from './order-factory';
import { renderProduct, renderShipment, renderShippingAddress } from './render';
import { renderOrder } from './render-order';
import { renderRefund } from './refunds';
import { DimensionUnitSchema, WeightUnitSchema } from './store-control-routes';
import type { BigCommerceSimState, SimAddress, SimOrder, SimStore } from './state';

const NewStoreSchema = z
  .object({
    hash: z.string().regex(/^[a-z0-9]+$/i),
    accessToken: z.string().min(1),
    clientSecret: z.string().min(1),
    storeId: z.string().regex(/^\d+$/).optional(),
    weightUnit: WeightUnitSchema.optional(),
    dimensionUnit: DimensionUnitSchema.optional(),
  })
  .strict();

const AddressPatchSchema = z
  .object({
    firstName: z.string(),
    lastName: z.string(),
    company: z.string(),
    street1: z.string(),
    street2: z.string(),
    city: z.string(),
    state: z.string(),
    zip: z.string(),
    country: z.string(),
    countryIso2: z.string().length(2),
    phone: z.string(),
    email: z.string(),
  })
  .partial()
  .strict();
type AddressPatch = z.infer<typeof AddressPatchSchema>;

const PatchOrderSchema = z
  .object({
    statusId: z.number().int().min(0).max(14).optional(),
    staffNotes: z.string().optional(),
    customerMessage: z.string().optional(),
    billing: AddressPatchSchema.optional(),
    shippingAddress: AddressPatchSchema.extend({
      id: z.number().int(),
      method: z.string().optional(),
    }).optional(),
    archived: z.literal(true).optional(),
  })
  .strict();

const EventSchema = z
  .object({
    scope: z.string().min(1),
    data: z.object({ type: z.string(), id: z.number().int() }).loose(),
  })
  .strict();

const FIELD_NAMES: Record<keyof AddressPatch, keyof SimAddress> = {
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  street1: 'street_1',
  street2: 'street_2',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
  countryIso2: 'country_iso2',
  phone: 'phone',
  email: 'email',
};

function applyAddress(target: SimAddress, patch: AddressPatch): boolean {
  let changed = false;
  for (const [key, field] of Object.entries(FIELD_NAMES) as [
    keyof AddressPatch,
    keyof SimAddress,
  ][]) {
    const value = patch[key];
    if (value !== undefined && value !== target[field]) {
      target[field] = value;
      changed = true;
    }
  }
  return changed;
}

function invalid(res: Response, error: z.ZodError | string): void {
  const issues = typeof error === 'string' ? [] : error.issues;
  res.status(400).json({ error: typeof error === 'string' ? error : 'invalid request', issues });
}

export function view(req: Request, store: SimStore, order: SimOrder) {
  const base = baseUrlOf(req);
  return {
    order: renderOrder(base, store, order),
    products: order.products.map((product) => renderProduct(order, product)),
    shippingAddresses: order.addresses.map((address) =>
      renderShippingAddress(base, store.hash, order, address),
    ),
    shipments: (store.shipments.get(order.id) ?? []).map((shipment) =>
      renderShipment(store, order, shipment),
    ),
    refunds: [...store.refunds.values()]
      .filter((refund) => refund.order_id === order.id)
      .map(renderRefund),
  };
}

export function controlRoutes(deps: {
  state: BigCommerceSimState;
  ops: BigCommerceOperations;
  events: BigCommerceEvents;
  quota: FixedWindowQuota;
}): Router {
  const { state, ops, events, quota } = deps;
  const router = express.Router();

  const storeOr404 = (req: Request, res: Response): SimStore | undefined => {
    const store = state.stores.get(String(req.params.hash));
    if (!store) res.status(404).json({ error: `no store ${String(req.params.hash)}` });
    return store;
  };
  const orderOr404 = (req: Request, res: Response) => {
    const store = storeOr404(req, res);
    if (!store) return undefined;
    const id = intParam(req.params.id);
    const order = id === undefined ? undefined : store.orders.get(id);
    if (!order) res.status(404).json({ error: `no order ${String(req.params.id)}` });
    return order ? { store, order } : undefined;
  };

  router.post('/stores', (req, res) => {
    const parsed = NewStoreSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const store = state.addStore(parsed.data);
    res.status(201).json({ hash: store.hash, storeId: store.storeId });
  });

  router.post('/stores/:hash/orders', (req, res) => {
    const store = storeOr404(req, res);
    if (!store) return;
    const parsed = PlaceOrderSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    if (parsed.data.id !== undefined && store.orders.has(parsed.data.id)) {
      return invalid(res, `order ${parsed.data.id} already exists`);
    }
    const order = buildOrder(state, parsed.data);
    if ('error' in order) return invalid(res, order.error);
    ops.orderCreated(store, order);
    res.status(201).json(view(req, store, order));
  });

  router.get('/stores/:hash/orders/:id', (req, res) => {
    const found = orderOr404(req, res);
    if (found) res.json(view(req, found.store, found.order));
  });

  router.patch('/stores/:hash/orders/:id', (req, res) => {
    const found = orderOr404(req, res);
    if (!found) return;
    const parsed = PatchOrderSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const { store, order } = found;
    const patch = parsed.data;
    let changed = false;
    if (patch.staffNotes !== undefined) [order.staff_notes, changed] = [patch.staffNotes, true];
    if (patch.customerMessage !== undefined)
      [order.customer_message, changed] = [patch.customerMessage, true];
    if (patch.billing) changed = applyAddress(order.billing, patch.billing) || changed;
    if (patch.shippingAddress) {
      const { id, method, ...fields } = patch.shippingAddress;
      const address = order.addresses.find((candidate) => candidate.id === id);
      if (!address) return invalid(res, `order ${order.id} has no shipping address ${id}`);
      changed = applyAddress(address, fields) || changed;
      if (method !== undefined) [address.shipping_method, changed] = [method, true];
    }
    if (changed) ops.orderUpdated(store, order);
    if (patch.statusId !== undefined) ops.setStatus(store, order, patch.statusId);
    if (patch.archived && !order.is_deleted) ops.archive(store, order);
    res.json(view(req, store, order));
  });

  router.post('/stores/:hash/orders/:id/shipments', (req, res) => {
    const found = orderOr404(req, res);
    if (!found) return;
    const body: unknown = req.body;
    const input = typeof body === 'object' && body !== null ? body : {};
    const result = ops.createShipment(found.store, found.order, input);
    if ('errors' in result)
      return void res.status(400).json(result.errors.map((message) => ({ status: 400, message })));
    res.status(201).json(renderShipment(found.store, found.order, result));
  });

  router.post('/stores/:hash/events', (req, res) => {
    const store = storeOr404(req, res);
    if (!store) return;
    const parsed = EventSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    events.emit(store, parsed.data.scope, parsed.data.data);
    res.status(202).json({ scope: parsed.data.scope });
  });

  router.get('/stores/:hash/hooks', (req, res) => {
    const store = storeOr404(req, res);
    if (store) res.json([...store.hooks.values()]);
  });

  router.put('/quota', (req, res) => {
    const parsed = z
      .object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() })
      .strict()
      .safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    quota.limit = parsed.data.limit;
    quota.windowMs = parsed.data.windowMs;
    quota.reset();
    res.json(parsed.data);
  });

  return router;
}
