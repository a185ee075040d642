import { html, trustedHtml, type SafeHtml } from './html';
import { isPageLocale, MESSAGES, messagesFor, pageLocale, type Messages } from './i18n';
import type { Branding, LanguageLink, PageChrome } from './model';
import { brandStylesheet } from './styles';
import { httpsUrl, mailtoUrl, pageUrl, telUrl } from './urls';

// The referrer policy is `same-origin`: tracking links carry a token in the URL, which must not
// reach the carrier, the logo's host or the support site, while the lookup form's own POST keeps
// a real Origin header (under `no-referrer` it would be "null").

export interface DocumentParts {
  /** The `<h1>` text; the document title is built from it. */
  heading: string;
  /** Prefixes the title with "Error:" so that screen reader users hear the outcome first. */
  isError?: boolean;
  /** The content of `<main>` after the `<h1>`. */
  body: SafeHtml;
}

function brand(branding: Branding): SafeHtml {
  const logo = httpsUrl(branding.logoUrl);
  return logo
    ? html`<div class="brand"><img src="${logo}" alt="${branding.storeName}" /></div>`
    : html`<div class="brand">${branding.storeName}</div>`;
}

function languageNav(languages: readonly LanguageLink[], label: string): SafeHtml | null {
  const links = languages.flatMap((language) => {
    const href = pageUrl(language.href);
    if (!href || !isPageLocale(language.locale)) return [];
    const code = language.locale;
    return [
      html`<li>
        <a
          href="${href}"
          lang="${code}"
          hreflang="${code}"
          ${language.current ? html` aria-current="page"` : null}
          >${MESSAGES[code].languageName}</a
        >
      </li>`,
    ];
  });
  return links.length > 0
    ? html`<nav class="langs" aria-label="${label}">
        <ul>
          ${links}
        </ul>
      </nav>`
    : null;
}

function support(branding: Branding, t: Messages): SafeHtml {
  const email = mailtoUrl(branding.supportEmail);
  const phone = telUrl(branding.supportPhone);
  const site = httpsUrl(branding.supportUrl);
  const contacts = [
    email && branding.supportEmail
      ? html`<li>${t.supportEmail}: <a href="${email}">${branding.supportEmail.trim()}</a></li>`
      : null,
    phone && branding.supportPhone
      ? html`<li>${t.supportPhone}: <a href="${phone}">${branding.supportPhone.trim()}</a></li>`
      : null,
    site ? html`<li><a href="${site}" rel="noreferrer">${t.supportWebsite}</a></li>` : null,
  ].filter((item) => item !== null);
  if (contacts.length === 0) return html`<p>${branding.storeName}</p>`;
  return html`<h2>${t.supportHeading}</h2>
    <p>${t.supportIntro(branding.storeName)}</p>
    <ul class="contact">
      ${contacts}
    </ul>`;
}

/** The whole document around a page's content: head, header, main, footer. */
export function renderDocument(chrome: PageChrome, parts: DocumentParts): string {
  const locale = pageLocale(chrome.locale);
  const t = messagesFor(locale);
  const { branding } = chrome;
  const title = `${parts.isError ? t.errorTitlePrefix : ''}${parts.heading} – ${branding.storeName}`;
  const css = trustedHtml(brandStylesheet(branding));
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="format-detection" content="telephone=no" />
        <title>${title}</title>
        <style nonce="${chrome.styleNonce}">
          ${css}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${t.skipToContent}</a>
        <header class="site">
          <div class="wrap">${brand(branding)}${languageNav(chrome.languages, t.languageNav)}</div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
          <h1>${parts.heading}</h1>
          ${parts.body}
        </main>
        <footer class="site-footer"><div class="wrap">${support(branding, t)}</div></footer>
      </body>
    </html> `.toString();
}
