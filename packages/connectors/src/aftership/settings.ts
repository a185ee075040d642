import { z } from 'zod';

/** AfterShip connections have no options of their own yet; stores configure tracking. */
export const AfterShipSettingsSchema = z.object({}).strict();
export type AfterShipSettings = z.infer<typeof AfterShipSettingsSchema>;
