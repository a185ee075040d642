/**
 * What happens in the warehouse, driven through `/__control`:
 * - `POST /accounts/:accountId/products` `{ products: [{ sku, name?, barcode?, stock?: [{
 *   warehouseId?, onHand }] }] }` → 201 `{ products: [{ id, legacyId, sku }] }`; seeds without
 *   webhooks (the first warehouse when `warehouseId` is left out).
 * - `POST /accounts/:accountId/stock` `{ sku, onHand, warehouseId?, stale?, delayMs? }` → 200
 *   `{ onHand, messageIds }`: a count in the warehouse, firing Inventory Update when on hand
 *   changes. `stale: true` sends an older observation instead: an Inventory Update carrying
 *   `onHand` while the state keeps its current count. `delayMs` holds the delivery back so a
 *   later change overtakes it (out-of-order arrival).
 * - `GET /accounts/:accountId/orders` → the order records.
 * - `POST /orders/:orderId/ship` `{ warehouseId?, removeInventory?, shippedOffShipHero?,
 *   packages?: [{ carrier?, method?, trackingNumber?, trackingUrl?, cost?, lineItems?: [{
 *   partnerLineItemId? | sku?, quantity? }] }] }` → 201 `{ shipmentId, shipmentLegacyId,
 *   fulfillmentStatus, labels, messageIds: { shipmentUpdate, inventoryUpdate } }`. Without
 *   packages: one package with everything pending; several packages each name their lines; a
 *   partial shipment leaves the rest pending. Fires one Shipment Update listing every package,
 *   and an Inventory Update for the units taken off the shelf (unless `removeInventory: false`).
 * - `POST /orders/:orderId/cancel` `{ reason?, force? }` → 200 `{ fulfillmentStatus, messageIds }`
 *   (Order Canceled), as if canceled in ShipHero's app.
 * - `POST /orders/:orderId/returns` `{ lineItems: [{ partnerLineItemId? | sku?, quantity,
 *   condition? }], status?, reason? }` → 201 `{ returnId, messageIds }` (Return Update).
 * Refusals: 404 for an unknown account, order, product or warehouse; 409 for what cannot happen.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { accountOf, attempt, parseBody, type ControlDeps } from './control-kit';
import { cancelOrder } from './orders';
import {
  inventoryUpdatePayload,
  orderCanceledPayload,
  returnUpdatePayload,
  shipmentUpdatePayload,
} from './payloads';
import type { OrderRecord, StockRecord } from './records';
import { createReturn } from './returns';
import { shipOrder } from './shipping';
import type { AccountData } from './state';
import { replaceOnHand, upsertProduct, warehouseOf } from './stock';

const LineSchema = z.object({
  partnerLineItemId: z.string().optional(),
  sku: z.string().optional(),
  quantity: z.number().int().positive().optional(),
});
const ShipSchema = z.object({
  warehouseId: z.string().optional(),
  removeInventory: z.boolean().optional(),
  shippedOffShipHero: z.boolean().optional(),
  packages: z
    .array(
      z.object({
        carrier: z.string().optional(),
        method: z.string().optional(),
        trackingNumber: z.string().optional(),
        trackingUrl: z.string().nullable().optional(),
        cost: z.string().optional(),
        lineItems: z.array(LineSchema).min(1).optional(),
      }),
    )
    .optional(),
});
const ProductsSchema = z.object({
  products: z.array(
    z.object({
      sku: z.string().min(1),
      name: z.string().optional(),
      barcode: z.string().nullable().optional(),
      stock: z
        .array(z.object({ warehouseId: z.string().optional(), onHand: z.number().int().min(0) }))
        .optional(),
    }),
  ),
});
const StockSchema = z.object({
  sku: z.string().min(1),
  onHand: z.number().int().min(0),
  warehouseId: z.string().optional(),
  stale: z.boolean().optional(),
  delayMs: z.number().int().nonnegative().max(600_000).optional(),
});
const CancelSchema = z.object({ reason: z.string().optional(), force: z.boolean().optional() });
const ReturnSchema = z.object({
  lineItems: z
    .array(
      LineSchema.extend({
        quantity: z.number().int().positive(),
        condition: z.string().optional(),
      }),
    )
    .min(1),
  status: z.string().optional(),
  reason: z.string().optional(),
});

export function controlWarehouse(deps: ControlDeps): Router {
  const { state, webhooks } = deps;
  const control = express.Router();

  const orderOf = (
    req: Request,
    res: Response,
  ): { data: AccountData; order: OrderRecord } | undefined => {
    const id = String(req.params.orderId);
    const data = state.ownerOf(id);
    const order = data?.orders.get(id);
    if (!data || !order) return void res.status(404).json({ error: 'no such order' });
    return { data, order };
  };
  const inventoryUpdate = (data: AccountData, rows: StockRecord[], delayMs?: number) => {
    const warehouse = rows[0] && data.warehouse(rows[0].warehouse_id);
    if (!warehouse) return [];
    const payload = inventoryUpdatePayload(
      data,
      warehouse,
      rows.map(({ sku }) => ({ sku })),
    );
    return webhooks.fire(data, 'Inventory Update', payload, { delayMs });
  };

  control.post('/accounts/:accountId/products', (req, res) => {
    const data = accountOf(deps, req, res);
    const body = data && parseBody(ProductsSchema, req, res);
    if (!data || !body) return;
    attempt(res, () => {
      const products = body.products.map((seed) => {
        const product = upsertProduct(state, data, seed);
        for (const count of seed.stock ?? []) {
          replaceOnHand(state, data, warehouseOf(data, count.warehouseId), seed.sku, count.onHand);
        }
        return { id: product.id, legacyId: product.legacy_id, sku: product.sku };
      });
      res.status(201).json({ products });
    });
  });

  control.post('/accounts/:accountId/stock', (req, res) => {
    const data = accountOf(deps, req, res);
    const body = data && parseBody(StockSchema, req, res);
    if (!data || !body) return;
    attempt(res, () => {
      const warehouse = warehouseOf(data, body.warehouseId);
      if (body.stale) {
        const payload = inventoryUpdatePayload(data, warehouse, [
          { sku: body.sku, onHand: body.onHand },
        ]);
        const messageIds = webhooks.fire(data, 'Inventory Update', payload, {
          delayMs: body.delayMs,
        });
        return void res.json({ onHand: body.onHand, messageIds });
      }
      const change = replaceOnHand(state, data, warehouse, body.sku, body.onHand);
      const messageIds = change.changed ? inventoryUpdate(data, [change.row], body.delayMs) : [];
      res.json({ onHand: change.row.on_hand, messageIds });
    });
  });

  control.get('/accounts/:accountId/orders', (req, res) => {
    const data = accountOf(deps, req, res);
    if (data) res.json([...data.orders.values()]);
  });

  control.post('/orders/:orderId/ship', (req, res) => {
    const found = orderOf(req, res);
    const body = found && parseBody(ShipSchema, req, res);
    if (!found || !body) return;
    const { data, order } = found;
    attempt(res, () => {
      const { shipment, stock } = shipOrder(state, data, order, body);
      const payload = shipmentUpdatePayload(data, order, shipment);
      res.status(201).json({
        shipmentId: shipment.id,
        shipmentLegacyId: shipment.legacy_id,
        fulfillmentStatus: order.fulfillment_status,
        labels: shipment.labels,
        messageIds: {
          shipmentUpdate: webhooks.fire(data, 'Shipment Update', payload, {
            shopName: order.shop_name,
          }),
          inventoryUpdate: inventoryUpdate(data, stock),
        },
      });
    });
  });

  control.post('/orders/:orderId/cancel', (req, res) => {
    const found = orderOf(req, res);
    const body = found && parseBody(CancelSchema, req, res);
    if (!found || !body) return;
    const { data, order } = found;
    attempt(res, () => {
      const { changed } = cancelOrder(state, data, { order_id: order.id, ...body });
      const payload = orderCanceledPayload(data, order);
      const messageIds = changed
        ? webhooks.fire(data, 'Order Canceled', payload, { shopName: order.shop_name })
        : [];
      res.json({ fulfillmentStatus: order.fulfillment_status, messageIds });
    });
  });

  control.post('/orders/:orderId/returns', (req, res) => {
    const found = orderOf(req, res);
    const body = found && parseBody(ReturnSchema, req, res);
    if (!found || !body) return;
    const { data, order } = found;
    attempt(res, () => {
      const record = createReturn(state, data, order, body);
      const payload = returnUpdatePayload(data, order, record);
      const messageIds = webhooks.fire(data, 'Return Update', payload, {
        shopName: order.shop_name,
      });
      res.status(201).json({ returnId: record.id, messageIds });
    });
  });

  return control;
}
