import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fieldErrors, INVALID_JSON } from './catalog-input';
import { refundMethods } from './payment-providers';
import {
  amount,
  dollars,
  priceRefund,
  refundableCents,
  RefundItemSchema,
  type PricedRefund,
} from './refund-items';
import type { BigCommerceSimState, SimOrder, SimRefund } from './state';

/**
 * Refund quotes and refunds (orders.v3 payment actions). A refund must be paid back in one
 * payment whose provider is one of the quote's refund methods, for exactly the quote's total
 * (or the `merchant_calculated_override` total); the order then records what was refunded.
 * The tax-adjustment form (`tax_adjustment_amount` alone) is not simulated and refused.
 */

export interface Refusal {
  title: string;
  errors?: Record<string, string>;
}

const QuoteBodySchema = z.object({ items: z.array(RefundItemSchema).min(1).max(1_000) }).loose();

const RefundBodySchema = QuoteBodySchema.extend({
  payments: z
    .array(
      z
        .object({
          provider_id: z.string().min(1),
          amount,
          offline: z.boolean().default(false),
        })
        .loose(),
    )
    .min(1),
  merchant_calculated_override: z
    .object({ total_amount: amount, total_tax: z.number() })
    .loose()
    .optional(),
  /** Not in the reference's request body, which has a reason per item; accepted all the same. */
  reason: z.string().max(1000).optional(),
}).loose();

function parse<T>(schema: z.ZodType<T>, body: unknown): { data: T } | { refusal: Refusal } {
  if (
    typeof body === 'object' &&
    body !== null &&
    'tax_adjustment_amount' in body &&
    !('items' in body)
  ) {
    return { refusal: { title: 'Tax adjustment refunds are not simulated' } };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  return { refusal: { title: INVALID_JSON, errors: fieldErrors(parsed.error) } };
}

function priced(
  order: SimOrder,
  body: { items: z.infer<typeof RefundItemSchema>[] },
): { refusal: Refusal } | { priced: PricedRefund } {
  const outcome = priceRefund(order, body.items);
  return typeof outcome === 'string' ? { refusal: { title: outcome } } : { priced: outcome };
}

export function refundQuote(
  order: SimOrder,
  body: unknown,
): { quote: Record<string, unknown> } | { refusal: Refusal } {
  const parsed = parse(QuoteBodySchema, body);
  if ('refusal' in parsed) return parsed;
  const outcome = priced(order, parsed.data);
  if ('refusal' in outcome) return outcome;
  const quote: PricedRefund = outcome.priced;
  const total = dollars(quote.totalCents);
  return {
    quote: {
      order_id: order.id,
      total_refund_amount: total,
      total_refund_tax_amount: dollars(quote.taxCents),
      order_level_refund_amount: dollars(quote.orderLevelCents),
      // Amounts are kept in cents, so nothing ever needs rounding to be payable.
      rounding: 0,
      adjustment: 0,
      tax_inclusive: order.taxInclusive,
      refund_methods: refundMethods(order.payment_provider, order.customer_id, total),
    },
  };
}

function paymentProblem(
  order: SimOrder,
  payments: { provider_id: string; amount: number; offline: boolean }[],
  totalCents: number,
): string | undefined {
  const [payment] = payments;
  if (!payment || payments.length > 1) {
    return 'Payments must match one of the refund methods: one payment through one provider';
  }
  const options = refundMethods(order.payment_provider, order.customer_id, dollars(totalCents));
  const option = options.flat().find((candidate) => candidate.provider_id === payment.provider_id);
  if (!option) {
    return payment.provider_id === 'storecredit' && order.customer_id === 0
      ? 'Unable to provide store credit for a guest customer.'
      : `Payment provider ${payment.provider_id} is not a refund method of order ${order.id}`;
  }
  if (option.offline_provider && !payment.offline) {
    return `${option.provider_description} refunds can only be recorded offline (offline: true)`;
  }
  if (Math.round(payment.amount * 100) !== totalCents) {
    return `The payments total ${payment.amount.toFixed(2)} does not match the refund total ${dollars(totalCents).toFixed(2)}`;
  }
  return undefined;
}

/** Checks, books and records a refund; the caller fires the events and moves the status. */
export function createRefund(
  state: BigCommerceSimState,
  refunds: Map<number, SimRefund>,
  order: SimOrder,
  body: unknown,
): { refund: SimRefund } | { refusal: Refusal } {
  const parsed = parse(RefundBodySchema, body);
  if ('refusal' in parsed) return parsed;
  const { data } = parsed;
  const outcome = priced(order, data);
  if ('refusal' in outcome) return outcome;
  const override = data.merchant_calculated_override;
  const totalCents = override ? Math.round(override.total_amount * 100) : outcome.priced.totalCents;
  const left = refundableCents(order);
  if (totalCents > left) {
    return {
      refusal: {
        title: `The refund of ${dollars(totalCents).toFixed(2)} exceeds the ${dollars(left).toFixed(2)} left to refund on order ${order.id}`,
      },
    };
  }
  const problem = paymentProblem(order, data.payments, totalCents);
  if (problem) return { refusal: { title: problem } };

  outcome.priced.apply();
  order.refundedCents += totalCents;
  const reasons = [...new Set(data.items.map((item) => item.reason).filter(Boolean))];
  const refund: SimRefund = {
    id: state.nextId('refund'),
    order_id: order.id,
    created: new Date(state.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    reason: data.reason ?? reasons.join('; '),
    totalCents,
    taxCents: override ? Math.round(override.total_tax * 100) : outcome.priced.taxCents,
    uses_merchant_override_values: override !== undefined,
    items: data.items.map((item) => ({
      item_type: item.item_type,
      item_id: item.item_id,
      ...(item.item_type === 'PRODUCT' || item.item_type === 'GIFT_WRAPPING'
        ? { quantity: item.quantity, requested_amount: null }
        : { requested_amount: Number(item.amount).toFixed(2) }),
      ...(item.reason !== undefined ? { reason: item.reason } : {}),
    })),
    payments: data.payments.map((payment) => ({
      id: state.nextId('refundPayment'),
      provider_id: payment.provider_id,
      amountCents: Math.round(payment.amount * 100),
      offline: payment.offline,
      transaction_id: randomUUID(),
    })),
  };
  refunds.set(refund.id, refund);
  return { refund };
}

export function renderRefund(refund: SimRefund): Record<string, unknown> {
  return {
    id: refund.id,
    order_id: refund.order_id,
    user_id: 0,
    created: refund.created,
    reason: refund.reason,
    total_amount: dollars(refund.totalCents),
    total_tax: dollars(refund.taxCents),
    uses_merchant_override_values: refund.uses_merchant_override_values,
    items: refund.items,
    payments: refund.payments.map((payment) => ({
      id: payment.id,
      provider_id: payment.provider_id,
      amount: dollars(payment.amountCents),
      offline: payment.offline,
      is_declined: false,
      declined_message: '',
      transaction_id: payment.transaction_id,
    })),
  };
}
