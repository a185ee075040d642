import express, { type Request, type Response, type Router } from 'express';
import type { CatalogEvents } from './catalog-events';
import {
  ProductCreateSchema,
  ProductUpdateSchema,
  VariantUpdateSchema,
  parseBody,
  type CatalogRefusal,
} from './catalog-input';
import { findProduct } from './catalog-routes';
import { createProduct, updateProduct, updateVariant } from './catalog-writes';
import { intParam, storeOf, v3Error } from './http';
import type { SimCatalogProduct, SimInventory } from './inventory-state';
import { renderCatalogProduct, renderCatalogVariant } from './render-inventory';
import { inList } from './v3-list';

/**
 * Catalog writes under `/stores/{hash}/v3/catalog`: `POST /products` (one product, its variants
 * in `variants`; 200 `{data, meta}` with the variants, as documented), `PUT /products/{id}` and
 * `PUT /products/{id}/variants/{id}` (partial updates). 422 for a malformed body, 409 for a
 * duplicate name or SKU, 404 for an unknown product or variant. Creating fires
 * `store/product/created` (+ `store/sku/created` per option variant), a change
 * `store/product/updated` or `store/sku/updated`, and stock set through `inventory_level`
 * the inventory events.
 */
const CATALOG = '/stores/:hash/v3/catalog';

const refuse = (res: Response, refusal: CatalogRefusal) =>
  v3Error(res, refusal.status, refusal.title, refusal.errors ?? {});

function renderWithVariants(inventory: SimInventory, product: SimCatalogProduct, req?: Request) {
  const rendered = renderCatalogProduct(inventory, product);
  if (!req || inList(req, 'include')?.includes('variants')) {
    rendered.variants = product.variants.map((variant) => renderCatalogVariant(inventory, variant));
  }
  return rendered;
}

export function catalogWriteRoutes(catalog: CatalogEvents): Router {
  const router = express.Router();

  router.post(`${CATALOG}/products`, (req, res) => {
    const store = storeOf(res);
    const body = parseBody(ProductCreateSchema, req.body);
    if ('refusal' in body) return refuse(res, body.refusal);
    const outcome = createProduct(store.inventory, body.data);
    if (!outcome.ok) return refuse(res, outcome.refusal);
    catalog.productCreated(store, outcome.value);
    catalog.stockChanged(store, outcome.changes, 'absolute');
    res.json({ data: renderWithVariants(store.inventory, outcome.value), meta: {} });
  });

  router.put(`${CATALOG}/products/:productId`, (req, res) => {
    const product = findProduct(req, res);
    if (!product) return;
    const store = storeOf(res);
    const body = parseBody(ProductUpdateSchema, req.body);
    if ('refusal' in body) return refuse(res, body.refusal);
    const outcome = updateProduct(store.inventory, product, body.data);
    if (!outcome.ok) return refuse(res, outcome.refusal);
    if (outcome.value) catalog.productUpdated(store, product);
    catalog.stockChanged(store, outcome.changes, 'absolute');
    res.json({ data: renderWithVariants(store.inventory, product, req), meta: {} });
  });

  router.put(`${CATALOG}/products/:productId/variants/:variantId`, (req, res) => {
    const product = findProduct(req, res);
    if (!product) return;
    const variant = product.variants.find((one) => one.id === intParam(req.params.variantId));
    if (!variant) return v3Error(res, 404, 'The requested variant was not found.');
    const store = storeOf(res);
    const body = parseBody(VariantUpdateSchema, req.body);
    if ('refusal' in body) return refuse(res, body.refusal);
    const outcome = updateVariant(store.inventory, product, variant, body.data);
    if (!outcome.ok) return refuse(res, outcome.refusal);
    if (outcome.value) catalog.variantUpdated(store, product, variant);
    catalog.stockChanged(store, outcome.changes, 'absolute');
    res.json({ data: renderCatalogVariant(store.inventory, variant), meta: {} });
  });

  return router;
}
