import {
  destinationIndex,
  destinationMoney,
  destinationOrderNumber,
  linesFor,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
  type CanonicalOrder,
  type Destination,
} from '@shiplink/domain';
import type {
  PrinettiAdditionalService,
  PrinettiParcel,
  PrinettiParty,
  PrinettiShipment,
} from './prinetti';
import { productFor, type DeliveryOption, type PostiSettings } from './settings';

/** Posti additional service codes the hub sends. */
export const POSTI_SERVICES = {
  pickupPoint: '2106',
  cashOnDelivery: '3101',
  multipacket: '3102',
  fragile: '3104',
  eNotice: '3139',
  trackingCallback: '9901',
} as const;

/**
 * Whether the order's payment method is cash on delivery, in the words stores use for it
 * (BigCommerce's offline "Cash on Delivery", Finnish postiennakko/jälkivaatimus, Swedish
 * postförskott, Danish/Norwegian efterkrav/oppkrav).
 */
export function isCashOnDelivery(paymentMethod: string | null | undefined): boolean {
  if (!paymentMethod) return false;
  return /cash[\s-]*on[\s-]*delivery|\bc\.?o\.?d\.?\b|postiennakko|bussiennakko|jälkivaatimus|postförskott|efterkrav|oppkrav/i.test(
    paymentMethod,
  );
}

/**
 * A Finnish bank reference (viitenumero) for the COD payment: the order number's digits (the
 * last 19; prefixed with 1 when fewer than 3) plus the 7-3-1 check digit. Undefined when the
 * order number has no digits.
 */
export function finnishReference(orderNumber: string): string | undefined {
  const digits = orderNumber.replace(/\D/g, '').slice(-19);
  if (!digits) return undefined;
  const base = digits.length < 3 ? `1${digits.padStart(2, '0')}` : digits;
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    sum += Number(base[base.length - 1 - i]) * (weights[i % 3] ?? 1);
  }
  return `${base}${(10 - (sum % 10)) % 10}`;
}

/** What a parcel holds: lines by name (and the store's line id), and how many of each. */
export interface PackedParcel {
  weightKg: number;
  items: { name: string; quantity: number; lineRef?: string }[];
}

export interface PackableLine {
  name: string;
  quantity: number;
  weightGrams: number | null;
  /** The store's line id, carried into the parcels' items. */
  lineRef?: string;
}

export type ShipmentValidationCode =
  | 'unknown_destination'
  | 'nothing_to_ship'
  | 'invalid_product'
  | 'missing_name'
  | 'missing_street'
  | 'missing_city'
  | 'missing_country'
  | 'invalid_postcode'
  | 'no_contact'
  | 'invalid_pickup_point'
  | 'item_too_heavy'
  | 'too_heavy'
  | 'cod_not_configured'
  | 'cod_currency';

export interface ShipmentValidationReason {
  code: ShipmentValidationCode;
  /** Where in the order the problem is (`shipTo.postalCode`, `lines.8801`…). */
  field: string;
  message: string;
}

/**
 * Why a destination cannot be sent to Posti as it stands: the order goes to review with these
 * reasons instead of a wrong label.
 */
export interface ShipmentValidation {
  ok: false;
  kind: 'shipment_validation';
  reasons: ShipmentValidationReason[];
}

const invalid = (reasons: ShipmentValidationReason[]): ShipmentValidation => ({
  ok: false,
  kind: 'shipment_validation',
  reasons,
});

/** The reasons as one line for a review note. */
export function describeValidation(validation: ShipmentValidation): string {
  return validation.reasons.map((reason) => reason.message).join('; ');
}

interface Unit {
  line: number;
  grams: number;
}

/**
 * Lines into parcels by weight. Without any weight (the store has none) the destination is one
 * parcel of `defaultParcelWeightKg`. Otherwise the weighed units are packed first-fit, heaviest
 * first, into parcels of at most `maxParcelWeightKg`; units without a weight ride in the first
 * parcel. A unit heavier than the maximum, or (without `multiParcel`) a destination heavier than
 * it, is a validation failure.
 */
