import { LOCALES, type Locale, type LocalizedText } from './service';

/**
 * The language a quote is shown in, from whatever the caller has ("fi", "sv-FI", "EN_gb"):
 * Finnish, Swedish or English, English for any other.
 */
export function localeOf(language: string | undefined): Locale {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
}

/** The text in that language, or the English one. */
export const textIn = (text: LocalizedText, locale: Locale): string => text[locale] ?? text.en;
