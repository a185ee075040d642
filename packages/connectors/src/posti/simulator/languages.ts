/** The languages `/shipping-methods/*` answer in; FI when none (or an unknown one) is asked for. */
export const LANGUAGES = ['FI', 'SE', 'EN'] as const;

/** One of the API's languages. */
export type Language = (typeof LANGUAGES)[number];

/** A text in each of the API's languages. */
export type Localized = Record<Language, string>;

/** The request's `language` parameter, read as the API does. */
export function languageOf(value: string | undefined): Language {
  const upper = value?.trim().toUpperCase();
  return LANGUAGES.find((language) => language === upper) ?? 'FI';
}
