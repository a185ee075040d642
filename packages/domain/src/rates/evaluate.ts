import { type Money } from '../money';
import { SUBTOTAL_DECIMALS, fromUnits, toUnits } from './amounts';
import { type Cart } from './cart';
import { localeOf, textIn } from './localize';
import { packParcels, type PackingExclusion, type Parcel } from './packing';
import { postiProduct, type ServiceCode, type ServiceKind } from './posti';
import { priceService, type PriceLine } from './pricing';
import { cartFingerprint, rateIdOf } from './rate-id';
import { type RateRuleSet, type RateZone } from './rule-set';
import { type Locale, type RateService } from './service';
import { normalizePostcode, selectZone } from './zones';

/**
 * One evaluation of a cart against a rule set, which both the checkout answer (`quoteRates`)
 * and the admin's dry run (`explainQuote`) are views of, so the two never disagree.
 */

/** A rate the checkout can offer: a pre-tax shipping cost, no tax or promotion applied. */
export interface Quote {
  code: ServiceCode;
  /** The Posti product the shipment is to be created with ("2104"). */
  product: string;
  kind: ServiceKind;
  /** The app lists pickup points for this quote (a pickup service or pickup product). */
  needsPickupPoint: boolean;
  zoneId: string;
  displayName: string;
  /** The delivery promise, when the service has one. */
  description: string | null;
  language: Locale;
  cost: { currency: string; amount: Money };
  /** Free-above made it free. */
  free: boolean;
  transit: { minDays: number; maxDays: number; units: 'BUSINESS_DAYS' | 'DAYS' };
  parcels: number;
  /** Stable for the same cart, service, price and rule-set version. */
  rateId: string;
  /** Made without live Posti data (`fallbackQuotes`): prices as always, no pickup points. */
  fallback: boolean;
}

export interface QuoteOptions {
  /** The shopper's language ("fi", "sv-FI"); English when missing or not offered. */
  language?: string;
}

export type ExclusionReason =
  'replaced_by_flat' | 'address_type' | 'not_priced_in_currency' | 'no_band' | PackingExclusion;

interface ServiceHeading {
  code: ServiceCode;
  kind: ServiceKind;
  product: string;
  name: string;
}

export type ServiceExplanation = ServiceHeading &
  (
    | { outcome: 'quoted'; parcels: Parcel[]; breakdown: PriceLine[]; quote: Quote }
    | { outcome: 'excluded'; reason: ExclusionReason; detail: string; parcels: Parcel[] }
  );

export interface QuoteExplanation {
  ruleSet: { storeId: string; version: number };
  destination: {
    country: string;
    postcode: string;
    addressType: Cart['destination']['addressType'];
  };
  currency: string;
  /** The item prices' sum free-above is compared with, unrounded ("49.995"). */
  subtotal: Money;
  language: Locale;
  zone: { id: string; name: string } | null;
  /** Every service of the zone, in its order, quoted or with why not. */
  services: ServiceExplanation[];
  quotes: Quote[];
  messages: string[];
}

/** The subtotal in 10^-SUBTOTAL_DECIMALS units: prices are exact, so is their sum. */
const subtotalOf = (cart: Cart) =>
  cart.items.reduce(
    (sum, item) => sum + (toUnits(item.priceEach, SUBTOTAL_DECIMALS) ?? 0) * item.quantity,
    0,
  );

