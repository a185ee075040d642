import { z } from 'zod';
import {
  NotificationSettingsSchema,
  ReturnsPolicySchema,
  ShipmentStockPolicySchema,
  TrackingPageSettingsSchema,
  TrackingStatusSchema,
  type TrackingStatus,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';

/** The statuses that, by default, put a line in the order's staff notes for the merchant's team. */
export const DEFAULT_FLAGGED_TRACKING_STATUSES = [
  'exception',
  'attempt_failed',
  'return_to_sender',
  'returned',
  'failed',
] as const satisfies readonly TrackingStatus[];

/**
 * Store statuses set when the fulfilment system changes an order itself, unless overridden: a
 * cancellation, a hold or a partner's refusal needs a person (Manual Verification Required), and
 * an order sent back to awaiting payment shows as such.
 */
export const DEFAULT_FULFILMENT_STORE_STATUSES: Readonly<Record<string, number | null>> = {
  cancelled: 12,
  on_hold: 12,
  rejected_fulfillment: 12,
  awaiting_payment: 7,
};

/** The store status an order gets back when the warehouse releases an exception it showed. */
export const DEFAULT_RELEASED_STORE_STATUS = 11;

/**
 * The store status to set for a fulfilment order's status: the store's own choice for the
 * system's word, then for the canonical status, then the default; undefined or null: none.
 */
export function storeStatusForFulfilment(
  settings: StoreSettings,
  state: { status: string; rawStatus: string },
): number | null | undefined {
  const own = settings.fulfilment.storeStatuses;
  const word = Object.keys(own).find(
    (key) => key.trim().toLowerCase() === state.rawStatus.trim().toLowerCase(),
  );
  if (word !== undefined) return own[word];
  if (state.status in own) return own[state.status];
  const raw = state.rawStatus.trim().toLowerCase();
  if (Object.hasOwn(DEFAULT_FULFILMENT_STORE_STATUSES, raw)) {
    return DEFAULT_FULFILMENT_STORE_STATUSES[raw];
  }
  return DEFAULT_FULFILMENT_STORE_STATUSES[state.status];
}

/**
 * Per-store settings (the `stores.settings` column), every field with a default so that `{}` is a
 * complete configuration:
 * - `tracking.shareWithCarrierTracking`: which customer details go to AfterShip with a tracking,
 *   for its notifications and tracking page. E-mail and name by default; the phone number only
 *   when the merchant opts in (SMS costs money and needs consent).
 * - `tracking.writeback`: what the store order shows of the parcels' progress.
 *   `deliveredStatusId` (default 10, Completed) is set once every shipment of a fully shipped
 *   order is delivered (null: leave the status alone). `noteStatuses` each add one line to the
 *   order's staff notes per shipment and status, for the merchant's team.
 * - `fulfilment`: the status table between the store and its fulfilment system, both ways.
 *   `storeStatuses` is what the store order shows when the fulfilment system changes an order on
 *   its own (cancelled in the warehouse, put on hold, rejected): the store status id to set, keyed
 *   by the system's own status word (ShipHero's are free-form) or by the canonical one
 *   (`cancelled`, `on_hold`, `open`); null leaves the status alone. Merged over
 *   `DEFAULT_FULFILMENT_STORE_STATUSES`: a warehouse cancellation sets Manual Verification
 *   Required (12), not Cancelled, because the store stays the source of truth for what the
 *   customer is told. Every such change also adds one staff-note line. `releasedStatusId` is
 *   what the order gets back when the warehouse releases it, if the store still shows the status
 *   the hub set. `exportStatuses` is the other way: per store status id, the fulfilment system's
 *   own status word the order is exported with (null: not exported in that status), over the
 *   connector's defaults. A store status the hub set itself is never sent back.
 */
export const StoreSettingsSchema = z
  .object({
    fulfilment: z
      .object({
        storeStatuses: z
          .record(z.string().min(1).max(100), z.number().int().min(0).max(14).nullable())
          .default({}),
        releasedStatusId: z
          .number()
          .int()
          .min(0)
          .max(14)
          .nullable()
          .default(DEFAULT_RELEASED_STORE_STATUS),
        exportStatuses: z
          .record(
            z.string().regex(/^\d{1,3}$/, 'a store status id, e.g. "11"'),
            z.string().trim().min(1).max(100).nullable(),
          )
          .default({}),
      })
      .strict()
      .prefault({}),
    tracking: z
      .object({
        shareWithCarrierTracking: z
          .object({
            email: z.boolean().default(true),
            name: z.boolean().default(true),
            phone: z.boolean().default(false),
          })
          .strict()
          .prefault({}),
        writeback: z
          .object({
            enabled: z.boolean().default(true),
            deliveredStatusId: z.number().int().min(0).max(14).nullable().default(10),
            noteStatuses: z
              .array(TrackingStatusSchema)
              .default([...DEFAULT_FLAGGED_TRACKING_STATUSES]),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /**
     * Stock after shipments: which shipments lower the store's stock (`ShipmentStockPolicy`), and
     * at which store location: a fulfilment warehouse's own (by its id), else `locationRef`.
     */
    inventory: z
      .object({
        shipmentStock: ShipmentStockPolicySchema.default('other_channels'),
        locationRef: z.string().trim().min(1).max(64).default('1'),
        warehouseLocations: z
          .record(z.string().trim().min(1).max(64), z.string().trim().min(1).max(64))
          .default({}),
      })
      .strict()
      .prefault({}),
    /** Returns and refunds: when a refund is issued, whether shipping is refunded, restocking. */
    returns: ReturnsPolicySchema.prefault({}),
    /** The customer tracking page: branding, languages, the store's own host names. */
    trackingPage: TrackingPageSettingsSchema.prefault({}),
    /** Messages to customers as their parcels move: rules, sender, quiet hours (off by default). */
    notifications: NotificationSettingsSchema.prefault({}),
  })
  .strict();
export type StoreSettings = z.infer<typeof StoreSettingsSchema>;

/** Parses a store's settings; a bad value is a configuration problem a person must fix. */
export function parseStoreSettings(value: unknown, storeId: string): StoreSettings {
  return parseOrRefuse(StoreSettingsSchema, value, `store ${storeId}`, 'store.bad_settings');
}

/** Parses stored settings; a bad value is a configuration problem a person must fix. */
export function parseSettings<S extends z.ZodType>(
  schema: S,
  value: unknown,
  connectionId: string,
) {
  return parseOrRefuse(schema, value, `connection ${connectionId}`, 'connection.bad_settings');
}

function parseOrRefuse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  owner: string,
  reason: string,
): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new PermanentError(`${owner} has invalid settings`, { reason });
  return parsed.data as z.infer<S>;
}
