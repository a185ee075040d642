import express, { type Request, type Response, type Router } from 'express';
import { adjustInventory, type AdjustmentMethod } from './adjustments';
import type { CatalogEvents } from './catalog-events';
import { storeOf, v3Error } from './http';
import { renderLocation, renderStockItem } from './render-inventory';
import { inIds, inList, v3Page } from './v3-list';

/**
 * `/stores/{hash}/v3/inventory…`: locations, inventory items per location, and absolute and
 * relative adjustments (each firing `store/product|sku/inventory/updated` per level that moved),
 * after auth and quota like every other API route.
 */
const INVENTORY = '/stores/:hash/v3/inventory';
/** Both lists document "Limit of 1000 items for payload length". */
const MAX_LIMIT = 1_000;

export function inventoryRoutes(catalog: CatalogEvents): Router {
  const router = express.Router();

  router.get(`${INVENTORY}/locations`, (req, res) => {
    const { inventory } = storeOf(res);
    const ids = inIds(req, 'location_id:in');
    const codes = inList(req, 'location_code:in');
    const active = req.query.is_active === undefined ? undefined : req.query.is_active === 'true';
    const locations = [...inventory.locations.values()].filter(
      (location) =>
        (!ids || ids.has(location.id)) &&
        (!codes || codes.includes(location.code)) &&
        (active === undefined || location.enabled === active),
    );
    res.json(v3Page(req, locations, MAX_LIMIT, renderLocation));
  });

  router.get(`${INVENTORY}/items`, (req, res) => {
    const { inventory } = storeOf(res);
    const skus = inList(req, 'sku:in');
    const variantIds = inIds(req, 'variant_id:in');
    const productIds = inIds(req, 'product_id:in');
    const locationIds = inIds(req, 'location_id:in');
    const codes = inList(req, 'location_code:in');
    const locations =
      codes === undefined
        ? locationIds
        : new Set(
            [...inventory.locations.values()]
              .filter((location) => codes.includes(location.code))
              .filter((location) => !locationIds || locationIds.has(location.id))
              .map((location) => location.id),
          );
    const items = inventory.stockItems().filter(({ product, variant }) => {
      const sku = variant?.sku ?? product.sku;
      const variantId = variant?.id ?? product.base_variant_id;
      return (
        (!skus || skus.includes(sku)) &&
        (!variantIds || (variantId !== null && variantIds.has(variantId))) &&
        (!productIds || productIds.has(product.id))
      );
    });
    res.json(v3Page(req, items, MAX_LIMIT, (item) => renderStockItem(inventory, item, locations)));
  });

  const adjust = (method: AdjustmentMethod) => (req: Request, res: Response) => {
    const store = storeOf(res);
    const answer = adjustInventory(store.inventory, req.body, method);
    if (!answer.ok) return v3Error(res, 422, answer.title, answer.errors ?? {});
    catalog.stockChanged(store, answer.changes, method);
    res.json({ transaction_id: answer.transaction.transaction_id });
  };
  router.put(`${INVENTORY}/adjustments/absolute`, adjust('absolute'));
  router.post(`${INVENTORY}/adjustments/relative`, adjust('relative'));

  return router;
}
