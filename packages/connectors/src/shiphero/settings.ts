import { z } from 'zod';

/** ShipHero's fulfilment statuses are free-form strings; these are its documented ones. */
export const DEFAULT_STATUS_MAP = {
  pending: 'open',
  unfulfilled: 'open',
  partially_fulfilled: 'open',
  backorder: 'on_hold',
  'on hold': 'on_hold',
  fulfilled: 'shipped',
  canceled: 'cancelled',
  cancelled: 'cancelled',
} as const;

const FulfilmentStatusSchema = z.enum(['open', 'on_hold', 'shipped', 'cancelled']);

/** Per-connection options, stored as JSON and parsed at every use. */
export const ShipHeroSettingsSchema = z
  .object({
    /** The store's name in ShipHero (`shop_name` on orders and webhooks). */
    shopName: z.string().min(1).max(100).default('BigCommerce'),
    /**
     * ShipHero warehouse id → the store's inventory location id: whose stock feeds which store
     * location. Warehouses not listed feed no location.
     */
    warehouseLocations: z.record(z.string().max(200), z.string().max(200)).default({}),
    /**
     * The account's own fulfilment statuses (ShipHero lets accounts add them), in canonical
     * terms; merged over the documented defaults.
     */
    statusMap: z.record(z.string().max(100), FulfilmentStatusSchema).default({}),
  })
  .strict();
export type ShipHeroSettings = z.infer<typeof ShipHeroSettingsSchema>;

/** A ShipHero status word in canonical terms: the account's map, then the defaults, else open. */
export function fulfilmentStatusOf(
  settings: Pick<ShipHeroSettings, 'statusMap'>,
  rawStatus: string,
): z.infer<typeof FulfilmentStatusSchema> {
  const word = rawStatus.trim().toLowerCase();
  const own = Object.entries(settings.statusMap).find(([key]) => key.trim().toLowerCase() === word);
  if (own) return own[1];
  return (
    (DEFAULT_STATUS_MAP as Record<string, z.infer<typeof FulfilmentStatusSchema>>)[word] ?? 'open'
  );
}
