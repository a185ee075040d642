import { digest, type PickupPoint, type Quote, type QuoteResult } from '@shiplink/domain';

/** How many pickup points a pickup service offers at checkout. */
export const PICKUP_POINTS_OFFERED = 5;

type MessageType = 'INFO' | 'WARNING' | 'ERROR';

/** One of BigCommerce's quotes (RateResponsePayload › carrier_quotes › quotes). */
interface BigCommerceQuote {
  code: string;
  display_name: string;
  cost: { currency: string; amount: number };
  description?: string;
  rate_id: string;
  transit_time: { units: 'BUSINESS_DAYS' | 'DAYS'; duration: number };
  messages: { text: string; type: MessageType }[];
}

const distance = (point: PickupPoint) =>
  point.distanceMetres === null ? '' : ` (${(point.distanceMetres / 1000).toFixed(1)} km)`;

function bigCommerceQuote(quote: Quote, pickup?: PickupPoint): BigCommerceQuote {
  const description = pickup
    ? [`${pickup.name}, ${pickup.street}, ${pickup.postcode} ${pickup.city}`, pickup.openingHours]
        .filter(Boolean)
        .join(' · ')
    : (quote.description ?? undefined);
  return {
    // The pickup point travels in the rate's code: the order's shipping method carries it back.
    code: pickup ? `${quote.code}:${pickup.id}` : quote.code,
    display_name: pickup
      ? `${quote.displayName} – ${pickup.name}${distance(pickup)}`
      : quote.displayName,
    cost: { currency: quote.cost.currency, amount: Number(quote.cost.amount) },
    ...(description ? { description } : {}),
    rate_id: pickup ? digest(`${quote.rateId}|${pickup.id}`, 24) : quote.rateId,
    // BigCommerce takes 1–90.
    transit_time: {
      units: quote.transit.units,
      duration: Math.min(90, Math.max(1, quote.transit.maxDays)),
    },
    messages: [],
  };
}

/**
 * The answer to BigCommerce's rate request: the engine's quotes, pickup services once per
 * nearest pickup point (or once, without a point, when none could be had), and every message the
 * shopper's checkout should carry (a fallback, points from cache) as INFO or WARNING.
 */
export function rateResponse(input: {
  quoteId: string;
  result: QuoteResult;
  pickupPoints: PickupPoint[];
  notes: { text: string; type: MessageType }[];
  ttlSeconds: number;
}) {
  const quotes = input.result.quotes.flatMap((quote) =>
    quote.needsPickupPoint && input.pickupPoints.length > 0
      ? input.pickupPoints
          .slice(0, PICKUP_POINTS_OFFERED)
          .map((point) => bigCommerceQuote(quote, point))
      : [bigCommerceQuote(quote)],
  );
  return {
    quote_id: input.quoteId,
    ttl: input.ttlSeconds,
    messages: [
      ...input.result.messages.map((text) => ({ text, type: 'INFO' as const })),
      ...input.notes,
    ],
    carrier_quotes:
      quotes.length > 0 ? [{ carrier_info: { code: 'posti', display_name: 'Posti' }, quotes }] : [],
  };
}
