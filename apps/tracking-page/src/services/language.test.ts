import { chooseLanguage, pageLanguageOf } from './language';

describe('the page language', () => {
  const base = {
    link: undefined,
    picked: undefined,
    order: null,
    browser: [],
    storeDefault: 'fi' as const,
  };

  it.each([
    ['the link wins', { link: 'sv', picked: 'de', order: 'en', browser: ['en'] }, 'sv'],
    ['then the customer’s pick', { picked: 'de', order: 'en', browser: ['sv'] }, 'de'],
    ['then the order’s', { order: 'en-GB', browser: ['sv'] }, 'en'],
    ['then the browser’s, best first', { browser: ['nl-NL', 'sv-FI', 'en'] }, 'sv'],
    ['then the store’s default', { browser: ['nl', 'fr'] }, 'fi'],
    ['languages the page does not speak are passed over', { link: 'xx', picked: 'nl' }, 'fi'],
  ])('%s', (_what, input, expected) => {
    expect(chooseLanguage({ ...base, ...input })).toBe(expected);
  });

  it.each([
    ['fi-FI', 'fi'],
    ['SV_se', 'sv'],
    ['DE', 'de'],
    ['', undefined],
    [null, undefined],
    ['english', undefined],
  ])('reads %j as %j', (tag, language) => {
    expect(pageLanguageOf(tag)).toBe(language);
  });
});
