import { z } from 'zod';
import { CurrencyCodeSchema } from './amounts';
import { validationIssues, type ValidationIssue } from './issues';
import { AddressTypeSchema } from './service';
import { lengthUnitOf, toCm, toKg, weightUnitOf } from './units';

/**
 * A checkout cart as the rate engine reads it, whichever store sent it: metric units, a
 * decimal-string price per unit, one currency. `cartFromRateRequest` makes one from a
 * BigCommerce rate request.
 */
export const CartItemSchema = z
  .object({
    sku: z.string(),
    quantity: z.number().int().positive(),
    /** Per unit. */
    weightKg: z.number().nonnegative(),
    /** Per unit; 0 when the store has no dimensions. */
    lengthCm: z.number().nonnegative(),
    widthCm: z.number().nonnegative(),
    heightCm: z.number().nonnegative(),
    /** Per unit, after the store's item discounts ("12.50"). */
    priceEach: z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string'),
  })
  .strict();
export type CartItem = z.infer<typeof CartItemSchema>;

export const CartDestinationSchema = z
  .object({
    /** ISO 3166-1 alpha-2. */
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. "FI"'),
    /** As the customer typed it; zones normalize it (see `normalizePostcode`). */
    postcode: z.string(),
    city: z.string().optional(),
    addressType: AddressTypeSchema,
  })
  .strict();
export type CartDestination = z.infer<typeof CartDestinationSchema>;

export const CartSchema = z
  .object({
    currency: CurrencyCodeSchema,
    destination: CartDestinationSchema,
    items: z.array(CartItemSchema).min(1, 'a cart has at least one item'),
    /** The storefront checking out (BigCommerce channel id), where the request says. */
    channel: z.string().optional(),
  })
  .strict();
export type Cart = z.infer<typeof CartSchema>;

/**
 * BigCommerce's rate request (`POST /rate`, RateRequestPayload), read leniently: amounts as
 * numbers or strings, weights in g, kg, oz or lb and lengths in cm, mm or in (any case),
 * address types in any case (RESIDENTIAL when missing), dimensions and weight 0 when missing,
 * the body with or without its `base_options` envelope. Unknown fields are ignored.
 */
const DECIMAL = /^\d+(\.\d+)?$/;

/** A JSON number as a decimal string, without float noise ("0.30000000000000004" → "0.3"). */
const decimalOf = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/\.?0+$/, '');

/** A number, or a string of one, checked by `accept`; `message` for anything else. */
const numeric = <T>(message: string, accept: (value: number, text: string) => T | undefined) =>
  z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const text = typeof value === 'string' ? value.trim() : decimalOf(value);
    const accepted = DECIMAL.test(text) ? accept(Number(text), text) : undefined;
    if (accepted !== undefined) return accepted;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

const number = (what: string) =>
  numeric(`${what} must be a non-negative number`, (value) =>
    Number.isFinite(value) ? value : undefined,
  );

const amount = numeric(
  'amount must be a non-negative amount, e.g. 12.50 or "12.50"',
  (_value, text) => text,
);

const measure = <U>(
  what: string,
  unitOf: (units: string) => U | undefined,
  convert: (value: number, unit: U) => number,
) =>
  z
    .object({ units: z.string({ error: `${what} needs units` }), value: number(what) })
    .loose()
    .transform((measured, ctx) => {
      const unit = unitOf(measured.units);
      if (unit !== undefined) return convert(measured.value, unit);
      ctx.addIssue({
        code: 'custom',
        path: ['units'],
        message: `unknown ${what} unit "${measured.units}"`,
      });
      return z.NEVER;
    })
    .nullish()
    .transform((value) => value ?? 0);

const length = measure('length', lengthUnitOf, toCm);
const money = z.object({ currency: z.string().nullish(), amount }).loose();

const RateRequestItemSchema = z
  .object({
    sku: z.string().nullish(),
    variant_id: z.union([z.string(), z.number()]).nullish(),
    product_id: z.union([z.string(), z.number()]).nullish(),
    length,
    width: length,
    height: length,
    weight: measure('weight', weightUnitOf, toKg),
    discounted_price: money.nullish(),
    declared_value: money.nullish(),
    quantity: numeric('quantity must be a whole number of at least 1', (value) =>
      Number.isSafeInteger(value) && value >= 1 ? value : undefined,
    ).nullish(),
  })
  .loose();

