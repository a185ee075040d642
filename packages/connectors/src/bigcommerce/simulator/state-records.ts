/** What a store keeps of its refunds and display settings (see state.ts for the rest). */

/** A refund as `POST /v3/orders/{id}/payment_actions/refunds` recorded it; money in cents. */
export interface SimRefund {
  id: number;
  order_id: number;
  created: string;
  reason: string;
  totalCents: number;
  taxCents: number;
  uses_merchant_override_values: boolean;
  items: {
    item_type: string;
    item_id: number;
    quantity?: number;
    /** Amount-bound items only; null for quantity-bound ones, as the API prints them. */
    requested_amount: string | null;
    reason?: string;
  }[];
  payments: {
    id: number;
    provider_id: string;
    amountCents: number;
    offline: boolean;
    transaction_id: string;
  }[];
}

/** Store settings → Display: the units catalog weights and dimensions are in. */
export type SimWeightUnit = 'Grams' | 'Kilograms' | 'Ounces' | 'Pounds';
export type SimDimensionUnit = 'Centimeters' | 'Inches';
