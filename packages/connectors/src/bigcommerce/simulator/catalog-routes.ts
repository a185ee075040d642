import express, { type Request, type Router } from 'express';
import { intParam, storeOf } from './http';
import { renderCatalogProduct, renderCatalogVariant } from './render-inventory';
import { includeFields, inIds, inList, pick, v3Page } from './v3-list';

/**
 * `/stores/{hash}/v3/catalog/products` and `/v3/catalog/variants`, with the filters their
 * reference documents (`id`, `id:in`, `sku`, `sku:in` on products; `id`, `sku`, `product_id:in`
 * on variants), `include_fields`, and pages of at most 250.
 */
const CATALOG = '/stores/:hash/v3/catalog';
const MAX_LIMIT = 250;

export interface CatalogRouteOptions {
  /** Whether variants honour `sku:in` (the live API does; its reference lists only `sku`). */
  variantSkuIn: boolean;
}

function exact(req: Request, name: string): string | undefined {
  const value: unknown = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

export function catalogRoutes(options: CatalogRouteOptions): Router {
  const router = express.Router();

  router.get(`${CATALOG}/products`, (req, res) => {
    const { inventory } = storeOf(res);
    const id = intParam(req.query.id);
    const ids = inIds(req, 'id:in');
    const sku = exact(req, 'sku');
    const skus = inList(req, 'sku:in');
    const fields = includeFields(req);
    const products = [...inventory.products.values()].filter(
      (product) =>
        (req.query.id === undefined || product.id === id) &&
        (!ids || ids.has(product.id)) &&
        (sku === undefined || product.sku === sku) &&
        (!skus || skus.includes(product.sku)),
    );
    res.json(
      v3Page(req, products, MAX_LIMIT, (product) =>
        pick(renderCatalogProduct(inventory, product), fields),
      ),
    );
  });

  router.get(`${CATALOG}/variants`, (req, res) => {
    const { inventory } = storeOf(res);
    const id = intParam(req.query.id);
    const productIds = inIds(req, 'product_id:in');
    const sku = exact(req, 'sku');
    const skus = options.variantSkuIn ? inList(req, 'sku:in') : undefined;
    const fields = includeFields(req);
    const variants = inventory
      .allVariants()
      .filter(
        (variant) =>
          (req.query.id === undefined || variant.id === id) &&
          (!productIds || productIds.has(variant.product_id)) &&
          (sku === undefined || variant.sku === sku) &&
          (!skus || skus.includes(variant.sku)),
      );
    res.json(
      v3Page(req, variants, MAX_LIMIT, (variant) =>
        pick(renderCatalogVariant(inventory, variant), fields),
      ),
    );
  });

  return router;
}
