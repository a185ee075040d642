import {
  moneyToNumber,
  type RefundQuote,
  type RefundRequest,
  type StoreRefunds,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { BigCommerceClient, BigCommerceRefund, BigCommerceRefundItemRequest } from './client';

const orderId = (ref: string) => {
  const id = Number(ref);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new PermanentError(`not a BigCommerce order id: ${ref}`, {
      provider: 'bigcommerce',
      reason: 'bigcommerce.bad_order_ref',
    });
  }
  return id;
};

const money = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

function itemsOf(request: RefundRequest): BigCommerceRefundItemRequest[] {
  return [
    ...request.items.map((item) => ({
      item_type: 'PRODUCT' as const,
      item_id: Number(item.lineRef),
      quantity: item.quantity,
    })),
    ...request.shipping
      .filter((line) => moneyToNumber(line.amount) > 0)
      .map((line) => ({
        item_type: 'SHIPPING' as const,
        item_id: Number(line.addressRef),
        amount: moneyToNumber(line.amount),
      })),
  ];
}

const issued = (refund: BigCommerceRefund) => ({
  refundRef: String(refund.id),
  total: money(refund.total_amount),
});

/**
 * Refunds through BigCommerce's payment actions: a quote names the payment the refund goes back
 * through (the order's own provider first), and the refund pays exactly the quoted total to it.
 * The hub's marker rides in the refund's reason, which `find` looks for.
 */
export function bigCommerceRefunds(client: BigCommerceClient): StoreRefunds {
  return {
    async quote(orderRef, request): Promise<RefundQuote> {
      const quote = await client.refundQuote(orderId(orderRef), itemsOf(request));
      const method = quote.refund_methods.find((payments) => payments.length === 1)?.[0];
      return {
        total: money(quote.total_refund_amount),
        payment: method
          ? {
              providerRef: method.provider_id,
              amount: money(method.amount),
              offline: method.offline,
            }
          : null,
      };
    },
    async issue(orderRef, request, quote) {
      if (!quote.payment) {
        throw new PermanentError('the store offers no way to pay this refund back', {
          provider: 'bigcommerce',
          reason: 'refund.no_payment_method',
        });
      }
      const refund = await client.createRefund(orderId(orderRef), {
        items: itemsOf(request),
        payments: [
          {
            provider_id: quote.payment.providerRef,
            amount: moneyToNumber(quote.payment.amount),
            offline: quote.payment.offline,
          },
        ],
        reason: request.reason,
      });
      return issued(refund);
    },
    async find(orderRef, marker) {
      const refunds = await client.listRefunds(orderId(orderRef));
      const ours = refunds.find(
        (refund) =>
          refund.reason?.includes(marker) ||
          refund.items.some((item) => item.reason?.includes(marker)),
      );
      return ours ? issued(ours) : undefined;
    },
  };
}
