import type { SimProduct, SimStore, SimTag, SimWarehouse } from './records';
import { dateTime, renderAddress } from './render';
import type { ShipStationState } from './state';

/* Account set-up records → V1 JSON (tags, warehouses, stores, products). */

export function renderTag(tag: SimTag) {
  return { tagId: tag.tagId, name: tag.name, color: tag.color };
}

export function renderWarehouse(state: ShipStationState, warehouse: SimWarehouse) {
  return {
    warehouseId: warehouse.warehouseId,
    warehouseName: warehouse.name,
    originAddress: { ...renderAddress(warehouse.originAddress), addressVerified: null },
    returnAddress: { ...renderAddress(warehouse.returnAddress), addressVerified: null },
    createDate: dateTime(state, warehouse.createdAt),
    isDefault: warehouse.isDefault,
  };
}

export function renderStore(state: ShipStationState, store: SimStore) {
  return {
    storeId: store.storeId,
    storeName: store.name,
    marketplaceId: store.marketplaceId,
    marketplaceName: store.marketplaceName,
    accountName: null,
    email: null,
    integrationUrl: null,
    active: store.active,
    companyName: '',
    phone: '',
    publicEmail: '',
    website: '',
    refreshDate: dateTime(state, store.modifiedAt),
    lastRefreshAttempt: dateTime(state, store.modifiedAt),
    createDate: dateTime(state, store.createdAt),
    modifyDate: dateTime(state, store.modifiedAt),
    autoRefresh: false,
  };
}

export function renderProduct(state: ShipStationState, product: SimProduct) {
  const f = product.fields;
  const tags = product.tagIds.flatMap((tagId) => {
    const tag = state.tags.get(tagId);
    return tag ? [{ tagId, name: tag.name }] : [];
  });
  return {
    aliases: null,
    productId: product.productId,
    sku: f.sku,
    name: f.name,
    price: f.price,
    defaultCost: f.defaultCost,
    length: f.length,
    width: f.width,
    height: f.height,
    weightOz: f.weightOz,
    internalNotes: f.internalNotes,
    fulfillmentSku: f.fulfillmentSku,
    createDate: dateTime(state, product.createdAt),
    modifyDate: dateTime(state, product.modifiedAt),
    active: f.active,
    productCategory: f.productCategory,
    productType: f.productType,
    warehouseLocation: f.warehouseLocation,
    defaultCarrierCode: f.defaultCarrierCode,
    defaultServiceCode: f.defaultServiceCode,
    defaultPackageCode: f.defaultPackageCode,
    defaultIntlCarrierCode: f.defaultIntlCarrierCode,
    defaultIntlServiceCode: f.defaultIntlServiceCode,
    defaultIntlPackageCode: f.defaultIntlPackageCode,
    defaultConfirmation: f.defaultConfirmation,
    defaultIntlConfirmation: f.defaultIntlConfirmation,
    customsDescription: f.customsDescription,
    customsValue: f.customsValue,
    customsTariffNo: f.customsTariffNo,
    customsCountryCode: f.customsCountryCode,
    noCustoms: f.noCustoms,
    tags: tags.length ? tags : null,
  };
}
