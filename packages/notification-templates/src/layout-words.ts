import type { PageLanguage } from '@shiplink/domain';

/** The layout's own words: the footer around every message, which merchants do not edit. */
export interface LayoutWords {
  /** Followed by the store's contact details. */
  questions: string;
  /** Why the customer gets this message; `{store}` is the store's name. */
  reason: string;
  unsubscribe: string;
  /** Before the order number, where an order's news (no parcel) is summed up. */
  order: string;
}

export const LAYOUT_WORDS: Readonly<Record<PageLanguage, LayoutWords>> = {
  en: {
    questions: 'Questions? We are happy to help:',
    reason: 'You are receiving this message because you placed an order with {store}.',
    unsubscribe: 'Unsubscribe from delivery updates',
    order: 'Order',
  },
  fi: {
    questions: 'Kysyttävää? Autamme mielellämme:',
    reason: 'Saat tämän viestin, koska teit tilauksen kaupasta {store}.',
    unsubscribe: 'Lopeta toimitusilmoitusten tilaus',
    order: 'Tilaus',
  },
  sv: {
    questions: 'Frågor? Vi hjälper gärna till:',
    reason: 'Du får det här meddelandet eftersom du har gjort en beställning hos {store}.',
    unsubscribe: 'Avsluta prenumerationen på leveransuppdateringar',
    order: 'Beställning',
  },
  de: {
    questions: 'Fragen? Wir helfen Ihnen gern:',
    reason: 'Sie erhalten diese Nachricht, weil Sie bei {store} bestellt haben.',
    unsubscribe: 'Versandbenachrichtigungen abbestellen',
    order: 'Bestellung',
  },
};
