import { z } from 'zod';
import { MoneySchema } from '../money';

/**
 * What an order-level message may say beyond the order itself: a refund's amount, a return's
 * number of items. Numbers only, never free text: a message must not carry what a warehouse or
 * a fulfilment partner wrote for the merchant. Strict, so no field slips through unnoticed.
 */
export const OrderNotificationFactsSchema = z
  .object({
    /** A decimal string (`49.90`), in `currency` (the order's when left out). */
    amount: MoneySchema.optional(),
    /** ISO 4217. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a currency is its 3-letter ISO 4217 code')
      .optional(),
    /** How many items (a return's). */
    items: z.number().int().nonnegative().optional(),
  })
  .strict();
export type OrderNotificationFacts = z.infer<typeof OrderNotificationFactsSchema>;

/**
 * What a message is about: a parcel, or one thing that happened to an order, named by the
 * caller's reference (an exception's or a refund's id). With its trigger and channel, the key
 * of a subject makes the one message there may be.
 */
export type NotificationSubject = { shipmentId: string } | { orderId: string; subjectRef: string };

/** `shipment:<shipmentId>`, `order:<orderId>:<subjectRef>` (the order id is a UUID: no ambiguity). */
export function notificationSubjectKey(subject: NotificationSubject): string {
  return 'shipmentId' in subject
    ? `shipment:${subject.shipmentId}`
    : `order:${subject.orderId}:${subject.subjectRef}`;
}
