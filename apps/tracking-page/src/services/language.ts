import { PAGE_LANGUAGES, type PageLanguage } from '@shiplink/domain';

export const isPageLanguage = (value: unknown): value is PageLanguage =>
  typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value);

/** A BCP 47 tag (`fi-FI`, `sv_SE`, `DE`) as one of the page's languages, if it is one. */
export function pageLanguageOf(tag: string | null | undefined): PageLanguage | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isPageLanguage(primary) ? primary : undefined;
}

/**
 * The page's language, in this order: the link's (`?lang=`), the customer's pick (the switcher
 * remembers it), the order's, the browser's (`Accept-Language`, best first), the store's default.
 */
export function chooseLanguage(input: {
  link: string | undefined;
  picked: string | undefined;
  order: string | null | undefined;
  browser: readonly string[];
  storeDefault: PageLanguage;
}): PageLanguage {
  return (
    pageLanguageOf(input.link) ??
    pageLanguageOf(input.picked) ??
    pageLanguageOf(input.order) ??
    input.browser.map(pageLanguageOf).find((language) => language !== undefined) ??
    input.storeDefault
  );
}
