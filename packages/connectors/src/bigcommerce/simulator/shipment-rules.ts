import { isValidTrackingCarrier } from '../carriers';

const SHIPPING_PROVIDERS = new Set([
  '',
  'auspost',
  'canadapost',
  'endicia',
  'usps',
  'fedex',
  'ups',
  'upsready',
  'upsonline',
  'shipperhq',
  'royalmail',
]);

export interface ShipmentInput {
  order_address_id?: unknown;
  items?: unknown;
  tracking_number?: unknown;
  tracking_carrier?: unknown;
  tracking_link?: unknown;
  shipping_provider?: unknown;
  shipping_method?: unknown;
  merchant_shipping_cost?: unknown;
  comments?: unknown;
}

/** Field rules shared by create and update; messages in the style of BigCommerce's v2 errors. */
export function checkShipmentFields(body: ShipmentInput): string[] {
  const errors: string[] = [];
  const text = (field: keyof ShipmentInput, max: number) => {
    const value = body[field];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string') errors.push(`The field '${field}' must be a string.`);
    else if (value.length > max)
      errors.push(`The field '${field}' cannot be longer than ${max} characters.`);
  };
  text('tracking_number', 50);
  text('tracking_link', 500);
  text('shipping_method', 250);
  text('comments', 65_535);
  text('tracking_carrier', 100);
  text('shipping_provider', 100);
  const carrier = body.tracking_carrier;
  if (typeof carrier === 'string' && carrier !== '' && !isValidTrackingCarrier(carrier)) {
    errors.push(
      `The field 'tracking_carrier' is invalid: '${carrier}' is not a supported tracking carrier.`,
    );
  }
  const provider = body.shipping_provider;
  if (
    typeof provider === 'string' &&
    !SHIPPING_PROVIDERS.has(provider) &&
    !/^carrier_\d+$/.test(provider)
  ) {
    errors.push(`The field 'shipping_provider' is invalid.`);
  }
  const cost = body.merchant_shipping_cost;
  if (cost !== undefined && cost !== null && !/^\d+(\.\d+)?$/.test(String(cost))) {
    errors.push("The field 'merchant_shipping_cost' must be a decimal.");
  }
  return errors;
}
