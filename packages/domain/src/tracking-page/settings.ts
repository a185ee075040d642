import { z } from 'zod';

/** The languages the customer tracking page speaks. */
export const PAGE_LANGUAGES = ['en', 'fi', 'sv', 'de'] as const;
export const PageLanguageSchema = z.enum(PAGE_LANGUAGES);
export type PageLanguage = z.infer<typeof PageLanguageSchema>;

const hex = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
  .transform((value) => value.toLowerCase());
const https = z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(500);
/** A host name as browsers send it in `Host` (lower case, no port, no trailing dot). */
const host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'a host name such as track.example.com',
  );

/**
 * How a store's customer tracking page looks and where it is served. Part of the store's
 * settings (`trackingPage`); every field has a default, so a store without any gets a plain,
 * readable page under its slug.
 */
export const TrackingPageSettingsSchema = z
  .object({
    /** The page's path on the hub's shared host (`/s/<slug>`); the store's own ref when absent. */
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a slug is lower-case letters, digits and "-"')
      .optional(),
    /** The store's own host names for the page (a CNAME to the hub). */
    domains: z.array(host).max(10).default([]),
    brand: z
      .object({
        /** Shown in the header; the store's name when absent. */
        name: z.string().trim().min(1).max(100).optional(),
        logoUrl: https.optional(),
        primaryColor: hex.default('#1f3a5f'),
        accentColor: hex.default('#0b5cad'),
        supportEmail: z.email().max(254).optional(),
        supportPhone: z
          .string()
          .regex(/^\+?[\d\s()-]{5,30}$/, 'a phone number')
          .optional(),
        supportUrl: https.optional(),
      })
      .strict()
      .prefault({}),
    /** The page's language when neither the link, the customer nor the browser says. */
    defaultLanguage: PageLanguageSchema.default('en'),
    /** Whether the page lists the items of each parcel (order lookups only). */
    showItems: z.boolean().default(true),
  })
  .strict();
export type TrackingPageSettings = z.infer<typeof TrackingPageSettingsSchema>;

/** What a store looks like to its customers, on the tracking page and in its e-mails alike. */
export interface StoreBrand {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  supportEmail: string | null;
  supportPhone: string | null;
  supportUrl: string | null;
}

export function storeBrand(settings: TrackingPageSettings, storeName: string): StoreBrand {
  const { brand } = settings;
  return {
    name: brand.name ?? storeName,
    logoUrl: brand.logoUrl ?? null,
    primaryColor: brand.primaryColor,
    accentColor: brand.accentColor,
    supportEmail: brand.supportEmail ?? null,
    supportPhone: brand.supportPhone ?? null,
    supportUrl: brand.supportUrl ?? null,
  };
}
