import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AddressSchema, CustomFieldsDraftSchema, type Address } from './draft-schemas';
import { customFieldsFrom } from './custom-fields';
import { invalidInput } from './errors';
import { money } from './money';
import { OrderStateSchema, PaymentStateSchema, ShipmentStateSchema } from './order-action-schemas';
import type { ClientLogging, LineItem, Order, Shipping, ShippingInfo } from './records';
import type { ProjectData } from './state';

/**
 * Orders as a shop places them (the control API's compact draft): line items by SKU with a unit
 * price, one shipping address, and either one shipping method (`Single`) or several keyed ones
 * (`Multiple`), each serving the SKUs it lists (all lines when it lists none).
 */

const LineSchema = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  centAmount: z.number().int().nonnegative(),
  productKey: z.string().optional(),
  distributionChannelKey: z.string().optional(),
});

const ShippingEntrySchema = z.object({
  key: z.string().min(1),
  shippingMethodName: z.string().optional(),
  centAmount: z.number().int().nonnegative().optional(),
  address: AddressSchema.optional(),
  skus: z.array(z.string()).optional(),
});

/** The control API's compact order draft. */
export const OrderDraftSchema = z.object({
  orderNumber: z.string().min(1).optional(),
  customerEmail: z.string().min(1),
  storeKey: z.string().optional(),
  lines: z.array(LineSchema).min(1),
  shippingAddress: AddressSchema,
  billingAddress: AddressSchema.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  shippingMode: z.enum(['Single', 'Multiple']).default('Single'),
  shippingMethodName: z.string().default('Standard'),
  shippingCentAmount: z.number().int().nonnegative().default(495),
  shipping: z.array(ShippingEntrySchema).optional(),
  custom: CustomFieldsDraftSchema.optional(),
  orderState: OrderStateSchema.default('Open'),
  shipmentState: ShipmentStateSchema.optional(),
  paymentState: PaymentStateSchema.optional(),
  /** Imported orders emit OrderImported instead of OrderCreated. */
  imported: z.boolean().default(false),
});
/** A parsed compact order draft. */
export type OrderDraft = z.infer<typeof OrderDraftSchema>;

function shippingInfo(name: string, centAmount: number, currency: string): ShippingInfo {
  return {
    shippingMethodName: name,
    price: money(centAmount, currency),
    shippingRate: { price: money(centAmount, currency), tiers: [] },
    deliveries: [],
    shippingMethodState: 'MatchesCart',
  };
}

function lineItem(
  project: ProjectData,
  line: z.infer<typeof LineSchema>,
  currency: string,
  now: string,
): LineItem {
  return {
    id: randomUUID(),
    productId: project.idFor('product', line.sku),
    ...(line.productKey !== undefined ? { productKey: line.productKey } : {}),
    name: { en: line.name },
    productType: { typeId: 'product-type', id: project.idFor('product-type', 'default') },
    variant: { id: 1, sku: line.sku, prices: [], images: [], attributes: [], assets: [] },
    price: { id: randomUUID(), value: money(line.centAmount, currency) },
    quantity: line.quantity,
    totalPrice: money(line.centAmount * line.quantity, currency),
    discountedPricePerQuantity: [],
    taxedPricePortions: [],
    state: [
      {
        quantity: line.quantity,
        state: { typeId: 'state', id: project.idFor('state', 'Initial') },
      },
    ],
    perMethodTaxRate: [],
    priceMode: 'Platform',
    lineItemMode: 'Standard',
    ...(line.distributionChannelKey !== undefined
      ? {
          distributionChannel: {
            typeId: 'channel',
            id: project.idFor('channel', line.distributionChannelKey),
          },
        }
      : {}),
    addedAt: now,
    lastModifiedAt: now,
  };
}

