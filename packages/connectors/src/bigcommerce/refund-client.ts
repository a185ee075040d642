import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import type { HttpClient } from '../http/client';
import { bigCommerceV3Envelope } from './hook-schemas';
import {
  BigCommerceRefundQuoteSchema,
  BigCommerceRefundSchema,
  type BigCommerceRefund,
  type BigCommerceRefundCreate,
  type BigCommerceRefundItemRequest,
  type BigCommerceRefundQuote,
} from './refund-schemas';

export interface BigCommerceRefundClient {
  /** What refunding these items would pay back, its tax, and the refund methods on offer. */
  refundQuote(
    orderId: number,
    items: readonly BigCommerceRefundItemRequest[],
  ): Promise<BigCommerceRefundQuote>;
  /**
   * Refunds the items, paid back by `payments` (their sum must be the quote's total). Sent once:
   * after a transient failure the refund may exist, so the caller lists the order's refunds
   * before trying again. A refusal (over-refunding, a wrong amount) is a thrown 422.
   */
  createRefund(orderId: number, refund: BigCommerceRefundCreate): Promise<BigCommerceRefund>;
  /** The order's refunds, oldest first. */
  listRefunds(orderId: number): Promise<BigCommerceRefund[]>;
  /** One refund; `undefined` when there is none with that id. */
  getRefund(refundId: number): Promise<BigCommerceRefund | undefined>;
}

const QuoteEnvelopeSchema = bigCommerceV3Envelope(BigCommerceRefundQuoteSchema);
const RefundEnvelopeSchema = bigCommerceV3Envelope(BigCommerceRefundSchema);
const RefundListSchema = bigCommerceV3Envelope(z.array(BigCommerceRefundSchema));

const unexpected = (endpoint: string) =>
  new PermanentError(`bigcommerce answered ${endpoint} without a body`, {
    provider: 'bigcommerce',
    endpoint,
    reason: 'bigcommerce.unexpected_response',
  });

export function createBigCommerceRefundClient(deps: { http: HttpClient }): BigCommerceRefundClient {
  const { http } = deps;
  const actions = (orderId: number) => `/v3/orders/${orderId}/payment_actions`;

  return {
    async refundQuote(orderId, items) {
      const endpoint = 'POST /v3/orders/{id}/payment_actions/refund_quotes';
      const { data } = await http.request({
        method: 'POST',
        path: `${actions(orderId)}/refund_quotes`,
        endpoint,
        body: { items },
        schema: QuoteEnvelopeSchema,
        // A quote changes nothing: safe to ask again.
        idempotent: true,
      });
      if (!data) throw unexpected(endpoint);
      return data.data;
    },

    async createRefund(orderId, { items, payments, reason }) {
      const endpoint = 'POST /v3/orders/{id}/payment_actions/refunds';
      const { data } = await http.request({
        method: 'POST',
        path: `${actions(orderId)}/refunds`,
        endpoint,
        body: {
          // The request has a reason per item, not one for the refund.
          items: items.map((item) => (reason && !item.reason ? { ...item, reason } : item)),
          payments,
        },
        schema: RefundEnvelopeSchema,
        retries: 0,
      });
      if (!data) throw unexpected(endpoint);
      return data.data;
    },

    async listRefunds(orderId) {
      const { data } = await http.request({
        method: 'GET',
        path: `${actions(orderId)}/refunds`,
        endpoint: 'GET /v3/orders/{id}/payment_actions/refunds',
        schema: RefundListSchema,
      });
      return data?.data ?? [];
    },

    async getRefund(refundId) {
      const { data } = await http.request({
        method: 'GET',
        path: `/v3/orders/payment_actions/refunds/${refundId}`,
        endpoint: 'GET /v3/orders/payment_actions/refunds/{id}',
        schema: RefundEnvelopeSchema,
        allowStatus: [404],
      });
      return data?.data;
    },
  };
}
