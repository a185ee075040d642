import type { OrderNotificationFacts, PageLanguage } from '@shiplink/domain';
import { INTL_LOCALES } from './dates';
import type { MessageFacts } from './model';

// The locales' spaces are no-break ones (and Swedish and Finnish write U+2212 for minus): none is
// in the GSM-7 alphabet, where one such character turns a whole text message into UCS-2.
const PLAIN = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount (a decimal string, exactly as given, rounded to the currency's digits) for a
 * customer reading `language`: `€49.90`, `49,90 €`, `49,90 kr`.
 */
export function formatMoney(amount: string, currency: string, language: PageLanguage): string {
  const key = `${language}:${currency}`;
  let format = formatters.get(key);
  try {
    if (!format) {
      format = new Intl.NumberFormat(INTL_LOCALES[language], { style: 'currency', currency });
      formatters.set(key, format);
    }
    // A decimal string is formatted as written: no float rounding on the way.
    return PLAIN(format.format(amount as Intl.StringNumericLiteral));
  } catch {
    // A currency Intl refuses (never one of ISO 4217's three letters): still worth saying.
    return `${amount} ${currency}`;
  }
}

/**
 * What a template sees of an order message's facts, in the message's language. An amount with
 * no currency of its own is in `orderCurrency` (the order's).
 */
export function messageFacts(
  facts: OrderNotificationFacts | null | undefined,
  language: PageLanguage,
  orderCurrency: string,
): MessageFacts {
  const currency = facts?.currency ?? (facts?.amount !== undefined ? orderCurrency : null);
  return {
    amount:
      facts?.amount !== undefined
        ? formatMoney(facts.amount, currency ?? orderCurrency, language)
        : null,
    currency,
    items: facts?.items ?? null,
  };
}

/** A parcel message's facts: none. */
export const NO_FACTS: Readonly<MessageFacts> = Object.freeze({
  amount: null,
  currency: null,
  items: null,
});