/** Multiple mode: each entry's shipping, and the line items' shipping targets at its address. */
function multipleShipping(
  draft: OrderDraft,
  lines: LineItem[],
): { shipping: Shipping[]; addresses: Address[] } {
  const entries = draft.shipping ?? [];
  if (entries.length === 0)
    throw invalidInput("A 'Multiple' shipping mode order needs shipping entries.");
  const addresses: Address[] = [];
  const shipping = entries.map((entry): Shipping => {
    const address = { ...(entry.address ?? draft.shippingAddress), key: `${entry.key}-address` };
    addresses.push(address);
    for (const line of lines) {
      if (entry.skus && !entry.skus.includes(line.variant.sku)) continue;
      const targets = line.shippingDetails?.targets ?? [];
      if (targets.length > 0 && !entry.skus) continue;
      targets.push({
        addressKey: address.key,
        quantity: line.quantity,
        shippingMethodKey: entry.key,
      });
      line.shippingDetails = { targets, valid: true };
    }
    return {
      shippingKey: entry.key,
      shippingInfo: shippingInfo(
        entry.shippingMethodName ?? draft.shippingMethodName,
        entry.centAmount ?? draft.shippingCentAmount,
        draft.currency,
      ),
      shippingAddress: address,
    };
  });
  return { shipping, addresses };
}

/** A new Order (version 1) from the draft; its Custom Fields are checked against their Type. */
export function orderFromDraft(project: ProjectData, draft: OrderDraft, now: string): Order {
  if (draft.storeKey !== undefined && !project.stores.has(draft.storeKey)) {
    throw invalidInput(`The project has no store with key '${draft.storeKey}'.`);
  }
  if (draft.orderNumber !== undefined && project.orderByNumber(draft.orderNumber)) {
    throw invalidInput(`An order with orderNumber '${draft.orderNumber}' already exists.`);
  }
  const lines = draft.lines.map((line) => lineItem(project, line, draft.currency, now));
  const multiple = draft.shippingMode === 'Multiple' ? multipleShipping(draft, lines) : undefined;
  const single =
    draft.shippingMode === 'Single'
      ? shippingInfo(draft.shippingMethodName, draft.shippingCentAmount, draft.currency)
      : undefined;
  const shippingTotal = single
    ? single.price.centAmount
    : (multiple?.shipping ?? []).reduce(
        (sum, entry) => sum + entry.shippingInfo.price.centAmount,
        0,
      );
  const linesTotal = lines.reduce((sum, line) => sum + line.totalPrice.centAmount, 0);
  const by: ClientLogging = { isPlatformClient: false };
  return {
    id: randomUUID(),
    version: 1,
    createdAt: now,
    lastModifiedAt: now,
    lastModifiedBy: by,
    createdBy: by,
    ...(draft.orderNumber !== undefined ? { orderNumber: draft.orderNumber } : {}),
    customerEmail: draft.customerEmail,
    ...(draft.storeKey !== undefined ? { store: { typeId: 'store', key: draft.storeKey } } : {}),
    lineItems: lines,
    customLineItems: [],
    totalPrice: money(linesTotal + shippingTotal, draft.currency),
    taxMode: 'Platform',
    inventoryMode: 'None',
    taxRoundingMode: 'HalfEven',
    taxCalculationMode: 'LineItemLevel',
    origin: 'Customer',
    shippingMode: draft.shippingMode,
    shippingAddress: draft.shippingAddress,
    billingAddress: draft.billingAddress ?? draft.shippingAddress,
    ...(single ? { shippingInfo: single } : {}),
    shipping: multiple?.shipping ?? [],
    itemShippingAddresses: multiple?.addresses ?? [],
    discountCodes: [],
    directDiscounts: [],
    refusedGifts: [],
    orderState: draft.orderState,
    ...(draft.shipmentState ? { shipmentState: draft.shipmentState } : {}),
    ...(draft.paymentState ? { paymentState: draft.paymentState } : {}),
    syncInfo: [],
    returnInfo: [],
    ...(draft.custom ? { custom: customFieldsFrom(project, draft.custom, 'order') } : {}),
    ...(draft.imported ? { completedAt: now } : {}),
  };
}
