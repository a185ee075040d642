/*
 * Store settings and refund control routes of the BigCommerce simulator, mounted under
 * /__control next to those in control-routes.ts. No auth: they stand for the merchant.
 *
 *   PUT /__control/stores/:hash/settings  {weightUnit?: "Grams"|"Kilograms"|"Ounces"|"Pounds",
 *       dimensionUnit?: "Centimeters"|"Inches"} changes the units `GET /v2/store` reports
 *       (a new store has BigCommerce's defaults, Ounces and Inches, unless POST /stores named
 *       others) → {weightUnit, dimensionUnit}
 *   GET /__control/stores/:hash/refunds   → every refund of the store, as the v3 API renders
 *       them (`?orderId=` narrows to one order)
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { intParam } from './http';
import { renderRefund } from './refunds';
import type { BigCommerceSimState } from './state';

export const WeightUnitSchema = z.enum(['Grams', 'Kilograms', 'Ounces', 'Pounds']);
export const DimensionUnitSchema = z.enum(['Centimeters', 'Inches']);

const SettingsSchema = z
  .object({
    weightUnit: WeightUnitSchema.optional(),
    dimensionUnit: DimensionUnitSchema.optional(),
  })
  .strict();

export function storeControlRoutes(state: BigCommerceSimState): Router {
  const router = express.Router();

  router.put('/stores/:hash/settings', (req, res) => {
    const store = state.stores.get(String(req.params.hash));
    if (!store) return void res.status(404).json({ error: `no store ${String(req.params.hash)}` });
    const parsed = SettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      return void res.status(400).json({ error: 'invalid request', issues: parsed.error.issues });
    }
    if (parsed.data.weightUnit) store.units.weight = parsed.data.weightUnit;
    if (parsed.data.dimensionUnit) store.units.dimension = parsed.data.dimensionUnit;
    res.json({ weightUnit: store.units.weight, dimensionUnit: store.units.dimension });
  });

  router.get('/stores/:hash/refunds', (req, res) => {
    const store = state.stores.get(String(req.params.hash));
    if (!store) return void res.status(404).json({ error: `no store ${String(req.params.hash)}` });
    const orderId = intParam(req.query.orderId);
    const refunds = [...store.refunds.values()].filter(
      (refund) => orderId === undefined || refund.order_id === orderId,
    );
    res.json(refunds.map(renderRefund));
  });

  return router;
}
