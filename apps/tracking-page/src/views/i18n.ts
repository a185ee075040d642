import { PAGE_LOCALES, type PageLocale } from './model';
import { de } from './i18n/de';
import { en } from './i18n/en';
import { fi } from './i18n/fi';
import type { Messages } from './i18n/messages';
import { sv } from './i18n/sv';

export type { ErrorKind, Messages, NotedStatus, ProgressStep } from './i18n/messages';
export { NOTED_STATUSES, PROGRESS_STEPS } from './i18n/messages';

export const MESSAGES: Readonly<Record<PageLocale, Messages>> = { en, fi, sv, de };

export function isPageLocale(value: unknown): value is PageLocale {
  return typeof value === 'string' && (PAGE_LOCALES as readonly string[]).includes(value);
}

/** The page's locale, or English when the caller handed something else at runtime. */
export function pageLocale(value: unknown): PageLocale {
  return isPageLocale(value) ? value : 'en';
}

export function messagesFor(locale: PageLocale): Messages {
  return MESSAGES[pageLocale(locale)];
}
