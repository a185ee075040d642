import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import { CustomFieldMappingSchema } from './shipstation';

/** Per-connection options, stored as JSON and parsed at every use. */
export const BigCommerceSettingsSchema = z
  .object({
    /** The store's weight unit (Settings → Display in BigCommerce); weights are sent in grams. */
    weightUnit: z.enum(['lbs', 'oz', 'kg', 'g']).default('lbs'),
  })
  .strict();
export type BigCommerceSettings = z.infer<typeof BigCommerceSettingsSchema>;

export const ShipStationSettingsSchema = z
  .object({
    /** Which store values become ShipStation custom fields, notes or tags. */
    customFields: CustomFieldMappingSchema.default([]),
    /** The ShipStation store (advancedOptions.storeId) orders are filed under. */
    storeId: z.number().int().positive().optional(),
  })
  .strict();
export type ShipStationSettings = z.infer<typeof ShipStationSettingsSchema>;

export const AfterShipSettingsSchema = z.object({}).strict();

export const CONNECTION_SETTINGS = {
  bigcommerce: BigCommerceSettingsSchema,
  shipstation: ShipStationSettingsSchema,
  aftership: AfterShipSettingsSchema,
} as const;

/** Parses stored settings; a bad value is a configuration problem a person must fix. */
export function parseSettings<S extends z.ZodType>(schema: S, value: unknown, connectionId: string) {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new PermanentError(`connection ${connectionId} has invalid settings`, {
      reason: 'connection.bad_settings',
    });
  }
  return parsed.data as z.infer<S>;
}
