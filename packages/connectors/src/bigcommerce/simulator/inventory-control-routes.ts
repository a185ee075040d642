/*
 * Catalog and inventory control routes of the BigCommerce simulator, mounted under /__control
 * next to those in control-routes.ts. No auth: they stand for the merchant.
 *
 *   POST /__control/stores/:hash/catalog/products    {products: [{id?, name?, sku?, type?: "physical"|
 *        "digital", weight?, width?, height?, depth?, price?, inventoryTracking: "none"|"product"|
 *        "variant", levels? {"<locationId>": n}, variants? [{id?, sku, option?, weight?, width?,
 *        height?, depth?, price?, levels?}]}]} adds them all or none (SKUs unique across products
 *        and variants; a product without variants gets a base variant with its SKU; measures in
 *        the store's units, variant measures absent = the product's) → 201 {products: [{…,
 *        variants}]}; fires no webhooks (the API's POST /v3/catalog/products does). A seeded
 *        level counts as an absolute one, so relative adjustments may follow it
 *   POST /__control/stores/:hash/inventory/locations {id?, code?, label, enabled?} → 201 location
 *        (every store starts with location 1 "Default")
 *   GET  /__control/stores/:hash/inventory/levels    → [{locationId, sku, productId, variantId,
 *        quantity}] for every level ever set (variantId null for stock kept on the product)
 *   GET  /__control/stores/:hash/inventory/transactions → every accepted adjustment, absolute
 *        and relative, {transaction_id, reason, items (as sent), created_at, method: "relative"
 *        on relative ones only}; refused ones are in /requests
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { SeedCatalogSchema, seedCatalog } from './catalog-seed';
import { renderCatalogProduct, renderCatalogVariant, renderLocation } from './render-inventory';
import type { BigCommerceSimState, SimStore } from './state';

const NewLocationSchema = z
  .object({
    id: z.number().int().positive().optional(),
    code: z.string().min(1).optional(),
    label: z.string().min(1),
    enabled: z.boolean().optional(),
  })
  .strict();

function invalid(res: Response, error: z.ZodError | string): void {
  const issues = typeof error === 'string' ? [] : error.issues;
  res.status(400).json({ error: typeof error === 'string' ? error : 'invalid request', issues });
}

export function inventoryControlRoutes(state: BigCommerceSimState): Router {
  const router = express.Router();

  const storeOr404 = (req: Request, res: Response): SimStore | undefined => {
    const store = state.stores.get(String(req.params.hash));
    if (!store) res.status(404).json({ error: `no store ${String(req.params.hash)}` });
    return store;
  };

  router.post('/stores/:hash/catalog/products', (req, res) => {
    const store = storeOr404(req, res);
    if (!store) return;
    const parsed = SeedCatalogSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const products = seedCatalog(store.inventory, parsed.data);
    if ('error' in products) return invalid(res, products.error);
    res.status(201).json({
      products: products.map((product) => ({
        ...renderCatalogProduct(store.inventory, product),
        variants: product.variants.map((variant) => renderCatalogVariant(store.inventory, variant)),
      })),
    });
  });

  router.post('/stores/:hash/inventory/locations', (req, res) => {
    const store = storeOr404(req, res);
    if (!store) return;
    const parsed = NewLocationSchema.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const { locations } = store.inventory;
    if (parsed.data.id !== undefined && locations.has(parsed.data.id)) {
      return invalid(res, `location ${parsed.data.id} already exists`);
    }
    if ([...locations.values()].some((location) => location.code === parsed.data.code)) {
      return invalid(res, `location code ${parsed.data.code} is taken`);
    }
    res.status(201).json(renderLocation(store.inventory.addLocation(parsed.data)));
  });

  router.get('/stores/:hash/inventory/levels', (req, res) => {
    const store = storeOr404(req, res);
    if (!store) return;
    res.json(
      store.inventory.levels().map(({ locationId, item, quantity }) => ({
        locationId,
        sku: item.variant?.sku ?? item.product.sku,
        productId: item.product.id,
        variantId: item.variant?.id ?? null,
        quantity,
      })),
    );
  });

  router.get('/stores/:hash/inventory/transactions', (req, res) => {
    const store = storeOr404(req, res);
    if (store) res.json(store.inventory.transactions);
  });

  return router;
}
