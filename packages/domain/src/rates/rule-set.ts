import { z } from 'zod';
import { CurrencyCodeSchema } from './amounts';
import { validationIssues, type ValidationIssue } from './issues';
import { CODE_MAX, NAME_MAX, RateServiceSchema } from './service';

/**
 * A store's checkout rate rules: where it delivers (zones), what it sells in each zone
 * (services, each one Posti product) and at what price. Validated when saved, so that the
 * checkout callback never meets a rule it cannot apply. Prices are pre-tax shipping costs: tax
 * and promotions stay the store's, and the only discount the rules know is free-above.
 */

const POSTCODE = /^[A-Z0-9]+$/;
const postcodeText = z
  .string()
  .regex(POSTCODE, 'postcodes are written in capitals and digits, without spaces, e.g. "22100"');

/**
 * Postcodes a zone is limited to: a postcode matches a prefix it starts with, or a range whose
 * bounds have its length and enclose it ("22000"–"22999"). Postcodes are compared without
 * spaces, dashes or the country prefix ("AX-22 100" is "22100").
 */
export const PostcodeRulesSchema = z
  .object({
    prefixes: z.array(postcodeText).default([]),
    ranges: z
      .array(
        z
          .object({ from: postcodeText, to: postcodeText })
          .strict()
          .refine((r) => r.from.length === r.to.length, {
            message: 'a range’s bounds have the same length, e.g. "22000" to "22999"',
            path: ['to'],
          })
          .refine((r) => r.from <= r.to, { message: 'a range goes up: from ≤ to', path: ['to'] }),
      )
      .default([]),
  })
  .strict()
  .refine((rules) => rules.prefixes.length + rules.ranges.length > 0, {
    message: 'give a prefix or a range, or leave postcodes out to cover whole countries',
  });
export type PostcodeRules = z.infer<typeof PostcodeRulesSchema>;

/** Where a set of services applies: countries, optionally narrowed to postcodes. */
export const RateZoneSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a zone id is lower-case letters, digits, "_" or "-"')
      .max(CODE_MAX),
    name: z.string().trim().min(1, 'a zone needs a name').max(NAME_MAX),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'countries are ISO 3166-1 alpha-2 codes, e.g. "FI"'))
      .min(1, 'a zone needs at least one country'),
    /** Left out: the whole of each country, except postcodes a more specific zone takes. */
    postcodes: PostcodeRulesSchema.optional(),
    /**
     * The storefronts (BigCommerce channel ids) the zone is for; left out, every storefront. A
     * zone for the checkout's storefront wins over one for all of them.
     */
    channels: z
      .array(z.string().regex(/^\d{1,10}$/, 'a storefront is a BigCommerce channel id, e.g. "1"'))
      .min(1, 'name a storefront, or leave channels out for every storefront')
      .optional(),
    /** In the order checkout lists them. Empty: the zone is delivered to by none. */
    services: z.array(RateServiceSchema),
  })
  .strict()
  .superRefine((zone, ctx) => {
    const seen = new Set<string>();
    zone.services.forEach((service, i) => {
      if (seen.has(service.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'code'],
          message: `service code ${service.code} is used twice in zone ${zone.id}`,
        });
      }
      seen.add(service.code);
    });
  });
export type RateZone = z.infer<typeof RateZoneSchema>;

/** How items become parcels, for every service. */
export const PackingRulesSchema = z
  .object({
    /** The box and filling, added to every parcel's weight (and counted against its limit). */
    tareKg: z.number().min(0, 'tareKg may not be negative').default(0),
  })
  .strict();

export const RateRuleSetSchema = z
  .object({
    /** The rule set's revision, raised on every save; quotes' rate ids change with it. */
    version: z.number().int('version must be a whole number').positive('version starts at 1'),
    storeId: z.string().trim().min(1, 'storeId is required'),
    /** The currency of a rate request that names none. */
    defaultCurrency: CurrencyCodeSchema,
    packing: PackingRulesSchema.default({ tareKg: 0 }),
    zones: z.array(RateZoneSchema),
  })
  .strict()
  .superRefine((ruleSet, ctx) => {
    const ids = new Set<string>();
    const wholeCountry = new Map<string, string>();
    ruleSet.zones.forEach((zone, i) => {
      if (ids.has(zone.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['zones', i, 'id'],
          message: `zone id ${zone.id} is used twice`,
        });
      }
      ids.add(zone.id);
      if (zone.postcodes) return;
      // Per storefront: a storefront's own zone may cover a country every storefront has too.
      for (const country of zone.countries) {
        for (const channel of zone.channels ?? ['every storefront']) {
          const key = `${country}|${channel}`;
          const other = wholeCountry.get(key);
          if (other !== undefined) {
            const where = zone.channels ? ` at storefront ${channel}` : '';
            ctx.addIssue({
              code: 'custom',
              path: ['zones', i, 'countries'],
              message: `${country} is covered whole${where} by zones ${other} and ${zone.id}; narrow one of them with postcodes`,
            });
          }
          wholeCountry.set(key, zone.id);
        }
      }
    });
  });
/** A rule set as saved (parsed: defaults filled in). */
export type RateRuleSet = z.infer<typeof RateRuleSetSchema>;
/** A rule set as written by the merchant or the admin API, before defaults. */
export type RateRuleSetInput = z.input<typeof RateRuleSetSchema>;

/** Validation for saving: the parsed rule set, or every problem with where it is. */
export function validateRateRuleSet(
  input: unknown,
): { ok: true; ruleSet: RateRuleSet } | { ok: false; issues: ValidationIssue[] } {
  const parsed = RateRuleSetSchema.safeParse(input);
  return parsed.success
    ? { ok: true, ruleSet: parsed.data }
    : { ok: false, issues: validationIssues(parsed.error) };
}