const RateRequestBaseSchema = z
  .object({
    destination: z
      .object({
        zip: z.union([z.string(), z.number().transform(String)]).nullish(),
        country_iso2: z
          .string({ error: 'the destination needs country_iso2' })
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, 'country_iso2 must be a two-letter country code, e.g. "FI"'),
        city: z.string().nullish(),
        address_type: z.string().nullish(),
      })
      .loose(),
    items: z.array(RateRequestItemSchema).min(1, 'the request has no items'),
    store_id: z.union([z.string(), z.number()]).nullish(),
    currency: z.string().nullish(),
    request_context: z
      .object({
        reference_values: z
          .array(z.object({ name: z.unknown(), value: z.unknown() }).loose())
          .nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

/** The storefront a request names (`request_context` › `channel_id`), as a channel id. */
function channelOf(request: z.infer<typeof RateRequestBaseSchema>): string | undefined {
  const entry = request.request_context?.reference_values?.find(
    (reference) => reference.name === 'channel_id',
  );
  const value = typeof entry?.value === 'number' ? String(entry.value) : entry?.value;
  return typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? value.trim() : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The base options and the path prefix of issues in them. */
function baseOf(body: unknown): { base: unknown; prefix: string } {
  return isRecord(body) && isRecord(body.base_options)
    ? { base: body.base_options, prefix: 'base_options' }
    : { base: body, prefix: '' };
}

/** The store a rate request is for, so its rule set can be loaded before the cart is read. */
export function rateRequestStoreId(body: unknown): string | undefined {
  const { base } = baseOf(body);
  const id = isRecord(base) ? base.store_id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export type RateRequestCart =
  { ok: true; cart: Cart; storeId: string | undefined } | { ok: false; issues: ValidationIssue[] };

export function cartFromRateRequest(
  body: unknown,
  options: { defaultCurrency: string },
): RateRequestCart {
  const { base, prefix } = baseOf(body);
  const at = (path: string) => [prefix, path].filter(Boolean).join('.');
  const parsed = RateRequestBaseSchema.safeParse(base);
  if (!parsed.success) {
    return {
      ok: false,
      issues: validationIssues(parsed.error).map((issue) => ({ ...issue, path: at(issue.path) })),
    };
  }
  const request = parsed.data;
  const prices = request.items.map((item) => item.discounted_price ?? item.declared_value);
  const named = [request.currency, ...prices.map((price) => price?.currency)].flatMap((currency) =>
    currency ? [currency.trim().toUpperCase()] : [],
  );
  const currencies = [...new Set(named)].sort();
  if (currencies.length > 1) {
    return {
      ok: false,
      issues: [
        { path: at('items'), message: `the request mixes currencies: ${currencies.join(', ')}` },
      ],
    };
  }
  const addressType = request.destination.address_type?.trim().toLowerCase();
  const channel = channelOf(request);
  const cart = CartSchema.safeParse({
    ...(channel ? { channel } : {}),
    currency: currencies[0] ?? options.defaultCurrency,
    destination: {
      country: request.destination.country_iso2,
      postcode: request.destination.zip?.trim() ?? '',
      ...(request.destination.city ? { city: request.destination.city } : {}),
      addressType: addressType === 'commercial' ? 'commercial' : 'residential',
    },
    items: request.items.map((item, i) => ({
      sku: item.sku ?? String(item.variant_id ?? item.product_id ?? `item-${i + 1}`),
      quantity: item.quantity ?? 1,
      weightKg: item.weight,
      lengthCm: item.length,
      widthCm: item.width,
      heightCm: item.height,
      priceEach: prices[i]?.amount ?? '0',
    })),
  });
  if (!cart.success) {
    return {
      ok: false,
      issues: validationIssues(cart.error).map((issue) => ({ ...issue, path: at(issue.path) })),
    };
  }
  const storeId =
    request.store_id === null || request.store_id === undefined
      ? undefined
      : String(request.store_id);
  return { ok: true, cart: cart.data, storeId };
}
