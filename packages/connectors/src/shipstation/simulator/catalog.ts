import { blankProductFields } from './product-validation';
import type { SimProduct, SimStore, SimWarehouse } from './records';
import type { SimAddressInput, SimItemInput, SimWeight } from './validation';

/** The ship-from address of a new account's warehouse, until someone edits it. */
const SHIP_FROM: SimAddressInput = {
  name: 'Shipping Department',
  company: 'Shiplink Demo Goods',
  street1: '2600 NW Industrial St',
  street2: null,
  street3: null,
  city: 'Portland',
  state: 'OR',
  postalCode: '97210',
  country: 'US',
  phone: '503-555-0173',
  residential: false,
};

export function defaultWarehouse(warehouseId: number, account: string, now: number): SimWarehouse {
  return newWarehouse(warehouseId, account, now, { name: 'Ship From Location', isDefault: true });
}

export function newWarehouse(
  warehouseId: number,
  account: string,
  now: number,
  spec: {
    name: string;
    isDefault: boolean;
    originAddress?: SimAddressInput;
    returnAddress?: SimAddressInput;
  },
): SimWarehouse {
  const originAddress = spec.originAddress ?? SHIP_FROM;
  return {
    warehouseId,
    account,
    name: spec.name,
    originAddress,
    returnAddress: spec.returnAddress ?? originAddress,
    isDefault: spec.isDefault,
    createdAt: now,
  };
}

/** Every ShipStation account has a "Manual Orders" store (marketplace 0); labels need one. */
export function defaultStore(storeId: number, account: string, now: number): SimStore {
  return newStore(storeId, account, now, {
    name: 'Manual Orders',
    marketplaceId: 0,
    marketplaceName: 'ShipStation',
  });
}

export function newStore(
  storeId: number,
  account: string,
  now: number,
  spec: { name: string; marketplaceId: number; marketplaceName: string; active?: boolean },
): SimStore {
  return {
    storeId,
    account,
    name: spec.name,
    marketplaceId: spec.marketplaceId,
    marketplaceName: spec.marketplaceName,
    active: spec.active ?? true,
    createdAt: now,
    modifiedAt: now,
  };
}

const OUNCES_PER = { ounces: 1, pounds: 16, grams: 1 / 28.349523125 } as const;

export function ounces(weight: SimWeight): number {
  return weight.value * OUNCES_PER[weight.units];
}

/** The product ShipStation files for an SKU it first sees on an order item. */
export function itemProduct(
  productId: number,
  account: string,
  sku: string,
  item: SimItemInput,
  now: number,
): SimProduct {
  const fields = blankProductFields(sku, item.name);
  fields.weightOz = item.weight ? Math.round(ounces(item.weight) * 100) / 100 : null;
  fields.price = item.unitPrice ?? null;
  return { productId, account, fields, tagIds: [], createdAt: now, modifiedAt: now };
}

/** Tag colours ShipStation's tag picker offers, handed out in turn. */
const TAG_COLORS = ['#FF9900', '#1E88E5', '#43A047', '#E53935', '#8E24AA', '#00897B', '#6D4C41'];

export function tagColor(tagId: number): string {
  return TAG_COLORS[tagId % TAG_COLORS.length] ?? '#000000';
}
