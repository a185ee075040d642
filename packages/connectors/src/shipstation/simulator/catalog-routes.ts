import { Router, type Request } from 'express';
import { accountOf, handle, invalid, notFound } from './http';
import { validateProductBody } from './product-validation';
import { boolParam, dateParam, inRange, intParam, pageOf, paging, param, sorted } from './query';
import { renderProduct, renderStore, renderTag, renderWarehouse } from './render-catalog';
import type { ShipStationState, SimProduct } from './state';

/**
 * The account's set-up as V1 lists it: `GET /accounts/listtags`, `GET /warehouses`,
 * `GET /stores` (`showInactive`, `marketplaceId`), and the product catalog ShipStation keeps
 * from imported items: `GET /products`, `GET|PUT /products/{productId}` (V1 cannot create one).
 */
export function catalogRouter(state: ShipStationState): Router {
  const router = Router();

  router.get(
    '/accounts/listtags',
    handle((_req, res) => {
      res.json(state.owned(state.tags, accountOf(res)).map(renderTag));
    }),
  );

  router.get(
    '/warehouses',
    handle((_req, res) => {
      const warehouses = state.owned(state.warehouses, accountOf(res));
      res.json(warehouses.map((warehouse) => renderWarehouse(state, warehouse)));
    }),
  );

  router.get(
    '/stores',
    handle((req, res) => {
      const showInactive = boolParam(req, 'showInactive') ?? false;
      const marketplaceId = intParam(req, 'marketplaceId');
      const stores = state
        .owned(state.stores, accountOf(res))
        .filter((store) => showInactive || store.active)
        .filter((store) => marketplaceId === undefined || store.marketplaceId === marketplaceId);
      res.json(stores.map((store) => renderStore(state, store)));
    }),
  );

  router.get(
    '/products',
    handle((req, res) => {
      const match = productFilter(req, state.timeZone);
      const matching = state.owned(state.products, accountOf(res)).filter(match);
      const ordered = sorted(
        req,
        matching,
        {
          SKU: (p) => p.fields.sku.toLowerCase(),
          Name: (p) => p.fields.name.toLowerCase(),
          CreateDate: (p) => p.createdAt,
          ModifyDate: (p) => p.modifiedAt,
        },
        (p) => p.productId,
      );
      const page = pageOf(ordered, paging(req));
      res.json({
        products: page.items.map((product) => renderProduct(state, product)),
        total: page.total,
        page: page.page,
        pages: page.pages,
      });
    }),
  );

  const find = (req: Request, account: string): SimProduct | undefined => {
    const raw = String(req.params.productId);
    return /^\d+$/.test(raw) ? state.ownedOne(state.products, Number(raw), account) : undefined;
  };

  router.get(
    '/products/:productId',
    handle((req, res) => {
      const product = find(req, accountOf(res));
      if (!product) return notFound(res, `Product ${String(req.params.productId)} was not found.`);
      res.json(renderProduct(state, product));
    }),
  );

  router.put(
    '/products/:productId',
    handle((req, res) => {
      const account = accountOf(res);
      const product = find(req, account);
      if (!product) return notFound(res, `Product ${String(req.params.productId)} was not found.`);
      const validated = validateProductBody(req.body, product.fields.active);
      if (!validated.ok) {
        res.status(400).json(validated.error);
        return;
      }
      const { update } = validated;
      if (update.productId !== product.productId) {
        return invalid(res, 'product.productId', 'The productId does not match the URL.');
      }
      const unknownTag = (update.tagIds ?? []).find(
        (tagId) => !state.ownedOne(state.tags, tagId, account),
      );
      if (unknownTag !== undefined) {
        return invalid(res, 'product.tags', `Tag ${unknownTag} was not found.`);
      }
      product.fields = update.fields;
      product.tagIds = update.tagIds ?? [];
      product.modifiedAt = state.now();
      res.json({ success: true, message: 'The requested product has been updated' });
    }),
  );

  return router;
}

/** The GET /products filters; all given ones must match. `startDate`/`endDate` are createDate. */
function productFilter(req: Request, timeZone: string) {
  const f = {
    sku: param(req, 'sku')?.toLowerCase(),
    name: param(req, 'name')?.toLowerCase(),
    categoryId: intParam(req, 'productCategoryId'),
    typeId: intParam(req, 'productTypeId'),
    tagId: intParam(req, 'tagId'),
    start: dateParam(req, 'startDate', timeZone),
    end: dateParam(req, 'endDate', timeZone),
    showInactive: boolParam(req, 'showInactive') ?? false,
  };
  return (p: SimProduct): boolean =>
    (f.showInactive || p.fields.active) &&
    (!f.sku || p.fields.sku.toLowerCase() === f.sku) &&
    (!f.name || p.fields.name.toLowerCase().includes(f.name)) &&
    (f.categoryId === undefined || p.fields.productCategory?.categoryId === f.categoryId) &&
    (f.typeId === undefined || p.fields.productType?.productTypeId === f.typeId) &&
    (f.tagId === undefined || p.tagIds.includes(f.tagId)) &&
    inRange(p.createdAt, f.start, f.end);
}
