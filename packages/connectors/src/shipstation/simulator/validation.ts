import { z } from 'zod';
import { parseShipStationDateTime } from '../dates';
import { SHIPSTATION_ORDER_STATUSES } from '../schemas';

/*
 * What the simulator's `POST /orders/createorder` accepts. ShipStation documents orderNumber
 * (≤ 50), orderDate, orderStatus, billTo and shipTo as required and items[].name as required;
 * the address rules below are the simulator's own, stricter than ShipStation's UI (which lets a
 * person fix an address later) because an order that cannot get a label is a mapping bug:
 * - shipTo: name, street1, city and country (two letters) are required; postalCode too, except
 *   for countries without postcodes (NO_POSTCODE below);
 * - items[]: name required, quantity a whole number ≥ 1, weight units pounds|ounces|grams;
 * - dates: ShipStation style (`2015-06-29T08:46:27.0000000`, account time) or ISO with an offset;
 * - holdUntilDate: a calendar date (`2024-12-01`; a time part is ignored), for on_hold orders;
 * - amounts are JSON numbers, tagIds and advancedOptions.warehouseId whole numbers (that they
 *   name the account's tags and warehouses is checked by the route, which knows the account).
 * Errors answer 400 in ASP.NET's shape: {"Message": "The request is invalid.", "ModelState": {...}}.
 */

const required = (field: string) => `The ${field} field is required.`;

/** Countries where addresses have no postal code (ISO 3166-1 alpha-2). */
const NO_POSTCODE = new Set([
  'AE',
  'AG',
  'AO',
  'BS',
  'BZ',
  'FJ',
  'GH',
  'HK',
  'IE',
  'JM',
  'MO',
  'QA',
]);

const text = z.string().nullish();
const amount = z.number().nullish();
const date = z
  .string()
  .refine(
    (value) => parseShipStationDateTime(value) !== undefined,
    'The value is not a valid date.',
  );
/** `YYYY-MM-DD`, the part ShipStation keeps of whatever it was sent. */
export const calendarDate = z
  .string()
  .refine(
    (value) =>
      /^\d{4}-\d{2}-\d{2}/.test(value) &&
      parseShipStationDateTime(value.slice(0, 10)) !== undefined,
    'The value is not a valid date.',
  )
  .transform((value) => value.slice(0, 10));

export const SimWeightSchema = z
  .object({ value: z.number().nonnegative(), units: z.enum(['pounds', 'ounces', 'grams']) })
  .loose();
export type SimWeight = z.infer<typeof SimWeightSchema>;

const AddressInputSchema = z
  .object({
    name: text,
    company: text,
    street1: text,
    street2: text,
    street3: text,
    city: text,
    state: text,
    postalCode: text,
    country: text,
    phone: text,
    residential: z.boolean().nullish(),
  })
  .loose();
export type SimAddressInput = z.infer<typeof AddressInputSchema>;

const ShipToInputSchema = AddressInputSchema.superRefine((shipTo, ctx) => {
  for (const field of ['name', 'street1', 'city', 'country'] as const) {
    if (!shipTo[field]?.trim())
      ctx.addIssue({ code: 'custom', path: [field], message: required(field) });
  }
  const country = shipTo.country?.trim().toUpperCase() ?? '';
  if (country && !/^[A-Z]{2}$/.test(country)) {
    ctx.addIssue({
      code: 'custom',
      path: ['country'],
      message: 'The country must be a two-letter ISO code.',
    });
  }
  if (country && !NO_POSTCODE.has(country) && !shipTo.postalCode?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['postalCode'], message: required('postalCode') });
  }
});

const ItemInputSchema = z
  .object({
    lineItemKey: text,
    sku: text,
    name: z.string().min(1, 'The name field is required.'),
    imageUrl: text,
    weight: SimWeightSchema.nullish(),
    quantity: z.number().int().min(1),
    unitPrice: amount,
    taxAmount: amount,
    shippingAmount: amount,
    warehouseLocation: text,
    options: z.array(z.object({ name: z.string(), value: text }).loose()).nullish(),
    productId: z.number().int().nullish(),
    fulfillmentSku: text,
    adjustment: z.boolean().nullish(),
    upc: text,
  })
  .loose();
export type SimItemInput = z.infer<typeof ItemInputSchema>;

const OrderInputSchema = z
  .object({
    orderNumber: z.string().min(1).max(50),
    orderKey: z.string().min(1).max(255).nullish(),
    orderDate: date,
    paymentDate: date.nullish(),
    shipByDate: date.nullish(),
    orderStatus: z.enum(SHIPSTATION_ORDER_STATUSES),
    customerId: z.number().int().nullish(),
    customerUsername: text,
    customerEmail: text,
    billTo: AddressInputSchema,
    shipTo: ShipToInputSchema,
    items: z.array(ItemInputSchema).nullish(),
    amountPaid: amount,
    taxAmount: amount,
    shippingAmount: amount,
    customerNotes: text,
    internalNotes: text,
    gift: z.boolean().nullish(),
    giftMessage: text,
    paymentMethod: text,
    requestedShippingService: text,
    carrierCode: text,
    serviceCode: text,
    packageCode: text,
    confirmation: text,
    shipDate: text,
    holdUntilDate: calendarDate.nullish(),
    weight: SimWeightSchema.nullish(),
    dimensions: z.record(z.string(), z.unknown()).nullish(),
    insuranceOptions: z.record(z.string(), z.unknown()).nullish(),
    internationalOptions: z.record(z.string(), z.unknown()).nullish(),
    advancedOptions: z
      .object({
        warehouseId: z.number().int().nullish(),
        storeId: z.number().int().nullish(),
        customField1: text,
        customField2: text,
        customField3: text,
        source: text,
      })
      .loose()
      .nullish(),
    tagIds: z.array(z.number().int()).nullish(),
  })
  .loose();
export type SimOrderInput = z.infer<typeof OrderInputSchema>;

export interface AspNetError {
  Message: string;
  ModelState?: Record<string, string[]>;
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let current = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function modelKey(root: string, path: PropertyKey[]): string {
  return path.reduce<string>(
    (key, part) => (typeof part === 'number' ? `${key}[${part}]` : `${key}.${String(part)}`),
    root,
  );
}

/** zod issues as ASP.NET's ModelState: `root.field[0].name` → messages in its wording. */
export function modelStateOf(
  body: unknown,
  issues: z.core.$ZodIssue[],
  root: string,
): Record<string, string[]> {
  const modelState: Record<string, string[]> = {};
  for (const issue of issues) {
    const value = valueAt(body, issue.path);
    const field = String(issue.path[issue.path.length - 1] ?? root);
    let message = issue.message;
    if (issue.code !== 'custom' && (value === undefined || value === null || value === '')) {
      message = required(field);
    } else if (issue.code === 'invalid_value' || issue.code === 'invalid_type') {
      message = `The value '${String(value)}' is not valid for ${field}.`;
    }
    (modelState[modelKey(root, issue.path)] ??= []).push(message);
  }
  return modelState;
}

export function validateOrderInput(
  body: unknown,
): { ok: true; order: SimOrderInput } | { ok: false; error: AspNetError } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      error: {
        Message: 'The request is invalid.',
        ModelState: { apiOrder: [required('apiOrder')] },
      },
    };
  }
  const parsed = OrderInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, order: parsed.data };
  return {
    ok: false,
    error: {
      Message: 'The request is invalid.',
      ModelState: modelStateOf(body, parsed.error.issues, 'apiOrder'),
    },
  };
}
