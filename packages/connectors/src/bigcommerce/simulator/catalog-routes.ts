import express, { type Request, type Response, type Router } from 'express';
import { intParam, storeOf, v3Error } from './http';
import type { SimCatalogProduct } from './inventory-state';
import { renderCatalogProduct, renderCatalogVariant } from './render-inventory';
import { includeFields, inIds, inList, pick, v3Page } from './v3-list';

/**
 * Catalog reads under `/stores/{hash}/v3/catalog`: products (filters `id`, `id:in`, `sku`,
 * `sku:in`, `date_modified:min|max`), one product (`include=variants`), a product's variants,
 * and all variants (`id`, `sku`, `product_id:in`); `include_fields`, pages of at most 250.
 * Writes are in catalog-write-routes.ts.
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

/** The product `:productId` names, or a 404 already sent. */
export function findProduct(req: Request, res: Response): SimCatalogProduct | undefined {
  const id = intParam(req.params.productId);
  const product = id === undefined ? undefined : storeOf(res).inventory.products.get(id);
  if (!product) v3Error(res, 404, 'The requested product was not found.');
  return product;
}

const modifiedBound = (req: Request, name: string): number | undefined => {
  const value = exact(req, name);
  const ms = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

export function catalogRoutes(options: CatalogRouteOptions): Router {
  const router = express.Router();

  router.get(`${CATALOG}/products`, (req, res) => {
    const { inventory } = storeOf(res);
    const id = intParam(req.query.id);
    const ids = inIds(req, 'id:in');
    const sku = exact(req, 'sku');
    const skus = inList(req, 'sku:in');
    const fields = includeFields(req);
    const [after, before] = [
      modifiedBound(req, 'date_modified:min'),
      modifiedBound(req, 'date_modified:max'),
    ];
    const products = [...inventory.products.values()].filter(
      (product) =>
        (req.query.id === undefined || product.id === id) &&
        (!ids || ids.has(product.id)) &&
        (sku === undefined || product.sku === sku) &&
        (!skus || skus.includes(product.sku)) &&
        (after === undefined || Date.parse(product.date_modified) >= after) &&
        (before === undefined || Date.parse(product.date_modified) <= before),
    );
    res.json(
      v3Page(req, products, MAX_LIMIT, (product) =>
        pick(renderCatalogProduct(inventory, product), fields),
      ),
    );
  });

  router.get(`${CATALOG}/products/:productId`, (req, res) => {
    const product = findProduct(req, res);
    if (!product) return;
    const { inventory } = storeOf(res);
    const rendered = renderCatalogProduct(inventory, product);
    if (inList(req, 'include')?.includes('variants')) {
      rendered.variants = product.variants.map((variant) =>
        renderCatalogVariant(inventory, variant),
      );
    }
    const fields = includeFields(req);
    if (fields && rendered.variants) fields.add('variants');
    res.json({ data: pick(rendered, fields), meta: {} });
  });

  router.get(`${CATALOG}/products/:productId/variants`, (req, res) => {
    const product = findProduct(req, res);
    if (!product) return;
    const { inventory } = storeOf(res);
    const fields = includeFields(req);
    res.json(
      v3Page(req, product.variants, MAX_LIMIT, (variant) =>
        pick(renderCatalogVariant(inventory, variant), fields),
      ),
    );
  });

  router.get(`${CATALOG}/products/:productId/variants/:variantId`, (req, res) => {
    const product = findProduct(req, res);
    if (!product) return;
    const variant = product.variants.find((one) => one.id === intParam(req.params.variantId));
    if (!variant) return v3Error(res, 404, 'The requested variant was not found.');
    res.json({
      data: pick(renderCatalogVariant(storeOf(res).inventory, variant), includeFields(req)),
      meta: {},
    });
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
