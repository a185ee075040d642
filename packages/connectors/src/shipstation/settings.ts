import { z } from 'zod';
import { CustomFieldMappingSchema } from './custom-fields';

/** Per-connection options, stored as JSON and parsed at every use. */
export const ShipStationSettingsSchema = z
  .object({
    /** Which store values become ShipStation custom fields, notes or tags. */
    customFields: CustomFieldMappingSchema.default([]),
    /** The ShipStation store (advancedOptions.storeId) orders are filed under. */
    storeId: z.number().int().positive().optional(),
  })
  .strict();
export type ShipStationSettings = z.infer<typeof ShipStationSettingsSchema>;
