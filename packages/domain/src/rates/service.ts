import { z } from 'zod';
import { CurrencyCodeSchema, PriceSchema } from './amounts';
import { BAND_SERVICE_KINDS, postiProduct } from './posti';

/**
 * What a zone sells: a Posti product with its names, delivery promise, parcel limits and prices
 * per currency, either by weight band per parcel or one flat rate per shipment.
 */

/** Most parcels one checkout shipment is planned with, whatever a service allows. */
export const MAX_PARCELS = 99;
/** What BigCommerce accepts for a quote's code, display name and description. */
export const CODE_MAX = 50;
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 500;

const localized = (what: string, max: number) => {
  const text = z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} may not be empty (leave the language out instead)`)
    .max(max, `${what} may be at most ${max} characters`);
  return z
    .object({
      en: z
        .string({
          error: (issue) =>
            issue.input === undefined
              ? `an English ${what} is required: it is shown for every language without one`
              : `${what} must be text`,
        })
        .trim()
        .min(1, `the English ${what} may not be empty`)
        .max(max, `${what} may be at most ${max} characters`),
      fi: text.optional(),
      sv: text.optional(),
    })
    .strict();
};

/** A text per language; `en` is required and stands in for any language not given. */
export const LocalizedNameSchema = localized('name', NAME_MAX);
export type LocalizedText = z.infer<typeof LocalizedNameSchema>;
export const LOCALES = ['en', 'fi', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

const positive = (what: string) =>
  z.number({ error: `${what} must be a number` }).positive(`${what} must be more than 0`);

/** A price up to a parcel weight (inclusive); `upToKg: null` has no upper bound. */
export const WeightBandSchema = z
  .object({
    upToKg: positive('upToKg').nullable(),
    price: PriceSchema,
  })
  .strict();
export type WeightBand = z.infer<typeof WeightBandSchema>;

/** Added to each parcel that meets every condition given (at or above each minimum). */
export const SurchargeSchema = z
  .object({
    when: z
      .object({
        minLongestSideCm: positive('minLongestSideCm').optional(),
        minVolumeLitres: positive('minVolumeLitres').optional(),
        minWeightKg: positive('minWeightKg').optional(),
      })
      .strict()
      .refine((when) => Object.values(when).some((value) => value !== undefined), {
        message: 'a surcharge needs a condition: minLongestSideCm, minVolumeLitres or minWeightKg',
      }),
    add: PriceSchema,
    /** What the breakdown calls it ("Large parcel"). */
    label: z.string().trim().min(1).max(NAME_MAX).optional(),
  })
  .strict();
export type Surcharge = z.infer<typeof SurchargeSchema>;

/** Weight-band prices in one currency. */
export const BandPricingSchema = z
  .object({
    bands: z
      .array(WeightBandSchema)
      .min(1, 'a price needs at least one weight band')
      .superRefine((bands, ctx) => {
        bands.forEach((band, i) => {
          const previous = bands[i - 1];
          if (band.upToKg === null && i < bands.length - 1) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'upToKg'],
              message: 'only the last band may be open-ended (upToKg: null)',
            });
          }
          if (previous?.upToKg != null && band.upToKg !== null && band.upToKg <= previous.upToKg) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'upToKg'],
              message: `bands go up by weight: ${band.upToKg} kg comes after ${previous.upToKg} kg`,
            });
          }
        });
      }),
    /** Added for each parcel after the first, on top of each parcel's own band price. */
    perExtraParcel: PriceSchema.optional(),
    surcharges: z.array(SurchargeSchema).default([]),
  })
  .strict();
export type BandPricing = z.infer<typeof BandPricingSchema>;

/** A fixed price for the whole shipment in one currency, however many parcels it takes. */
export const FlatPricingSchema = z.object({ flat: PriceSchema }).strict();
export type FlatPricing = z.infer<typeof FlatPricingSchema>;

/** Prices by currency: a currency left out is not sold in (nothing is converted). */
const byCurrency = <T extends z.ZodType>(pricing: T) =>
  z.record(CurrencyCodeSchema, pricing).refine((prices) => Object.keys(prices).length > 0, {
    message: 'price the service in at least one currency',
  });

/** A threshold on the order subtotal (item prices as the store sends them), in one currency. */
export const FreeAboveSchema = z
  .object({ currency: CurrencyCodeSchema, amount: PriceSchema })
  .strict();
export type FreeAbove = z.infer<typeof FreeAboveSchema>;

/**
 * What one parcel of the service may be. Girth is twice the sum of the two shorter sides;
 * `maxLengthPlusGirthCm` is the longest side plus that, as Posti states most of its limits.
 */
export const ServiceLimitsSchema = z
  .object({
    maxWeightKg: positive('maxWeightKg'),
    /** The longest side. */
    maxLengthCm: positive('maxLengthCm'),
    maxGirthCm: positive('maxGirthCm').optional(),
    maxLengthPlusGirthCm: positive('maxLengthPlusGirthCm').optional(),
    /** Parcels one shipment may have; at most MAX_PARCELS when left out. */
    maxParcels: z
      .number()
      .int('maxParcels must be a whole number')
      .min(1, 'maxParcels must be at least 1')
      .max(MAX_PARCELS, `maxParcels may be at most ${MAX_PARCELS}`)
      .optional(),
  })
  .strict();
export type ServiceLimits = z.infer<typeof ServiceLimitsSchema>;

export const ADDRESS_TYPES = ['residential', 'commercial'] as const;
export const AddressTypeSchema = z.enum(ADDRESS_TYPES);
export type AddressType = z.infer<typeof AddressTypeSchema>;

const serviceFields = {
  /** The quote's code at checkout, unique within its zone ("posti-home"). */
  code: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'a service code is letters, digits, ".", "_" or "-", e.g. "posti-home"',
    )
    .max(CODE_MAX, `a service code may be at most ${CODE_MAX} characters`),
  /** The Posti product the shipment is created with ("2104"). */
  product: z.string().regex(/^\d{4,5}$/, 'must be a Posti product code, e.g. "2104"'),
  names: LocalizedNameSchema,
  /** The delivery promise shown under the name ("Delivered to your door in 1–3 days"). */
  promise: localized('promise', DESCRIPTION_MAX).optional(),
  transit: z
    .object({
      minDays: z.number().int('minDays must be a whole number').min(0).max(90),
      maxDays: z.number().int('maxDays must be a whole number').min(1).max(90),
      units: z.enum(['BUSINESS_DAYS', 'DAYS']).default('BUSINESS_DAYS'),
    })
    .strict()
    .refine((t) => t.minDays <= t.maxDays, {
      message: 'minDays may not be more than maxDays',
      path: ['maxDays'],
    }),
  limits: ServiceLimitsSchema,
  /** Free when the subtotal is at or above the threshold in the cart's currency. */
  freeAbove: z
    .union([FreeAboveSchema, z.array(FreeAboveSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .refine((list) => new Set(list.map((t) => t.currency)).size === list.length, {
      message: 'one free-above threshold per currency',
    })
    .optional(),
  /** Offered to these address types only; both when left out. */
  addressTypes: z
    .array(AddressTypeSchema)
    .min(1)
    .default([...ADDRESS_TYPES]),
};

/** A service priced by weight band, per parcel. */
export const BandServiceSchema = z
  .object({
    ...serviceFields,
    kind: z.enum(BAND_SERVICE_KINDS),
    pricing: byCurrency(BandPricingSchema),
  })
  .strict()
  .superRefine((service, ctx) => {
    const product = postiProduct(service.product);
    if (product && product.kind !== service.kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `product ${service.product} is ${product.name} (${product.kind}), not ${service.kind}`,
      });
    }
    for (const [currency, pricing] of Object.entries(service.pricing)) {
      const top = pricing.bands.at(-1)?.upToKg;
      if (top != null && top < service.limits.maxWeightKg) {
        ctx.addIssue({
          code: 'custom',
          path: ['pricing', currency, 'bands'],
          message: `the ${currency} bands end at ${top} kg but parcels may weigh up to ${service.limits.maxWeightKg} kg (limits.maxWeightKg): add a band or lower the limit`,
        });
      }
    }
  });
export type BandService = z.infer<typeof BandServiceSchema>;

/**
 * A flat rate: a fixed price per shipment in its zone. A zone with a flat service quotes its
 * flat services only, so the merchant can switch a region to flat rates and back without
 * losing its band prices (see `explainQuote`'s `replaced_by_flat`).
 */
export const FlatServiceSchema = z
  .object({ ...serviceFields, kind: z.literal('flat'), pricing: byCurrency(FlatPricingSchema) })
  .strict();
export type FlatService = z.infer<typeof FlatServiceSchema>;

export const RateServiceSchema = z.discriminatedUnion('kind', [
  BandServiceSchema,
  FlatServiceSchema,
]);
export type RateService = z.infer<typeof RateServiceSchema>;
