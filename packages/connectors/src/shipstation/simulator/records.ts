import type { ShipStationOrderStatus } from '../schemas';
import type { ProductFields } from './product-validation';
import type { SimAddressInput, SimItemInput, SimOrderInput } from './validation';

/*
 * What a simulated ShipStation account holds, as plain records. Every record names the API key
 * that owns it: accounts never see each other's data.
 */

export interface SimItem {
  orderItemId: number;
  input: SimItemInput;
  /** The catalog product of the item's SKU (`input.productId` when the caller gave one). */
  productId: number | null;
  /** Units on live (not voided) outbound labels. */
  shipped: number;
  createdAt: number;
  modifiedAt: number;
}

export interface SimOrder {
  orderId: number;
  account: string;
  orderKey: string;
  input: SimOrderInput;
  status: ShipStationOrderStatus;
  items: SimItem[];
  /** Set by createorder, addtag and removetag; kept when a createorder body omits `tagIds`. */
  tagIds: number[];
  /** The ship-from warehouse (`advancedOptions.warehouseId`); the account default when unset. */
  warehouseId: number;
  /** `YYYY-MM-DD`; ShipStation releases an on_hold order on that day. */
  holdUntilDate: string | null;
  /** ShipStation style date-time; kept when a createorder body omits `shipByDate`. */
  shipByDate: string | null;
  createdAt: number;
  modifiedAt: number;
  deleted: boolean;
}

export interface SimShipment {
  shipmentId: number;
  orderId: number;
  account: string;
  /** The label-creation action; SHIP_NOTIFY's resource_url lists shipments by it. */
  batchId: number;
  batchNumber: string | null;
  createdAt: number;
  shipDate: string;
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  trackingNumber: string;
  cost: number;
  insuranceCost: number;
  /** A label for goods coming back: it ships nothing and changes no order. */
  isReturnLabel: boolean;
  warehouseId: number;
  items: { orderItemId: number; quantity: number }[];
  voided: boolean;
  voidedAt: number | null;
}

export interface SimWebhook {
  id: number;
  account: string;
  targetUrl: string;
  event: string;
  storeId: number | null;
  name: string;
}

export interface SimTag {
  tagId: number;
  account: string;
  name: string;
  color: string;
}

export interface SimWarehouse {
  warehouseId: number;
  account: string;
  name: string;
  originAddress: SimAddressInput;
  returnAddress: SimAddressInput;
  isDefault: boolean;
  createdAt: number;
}

export interface SimStore {
  storeId: number;
  account: string;
  name: string;
  marketplaceId: number;
  marketplaceName: string;
  active: boolean;
  createdAt: number;
  modifiedAt: number;
}

export interface SimProduct {
  productId: number;
  account: string;
  fields: ProductFields;
  /** Tag ids; names are rendered from the account's current tags. */
  tagIds: number[];
  createdAt: number;
  modifiedAt: number;
}

/** One import action (or rejection) an order webhook points at: `/orders?importBatch=<id>`. */
export interface SimImportBatch {
  id: string;
  account: string;
  orderIds: number[];
}
