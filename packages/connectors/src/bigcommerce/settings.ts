import { z } from 'zod';

/** Per-connection options, stored as JSON and parsed at every use. */
export const BigCommerceSettingsSchema = z
  .object({
    /** The store's weight unit (Settings → Display in BigCommerce); weights are sent in grams. */
    weightUnit: z.enum(['lbs', 'oz', 'kg', 'g']).default('lbs'),
  })
  .strict();
export type BigCommerceSettings = z.infer<typeof BigCommerceSettingsSchema>;
