import { z } from 'zod';

/**
 * A return as the hub keeps it, whatever reported it: a return label logged in a fulfilment
 * system, a warehouse's return record, or a parcel the carrier brought back to the merchant.
 * `reported`: announced, goods not back yet; `received`: back at the merchant.
 */
export const RETURN_STATES = ['reported', 'received'] as const;
export type ReturnState = (typeof RETURN_STATES)[number];

/**
 * Where a refund stands: `awaiting_approval` (a person decides, through the admin API or CLI),
 * `approved` (to be issued), `issuing` (the store was asked; a crash leaves it here until the
 * store's own refunds are read back), `issued`, `failed` (the store refused: a person looks),
 * `not_refunded` (the policy or the store does not refund, or nothing is left to refund).
 */
export const REFUND_STATES = [
  'awaiting_approval',
  'approved',
  'issuing',
  'issued',
  'failed',
  'not_refunded',
] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/**
 * The store's returns policy:
 * - `refund`: `on_approval` (the default: a refund is money, a person says yes), `on_receipt`
 *   (issued once the goods are back), or `never` (refunds stay manual in the store).
 * - `refundShipping`: whether the customer also gets back what they paid for shipping.
 * - `restock`: returned goods in sellable condition go back to the store's stock on receipt.
 */
export const ReturnsPolicySchema = z
  .object({
    refund: z.enum(['on_approval', 'on_receipt', 'never']).default('on_approval'),
    refundShipping: z.boolean().default(false),
    restock: z.boolean().default(true),
  })
  .strict();
export type ReturnsPolicy = z.infer<typeof ReturnsPolicySchema>;

/** One returned item, reported by the fulfilment system in its terms. */
export interface ReportedReturnItem {
  /** The store's line id, where the report names it (our line key on the fulfilment order). */
  lineRef: string | null;
  sku: string | null;
  quantity: number;
  /** The warehouse's word on its condition (`Good`, `Damaged`), where it gives one. */
  condition: string | null;
}

/** A return as a fulfilment system or carrier reported it. */
export interface ReportedReturn {
  /** The reporter's id of the return (a return label's id, a warehouse return id). */
  sourceRef: string;
  /** The fulfilment order's key, or the system's id of it, to find the store order by. */
  orderKey: string | null;
  fulfilmentOrderId: string | null;
  state: ReturnState;
  reason: string | null;
  /** Empty: the whole of what shipped is coming back. */
  items: ReportedReturnItem[];
  trackingNumber: string | null;
}

/** Conditions in which returned goods are not sold again. */
const UNSELLABLE = /damag|defect|broken|unsellable|destroy|dispos|missing|open(ed)? box/i;

/** Whether an item goes back to stock: sellable condition (or none said) and the policy allows. */
export function restockable(policy: ReturnsPolicy, condition: string | null): boolean {
  return policy.restock && !(condition && UNSELLABLE.test(condition));
}

/** A refund's state when its return is recorded or received, by the store's policy. */
export function refundStateFor(
  policy: ReturnsPolicy,
  returnState: ReturnState,
  current: RefundState | undefined,
): RefundState | undefined {
  if (current && current !== 'awaiting_approval') return current;
  if (policy.refund === 'never') return 'not_refunded';
  if (policy.refund === 'on_receipt') return returnState === 'received' ? 'approved' : current;
  return current ?? 'awaiting_approval';
}

/** The text every refund the hub issues carries, so a crash never makes a second one. */
export const refundMarker = (returnId: string): string => `shiplink-return:${returnId}`;
