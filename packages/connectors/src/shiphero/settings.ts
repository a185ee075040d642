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
     * Who owns stock. `shiphero` (the default): ShipHero's available count of each SKU is the
     * truth, written to the store whenever it changes, and a change made in the store is
     * overwritten by the next one. `store`: the hub never writes stock.
     * `locations`: ShipHero warehouse id → the store's inventory location id, whose stock feeds
     * which location (several warehouses feeding one location add up). Warehouses not listed
     * feed `defaultLocation` (BigCommerce's default location is 1); null feeds only those listed.
     */
    stock: z
      .object({
        owner: z.enum(['shiphero', 'store']).default('shiphero'),
        locations: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).default({}),
        defaultLocation: z.string().min(1).max(200).nullable().default('1'),
      })
      .strict()
      .prefault({}),
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

/** The store location a ShipHero warehouse's stock feeds, if any. */
export function stockLocationOf(
  settings: Pick<ShipHeroSettings, 'stock'>,
  warehouseRef: string,
): string | undefined {
  return settings.stock.locations[warehouseRef] ?? settings.stock.defaultLocation ?? undefined;
}