export function packParcels(
  lines: readonly PackableLine[],
  rules: PostiSettings['packing'],
): { ok: true; parcels: PackedParcel[] } | ShipmentValidation {
  const maxGrams = rules.maxParcelWeightKg * 1_000;
  const units: Unit[] = lines.flatMap((line, index) =>
    Array.from({ length: line.quantity }, () => ({ line: index, grams: line.weightGrams ?? 0 })),
  );
  const itemsOf = (parcelUnits: readonly Unit[]) => {
    const counts = new Map<number, number>();
    for (const unit of parcelUnits) counts.set(unit.line, (counts.get(unit.line) ?? 0) + 1);
    return [...counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([line, quantity]) => {
        const lineRef = lines[line]?.lineRef;
        return { name: lines[line]?.name ?? '', quantity, ...(lineRef ? { lineRef } : {}) };
      });
  };
  const weighed = units.filter((unit) => unit.grams > 0);
  if (weighed.length === 0) {
    return {
      ok: true,
      parcels: [{ weightKg: rules.defaultParcelWeightKg, items: itemsOf(units) }],
    };
  }
  const tooHeavy = [...new Set(weighed.filter((u) => u.grams > maxGrams).map((u) => u.line))];
  if (tooHeavy.length) {
    return invalid(
      tooHeavy.map((line) => ({
        code: 'item_too_heavy',
        field: `lines.${line}`,
        message: `${lines[line]?.name ?? 'an item'} weighs more than the ${rules.maxParcelWeightKg} kg a parcel may`,
      })),
    );
  }
  const total = weighed.reduce((sum, unit) => sum + unit.grams, 0);
  if (!rules.multiParcel && total > maxGrams) {
    return invalid([
      {
        code: 'too_heavy',
        field: 'lines',
        message: `the destination weighs ${(total / 1_000).toFixed(1)} kg, more than one ${rules.maxParcelWeightKg} kg parcel`,
      },
    ]);
  }
  const bins: { grams: number; units: Unit[] }[] = [];
  // Stable sort: units of equal weight keep line order.
  for (const unit of [...weighed].sort((a, b) => b.grams - a.grams)) {
    const bin = bins.find((candidate) => candidate.grams + unit.grams <= maxGrams);
    if (bin) {
      bin.grams += unit.grams;
      bin.units.push(unit);
    } else bins.push({ grams: unit.grams, units: [unit] });
  }
  bins[0]?.units.push(...units.filter((unit) => unit.grams <= 0));
  return {
    ok: true,
    parcels: bins.map((bin) => ({ weightKg: bin.grams / 1_000, items: itemsOf(bin.units) })),
  };
}

const MAX_CONTENTS = 100;

/** `Parcel.Contents`: what is inside, by line name, cut to fit a label. */
export function contentsText(items: readonly { name: string; quantity: number }[]): string {
  const text = items
    .map((item) =>
      item.quantity > 1 ? `${item.quantity} x ${item.name.trim()}` : item.name.trim(),
    )
    .filter(Boolean)
    .join(', ');
  return text.length <= MAX_CONTENTS ? text : `${text.slice(0, MAX_CONTENTS - 1).trimEnd()}…`;
}

/**
 * The pickup point the customer chose at checkout: the `pickupPointField` of the destination's
 * shipping address (BigCommerce: `shipping.<address id>.<field>`), and for single-destination
 * orders also the unscoped shipping, billing (`form.`) or plain field of that name.
 */
