/**
 * The payment gateways a simulated order can be paid through, and how each can refund: an
 * online gateway refunds through its API (or is marked refunded offline), an offline one
 * (bank deposit, cash on delivery) is only ever recorded as refunded.
 */
export const PAYMENT_PROVIDERS = {
  testgateway: { description: 'Test Payment Gateway', offline: false },
  braintree: { description: 'Braintree', offline: false },
  stripev3: { description: 'Stripe', offline: false },
  bankdeposit: { description: 'Bank Deposit', offline: true },
  cod: { description: 'Cash on Delivery', offline: true },
} as const;
export type PaymentProviderId = keyof typeof PAYMENT_PROVIDERS;
export const PAYMENT_PROVIDER_IDS = Object.keys(PAYMENT_PROVIDERS) as [
  PaymentProviderId,
  ...PaymentProviderId[],
];

/** One way to pay a refund back, as a refund quote lists it (`refund_methods[][]`). */
export interface PaymentOption {
  provider_id: string;
  provider_description: string;
  amount: number;
  offline: boolean;
  offline_provider: boolean;
  offline_reason: string;
}

const OFFLINE_REASON = 'This is an offline payment provider.';

/**
 * The refund methods BigCommerce offers for an order: its own gateway, "custom" (refunded by
 * some means BigCommerce does not see) and, for a registered customer, store credit. Each
 * method is one payment here: the simulator takes every order in a single payment.
 */
export function refundMethods(
  providerId: string,
  customerId: number,
  amount: number,
): PaymentOption[][] {
  const known = Object.hasOwn(PAYMENT_PROVIDERS, providerId)
    ? PAYMENT_PROVIDERS[providerId as PaymentProviderId]
    : { description: providerId, offline: true };
  const option = (id: string, description: string, offline: boolean): PaymentOption[] => [
    {
      provider_id: id,
      provider_description: description,
      amount,
      offline,
      offline_provider: offline,
      offline_reason: offline ? OFFLINE_REASON : '',
    },
  ];
  return [
    option(providerId, known.description, known.offline),
    option('custom', 'Custom', true),
    ...(customerId > 0 ? [option('storecredit', 'Store Credit', false)] : []),
  ];
}
