import { Router } from 'express';
import { z } from 'zod';
import { newStore, newWarehouse, tagColor } from './catalog';
import { bad, controlAccount } from './control-view';
import { renderProduct, renderStore, renderTag, renderWarehouse } from './render-catalog';
import type { ShipStationState } from './state';

const apiKey = z.string().min(1).optional();
const AddressSchema = z
  .object({
    name: z.string().min(1),
    company: z.string().nullish(),
    street1: z.string().min(1),
    street2: z.string().nullish(),
    city: z.string().min(1),
    state: z.string().nullish(),
    postalCode: z.string().nullish(),
    country: z.string().length(2),
    phone: z.string().nullish(),
    residential: z.boolean().nullish(),
  })
  .strict();
const TagSchema = z
  .object({
    name: z.string().trim().min(1),
    color: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/)
      .optional(),
    apiKey,
  })
  .strict();
const WarehouseSchema = z
  .object({
    warehouseName: z.string().trim().min(1),
    isDefault: z.boolean().optional(),
    originAddress: AddressSchema.optional(),
    returnAddress: AddressSchema.optional(),
    apiKey,
  })
  .strict();
const StoreSchema = z
  .object({
    storeName: z.string().trim().min(1),
    marketplaceId: z.number().int().nonnegative().optional(),
    marketplaceName: z.string().min(1).optional(),
    active: z.boolean().optional(),
    apiKey,
  })
  .strict();

/** What a person sets up in ShipStation's settings: tags, ship-from warehouses, stores. */
export function controlCatalogRouter(state: ShipStationState): Router {
  const router = Router();

  router.post('/tags', (req, res) => {
    const parsed = TagSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error.issues);
    const account = controlAccount(state, parsed.data.apiKey, res);
    if (!account) return;
    const name = parsed.data.name;
    const known = state
      .owned(state.tags, account)
      .find((tag) => tag.name.toLowerCase() === name.toLowerCase());
    if (known) return void res.status(200).json(renderTag(known));
    const tagId = state.next('tag');
    const tag = { tagId, account, name, color: parsed.data.color ?? tagColor(tagId) };
    state.tags.set(tagId, tag);
    res.status(201).json(renderTag(tag));
  });

  router.post('/warehouses', (req, res) => {
    const parsed = WarehouseSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error.issues);
    const account = controlAccount(state, parsed.data.apiKey, res);
    if (!account) return;
    const { warehouseName, isDefault = false, originAddress, returnAddress } = parsed.data;
    if (isDefault) {
      for (const other of state.owned(state.warehouses, account)) other.isDefault = false;
    }
    const warehouse = newWarehouse(state.next('warehouse'), account, state.now(), {
      name: warehouseName,
      isDefault,
      ...(originAddress ? { originAddress } : {}),
      ...(returnAddress ? { returnAddress } : {}),
    });
    state.warehouses.set(warehouse.warehouseId, warehouse);
    res.status(201).json(renderWarehouse(state, warehouse));
  });

  router.post('/stores', (req, res) => {
    const parsed = StoreSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error.issues);
    const account = controlAccount(state, parsed.data.apiKey, res);
    if (!account) return;
    const { storeName, marketplaceId = 0, marketplaceName = 'ShipStation', active } = parsed.data;
    const store = newStore(state.next('store'), account, state.now(), {
      name: storeName,
      marketplaceId,
      marketplaceName,
      ...(active === undefined ? {} : { active }),
    });
    state.stores.set(store.storeId, store);
    res.status(201).json(renderStore(state, store));
  });

  router.get('/products', (req, res) => {
    const only = typeof req.query.apiKey === 'string' ? req.query.apiKey : undefined;
    const products = [...state.products.values()].filter(
      (product) => only === undefined || product.account === only,
    );
    res.json(
      products.map((product) => ({
        ...renderProduct(state, product),
        simulator: { apiKey: product.account },
      })),
    );
  });

  return router;
}