export function pickupPointIdFor(
  order: CanonicalOrder,
  destination: Destination,
  settings: Pick<PostiSettings, 'pickupPointField'>,
): string | undefined {
  const field = settings.pickupPointField;
  const keys = [`shipping.${destination.addressExternalId}.${field}`];
  if (order.destinations.length === 1) keys.push(`shipping.${field}`, `form.${field}`, field);
  for (const key of keys) {
    const value = order.customFields[key]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The Posti product and pickup point a destination ships with, for a checkout option. */
export interface PostiDeliveryChoice {
  /** `shipping_method_code`. */
  productCode: string;
  /**
   * The pickup point (service 2106). Without one a pickup product (Postipaketti) goes to the
   * point Posti picks nearest the recipient's address.
   */
  pickupPointId?: string | null;
}

/** The choice a checkout option stands for on this connection. */
export function deliveryChoiceFor(
  order: CanonicalOrder,
  destination: Destination,
  option: DeliveryOption,
  settings: Pick<PostiSettings, 'products' | 'pickupPointField'>,
): PostiDeliveryChoice {
  return {
    productCode: productFor(settings, option),
    pickupPointId:
      option === 'pickup' ? (pickupPointIdFor(order, destination, settings) ?? null) : null,
  };
}

export interface PostiShipmentPlan {
  ok: true;
  shipment: PrinettiShipment;
  /** The store's lines in each parcel, in the order of `shipment.parcels`. */
  parcels: PackedParcel[];
  /** Decisions a person may want to know about (a phone that could not be used…). */
  notes: string[];
}

const clean = (value: string | null | undefined): string =>
  (value ?? '').replace(/\s+/g, ' ').trim();

function senderParty(sender: PostiSettings['sender']): PrinettiParty {
  return {
    name1: sender.name,
    name2: sender.name2 ?? null,
    addr1: sender.street,
    addr2: sender.street2 ?? null,
    postcode: sender.postcode,
    city: sender.city,
    country: sender.country,
    phone: sender.phone,
    vatcode: sender.vatcode ?? null,
  };
}

/**
 * One destination of a store order as a Posti consignment, or the reasons it cannot be one.
 * Never throws: every problem with the order's data is a `ShipmentValidation` reason.
 *
 * - Recipient: the person's name, the company as Name2 (or the company alone as Name1); postcode
 *   and phone normalised for the destination country.
 * - Notices: an SMS/e-mail arrival notice (3139) when the connection wants one, and always when
 *   there is no usable phone, by e-mail (the ship-to address's, else the customer's). With
 *   neither phone nor e-mail the recipient cannot be told the parcel arrived: review.
 * - Parcels by `packParcels` from the quantities still to ship; more than one adds 3102.
 * - COD (3101) when the payment method says so: needs the connection's IBAN and an EUR order,
 *   otherwise review (sending it without COD would hand the goods over unpaid).
 * - Pickup point (2106), fragile (3104) and the tracking callback (9901) as configured.
 */
export function toPostiShipment(
  order: CanonicalOrder,
  destination: Destination,
  choice: PostiDeliveryChoice,
  settings: PostiSettings,
): PostiShipmentPlan | ShipmentValidation {
  const index = destinationIndex(order, destination);
  if (index < 0) {
    return invalid([
      {
        code: 'unknown_destination',
        field: 'destination',
        message: 'the destination is not one of the order’s',
      },
    ]);
  }
  const reasons: ShipmentValidationReason[] = [];
  const notes: string[] = [];
  const reason = (code: ShipmentValidationCode, field: string, message: string) =>
    reasons.push({ code, field, message });

  if (!/^\d{3,6}$/.test(choice.productCode)) {
    reason(
      'invalid_product',
      'product',
      `${choice.productCode || 'no product'} is not a Posti product code`,
    );
  }

  const to = destination.shipTo;
  const country = clean(to.country).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    reason('missing_country', 'shipTo.country', 'the address has no country');
  const name = clean(to.name);
  const company = clean(to.company);
  if (!name && !company) reason('missing_name', 'shipTo.name', 'the address has no name');
  const street = clean(to.street1);
  if (!street) reason('missing_street', 'shipTo.street1', 'the address has no street');
  const city = clean(to.city);
  if (!city) reason('missing_city', 'shipTo.city', 'the address has no city');
  const postcode = normalisePostcode(country, to.postalCode);
  if (!postcode) {
    reason(
      'invalid_postcode',
      'shipTo.postalCode',
      `${to.postalCode?.trim() ? `"${to.postalCode.trim()}"` : 'no postcode'} is not a postcode of ${country || 'the country'}`,
    );
  }

  const phone = normalisePhone(country, to.phone);
  if (to.phone?.trim() && !phone) notes.push(`phone "${to.phone.trim()}" is not a usable number`);
  const email =
    normaliseEmail(to.email) ??
    normaliseEmail(order.billTo.email) ??
    normaliseEmail(order.customer.email);
  if (!phone && !email) {
    reason(
      'no_contact',
      'shipTo.phone',
      to.phone?.trim()
        ? 'the phone number is not usable and there is no e-mail for the arrival notice'
        : 'there is neither a phone number nor an e-mail for the arrival notice',
    );
  }

  const pickupPointId = choice.pickupPointId?.trim() || undefined;
  if (pickupPointId && !/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(pickupPointId)) {
    reason('invalid_pickup_point', 'pickupPoint', `"${pickupPointId}" is not a pickup point id`);
  }

  const lines = linesFor(order, destination.addressExternalId)
    .map((line) => ({
      ...line,
      lineRef: line.externalId,
      quantity: line.quantity - line.quantityShipped,
    }))
    .filter((line) => line.quantity > 0);
  let parcels: PrinettiParcel[] = [];
  let packedParcels: PackedParcel[] = [];
  if (lines.length === 0) {
    reason('nothing_to_ship', 'lines', 'every line of the destination has shipped already');
  } else {
    const packed = packParcels(lines, settings.packing);
    if (!packed.ok) reasons.push(...packed.reasons);
    else {
      packedParcels = packed.parcels;
      parcels = packed.parcels.map((parcel) => ({
        weightKg: parcel.weightKg,
        volumeM3: settings.packing.defaultParcelVolumeM3,
        contents: contentsText(parcel.items),
      }));
    }
  }

  const services: PrinettiAdditionalService[] = [];
  if (pickupPointId)
    services.push({
      code: POSTI_SERVICES.pickupPoint,
      specifiers: { pickup_point_id: pickupPointId },
    });
  if (isCashOnDelivery(order.paymentMethod)) {
    const cod = settings.additionalServices.cod;
    const cents = Math.round(destinationMoney(order, destination).total * 100);
    if (!cod)
      reason(
        'cod_not_configured',
        'paymentMethod',
        'cash on delivery needs the connection’s IBAN and BIC',
      );
    if (order.currency.toUpperCase() !== 'EUR') {
      reason(
        'cod_currency',
        'currency',
        `cash on delivery is collected in EUR, not ${order.currency}`,
      );
    }
    if (cod && cents > 0) {
      const reference = finnishReference(order.orderNumber);
      services.push({
        code: POSTI_SERVICES.cashOnDelivery,
        specifiers: {
          amount: String(cents),
          account: cod.iban,
          codbic: cod.bic.toUpperCase(),
          ...(reference ? { reference } : {}),
        },
      });
    }
  }
  if (parcels.length > 1) {
    services.push({
      code: POSTI_SERVICES.multipacket,
      specifiers: { count: String(parcels.length) },
    });
  }
  if (settings.additionalServices.fragile) services.push({ code: POSTI_SERVICES.fragile });
  if (settings.additionalServices.eNotice || !phone) {
    if (!phone && email) notes.push('arrival notice by e-mail: no usable phone');
    services.push({ code: POSTI_SERVICES.eNotice });
  }
  if (settings.callbackUrl) {
    services.push({
      code: POSTI_SERVICES.trackingCallback,
      specifiers: { url: settings.callbackUrl },
    });
  }

  if (reasons.length) return invalid(reasons);
  return {
    ok: true,
    notes,
    parcels: packedParcels,
    shipment: {
      sender: senderParty(settings.sender),
      recipient: {
        name1: name || company,
        name2: name && company ? company : null,
        addr1: street,
        addr2: clean(to.street2) || null,
        postcode: postcode ?? '',
        city,
        country,
        phone: phone ?? null,
        email: email ?? null,
      },
      reference: destinationOrderNumber(order, index),
      product: choice.productCode,
      additionalServices: services,
      parcels,
    },
  };
}
