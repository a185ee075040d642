import { renderErrorPage as renderRaw, type ErrorKind } from './index';
import { MESSAGES } from './i18n';
import { PAGE_LOCALES } from './model';
import { compactHtml, sampleChrome } from './samples';

const renderErrorPage = (...args: Parameters<typeof renderRaw>) => compactHtml(renderRaw(...args));

const KINDS: ErrorKind[] = ['not_found', 'gone', 'rate_limited'];

describe('renderErrorPage', () => {
  it.each(KINDS)('renders %s as a complete, accessible document', (kind) => {
    const page = renderErrorPage(sampleChrome('en'), kind);
    const text = MESSAGES.en.error[kind];
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain(`<title>Error: ${text.heading} – Nordic Knits</title>`);
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain(`<h1>${text.heading}</h1>`);
    expect(page).toContain(`<p>${text.body}</p>`);
    expect(page).toContain('<a href="/lookup">Look up your order</a>');
    expect(page).not.toMatch(/<script/i);
    for (const landmark of ['<header', '<main', '<footer']) expect(page).toContain(landmark);
  });

  it('uses the uniform not-found wording', () => {
    expect(renderErrorPage(sampleChrome('en'), 'not_found')).toContain(
      'We could not find an order with these details',
    );
  });

  it('says the link was withdrawn or expired, in every language', () => {
    for (const locale of PAGE_LOCALES) {
      const page = renderErrorPage(sampleChrome(locale), 'gone');
      expect(page).toContain(`<html lang="${locale}">`);
      expect(page).toContain(MESSAGES[locale].error.gone.heading);
    }
  });

  it('escapes the store name in the title and header', () => {
    const chrome = sampleChrome('fi');
    const page = renderErrorPage(
      { ...chrome, branding: { ...chrome.branding, storeName: '<script>"', logoUrl: null } },
      'rate_limited',
    );
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<div class="brand">&lt;script&gt;&quot;</div>');
  });
});
