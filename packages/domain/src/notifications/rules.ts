import { z } from 'zod';
import type { TrackingStatus } from '../tracking/status';

/** A parcel's moments, from its tracking status (see `triggerOf`): one message per shipment. */
export const PARCEL_NOTIFICATION_TRIGGERS = [
  'shipped',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'exception',
  'attempt_failed',
  'returned',
  'delayed',
] as const;
export type ParcelNotificationTrigger = (typeof PARCEL_NOTIFICATION_TRIGGERS)[number];

/**
 * An order's moments, before or after its parcels: the fulfilment system holds, waits for
 * payment, rejects or is late with it; a return arrives, a refund is issued. The flows that
 * notice them enqueue `orderNotify`; one message per (order, subject, trigger, channel).
 */
export const ORDER_NOTIFICATION_TRIGGERS = [
  'order_on_hold',
  'order_payment_pending',
  'order_rejected',
  'order_delayed',
  'return_received',
  'refund_issued',
] as const;
export const OrderNotificationTriggerSchema = z.enum(ORDER_NOTIFICATION_TRIGGERS);
export type OrderNotificationTrigger = z.infer<typeof OrderNotificationTriggerSchema>;

/** The moments a customer is told about: store rules, templates and the admin API name these. */
export const NOTIFICATION_TRIGGERS = [
  ...PARCEL_NOTIFICATION_TRIGGERS,
  ...ORDER_NOTIFICATION_TRIGGERS,
] as const;
export const NotificationTriggerSchema = z.enum(NOTIFICATION_TRIGGERS);
export type NotificationTrigger = z.infer<typeof NotificationTriggerSchema>;

export function isOrderNotificationTrigger(value: unknown): value is OrderNotificationTrigger {
  return (ORDER_NOTIFICATION_TRIGGERS as readonly unknown[]).includes(value);
}

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/**
 * The trigger a parcel's new canonical status is, if any: its first carrier scans are "shipped",
 * a return either way is "returned"; statuses customers need not hear about (pending, on hold,
 * tracking errors) are none.
 */
export function triggerOf(status: TrackingStatus): ParcelNotificationTrigger | undefined {
  switch (status) {
    case 'info_received':
    case 'picked_up':
    case 'in_transit':
      return 'shipped';
    case 'return_to_sender':
    case 'returned':
      return 'returned';
    case 'out_for_delivery':
    case 'available_for_pickup':
    case 'delivered':
    case 'exception':
    case 'attempt_failed':
    case 'delayed':
      return status;
    default:
      return undefined;
  }
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM (24 h)');

/**
 * One rule: a trigger, the channels it uses, and the parcels (or orders) it applies to. An order's
 * news has no carrier, so a rule that names carriers never applies to an order trigger.
 */
export const NotificationRuleSchema = z
  .object({
    trigger: NotificationTriggerSchema,
    channels: z.array(NotificationChannelSchema).min(1).max(2),
    /** Only parcels to these countries (ISO alpha-2); every country when left out. */
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .min(1)
      .optional(),
    /** Only orders whose shipping method contains one of these (any case). */
    shippingMethods: z.array(z.string().trim().min(1).max(100)).min(1).optional(),
    /** Only parcels of these carriers (courier slugs). */
    carriers: z.array(z.string().trim().min(1).max(50)).min(1).optional(),
  })
  .strict();
export type NotificationRule = z.infer<typeof NotificationRuleSchema>;

const DEFAULT_RULES: NotificationRule[] = [
  { trigger: 'shipped', channels: ['email'] },
  { trigger: 'out_for_delivery', channels: ['email', 'sms'] },
  { trigger: 'available_for_pickup', channels: ['email', 'sms'] },
  { trigger: 'delivered', channels: ['email'] },
  { trigger: 'exception', channels: ['email'] },
  { trigger: 'attempt_failed', channels: ['email', 'sms'] },
  { trigger: 'returned', channels: ['email'] },
  { trigger: 'delayed', channels: ['email'] },
  // An order's news reaches the customer by e-mail; texts only where the store's rules ask.
  { trigger: 'order_on_hold', channels: ['email'] },
  { trigger: 'order_payment_pending', channels: ['email'] },
  { trigger: 'order_rejected', channels: ['email'] },
  { trigger: 'order_delayed', channels: ['email'] },
  { trigger: 'return_received', channels: ['email'] },
  { trigger: 'refund_issued', channels: ['email'] },
];

/**
 * A store's customer notifications (store settings' `notifications`). Off until the store turns
 * them on: a store that already e-mails its customers must not send a second set by surprise.
 */
export const NotificationSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    rules: z
      .array(NotificationRuleSchema)
      .max(50)
      .default(() => [...DEFAULT_RULES]),
    email: z
      .object({
        from: z.email().max(254).optional(),
        fromName: z.string().trim().min(1).max(100).optional(),
        replyTo: z.email().max(254).optional(),
      })
      .strict()
      .prefault({}),
    sms: z
      .object({
        /** No SMS between these local times of the recipient; it waits for the end. */
        quietHours: z
          .object({ start: time.default('21:00'), end: time.default('08:00') })
          .strict()
          .prefault({}),
        /** The recipient's time zone when their country does not tell (IANA name). */
        defaultTimeZone: z.string().min(1).max(64).default('Europe/Helsinki'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** What a rule's conditions are about, for one parcel (or one order: no carrier). */
export interface NotificationFacts {
  trigger: NotificationTrigger;
  country: string | null;
  shippingMethod: string | null;
  carrierSlug: string | null;
}

/** The channels the store's rules send this news on (none when off or no rule fits). */
export function channelsFor(
  settings: NotificationSettings,
  facts: NotificationFacts,
): NotificationChannel[] {
  if (!settings.enabled) return [];
  const method = (facts.shippingMethod ?? '').toLowerCase();
  const channels = new Set<NotificationChannel>();
  for (const rule of settings.rules) {
    if (rule.trigger !== facts.trigger) continue;
    if (rule.countries && !(facts.country && rule.countries.includes(facts.country))) continue;
    if (
      rule.shippingMethods &&
      !rule.shippingMethods.some((m) => method.includes(m.toLowerCase()))
    ) {
      continue;
    }
    if (rule.carriers && !(facts.carrierSlug && rule.carriers.includes(facts.carrierSlug)))
      continue;
    for (const channel of rule.channels) channels.add(channel);
  }
  return NOTIFICATION_CHANNELS.filter((channel) => channels.has(channel));
}