/** "50.0000" → "50.00", "49.9950" → "49.995". */
function subtotalText(units: number): Money {
  const [whole, fraction = ''] = fromUnits(units, SUBTOTAL_DECIMALS).split('.');
  return `${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
}

function explainService(
  service: RateService,
  context: {
    ruleSet: RateRuleSet;
    zone: RateZone;
    cart: Cart;
    locale: Locale;
    subtotal: number;
    fingerprint: string;
    flatZone: boolean;
    fallback: boolean;
  },
): ServiceExplanation {
  const { ruleSet, zone, cart, locale } = context;
  const heading: ServiceHeading = {
    code: service.code,
    kind: service.kind,
    product: service.product,
    name: textIn(service.names, locale),
  };
  const excluded = (reason: ExclusionReason, detail: string, parcels: Parcel[] = []) => ({
    ...heading,
    outcome: 'excluded' as const,
    reason,
    detail,
    parcels,
  });

  if (context.flatZone && service.kind !== 'flat') {
    return excluded(
      'replaced_by_flat',
      `zone ${zone.id} has flat rates, which replace band prices`,
    );
  }
  if (!service.addressTypes.includes(cart.destination.addressType)) {
    return excluded('address_type', `not offered to ${cart.destination.addressType} addresses`);
  }
  if (!Object.hasOwn(service.pricing, cart.currency)) {
    return excluded('not_priced_in_currency', `${service.code} has no ${cart.currency} prices`);
  }
  const packed = packParcels(cart.items, service.limits, ruleSet.packing.tareKg);
  if (!packed.ok) return excluded(packed.reason, packed.detail);
  const priced = priceService(service, cart.currency, packed.parcels, context.subtotal);
  if (!priced.ok) return excluded(priced.reason, priced.detail, packed.parcels);

  const quote: Quote = {
    code: service.code,
    product: service.product,
    kind: service.kind,
    needsPickupPoint:
      service.kind === 'pickup' || postiProduct(service.product)?.pickupPoint === true,
    zoneId: zone.id,
    displayName: heading.name,
    description: service.promise ? textIn(service.promise, locale) : null,
    language: locale,
    cost: { currency: cart.currency, amount: priced.amount },
    free: priced.free,
    transit: { ...service.transit },
    parcels: packed.parcels.length,
    rateId: rateIdOf(context.fingerprint, {
      storeId: ruleSet.storeId,
      version: ruleSet.version,
      zoneId: zone.id,
      code: service.code,
      amount: priced.amount,
    }),
    fallback: context.fallback,
  };
  return { ...heading, outcome: 'quoted', parcels: packed.parcels, breakdown: priced.lines, quote };
}

function messagesFor(zone: RateZone, cart: Cart, services: ServiceExplanation[]): string[] {
  const messages: string[] = [];
  if (zone.services.length === 0) messages.push(`${zone.name} has no delivery services.`);
  const unpriced = services.flatMap((s) =>
    s.outcome === 'excluded' && s.reason === 'not_priced_in_currency' ? [s.code] : [],
  );
  if (unpriced.length > 0) {
    messages.push(
      `Not priced in ${cart.currency}, and nothing is converted: ${unpriced.join(', ')}.`,
    );
  }
  const cannotCarry = services.some(
    (s) =>
      s.outcome === 'excluded' &&
      s.reason !== 'not_priced_in_currency' &&
      s.reason !== 'replaced_by_flat',
  );
  if (cannotCarry && !services.some((s) => s.outcome === 'quoted')) {
    messages.push('No delivery service can take this cart.');
  }
  return messages;
}

export function evaluate(
  ruleSet: RateRuleSet,
  cart: Cart,
  options: QuoteOptions & { fallback?: boolean } = {},
): QuoteExplanation {
  const locale = localeOf(options.language);
  const country = cart.destination.country.trim().toUpperCase();
  const subtotal = subtotalOf(cart);
  const base = {
    ruleSet: { storeId: ruleSet.storeId, version: ruleSet.version },
    destination: {
      country,
      postcode: normalizePostcode(cart.destination.postcode, country),
      addressType: cart.destination.addressType,
    },
    currency: cart.currency,
    subtotal: subtotalText(subtotal),
    language: locale,
  };
  const shipped = cart.items.some((item) => item.quantity > 0);
  const zone = selectZone(ruleSet, {
    country,
    postcode: cart.destination.postcode,
    channel: cart.channel,
  });
  if (!zone || !shipped) {
    const where = [country, base.destination.postcode].filter(Boolean).join(' ');
    const message = shipped
      ? `No delivery zone covers ${where}.`
      : 'The cart has no items to ship.';
    return {
      ...base,
      zone: zone ? { id: zone.id, name: zone.name } : null,
      services: [],
      quotes: [],
      messages: [message],
    };
  }

  const context = {
    ruleSet,
    zone,
    cart,
    locale,
    subtotal,
    fingerprint: cartFingerprint(cart),
    flatZone: zone.services.some((service) => service.kind === 'flat'),
    fallback: options.fallback ?? false,
  };
  const services = zone.services.map((service) => explainService(service, context));
  return {
    ...base,
    zone: { id: zone.id, name: zone.name },
    services,
    quotes: services.flatMap((s) => (s.outcome === 'quoted' ? [s.quote] : [])),
    messages: messagesFor(zone, cart, services),
  };
}
