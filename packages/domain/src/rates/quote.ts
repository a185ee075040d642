import { type Cart } from './cart';
import { evaluate, type Quote, type QuoteOptions } from './evaluate';
import { type RateRuleSet } from './rule-set';

/**
 * The checkout answer: the services the cart's zone offers for it, priced in the cart's
 * currency, in the order the zone lists them. Pure and synchronous; the app adds pickup points
 * (to quotes with `needsPickupPoint`) and turns this into BigCommerce's rate response.
 */
export interface QuoteResult {
  quotes: Quote[];
  /** Why something is not offered, in English, for the response's `messages`. */
  messages: string[];
}

export function quoteRates(
  ruleSet: RateRuleSet,
  cart: Cart,
  options: QuoteOptions = {},
): QuoteResult {
  const { quotes, messages } = evaluate(ruleSet, cart, options);
  return { quotes, messages };
}

export const FALLBACK_MESSAGE =
  'Live Posti data is unavailable: these rates come from the store’s rules, without pickup points.';

/**
 * The same quotes when live Posti data (pickup points) cannot be had in time: the same prices
 * and rate ids, each marked `fallback`, and FALLBACK_MESSAGE first among the messages.
 */
export function fallbackQuotes(
  ruleSet: RateRuleSet,
  cart: Cart,
  options: QuoteOptions = {},
): QuoteResult {
  const { quotes, messages } = evaluate(ruleSet, cart, { ...options, fallback: true });
  return { quotes, messages: quotes.length > 0 ? [FALLBACK_MESSAGE, ...messages] : messages };
}
