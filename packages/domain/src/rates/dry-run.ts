import { type Cart } from './cart';
import { evaluate, type QuoteExplanation, type QuoteOptions } from './evaluate';
import { type RateRuleSet } from './rule-set';

/**
 * The admin API's "what would checkout show for this cart and address?": the zone chosen, every
 * service of it with the parcels it would use and its price line by line, or why it is not
 * offered. Its `quotes` and `messages` are exactly what `quoteRates` answers.
 */
export function explainQuote(
  ruleSet: RateRuleSet,
  cart: Cart,
  options: QuoteOptions = {},
): QuoteExplanation {
  return evaluate(ruleSet, cart, options);
}
