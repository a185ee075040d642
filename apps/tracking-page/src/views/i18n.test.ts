import { TRACKING_STATUSES } from '@shiplink/domain';
import { MESSAGES, NOTED_STATUSES, PROGRESS_STEPS, messagesFor } from './i18n';
import { PAGE_LOCALES, type PageLocale } from './model';

/** Every leaf of a dictionary as `path → value`; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'function') return [[path, (value as (...a: unknown[]) => unknown)('X', 2)]];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      leaves(inner, path ? `${path}.${key}` : key),
    );
  return [[path, value]];
}

const english = new Map(leaves(MESSAGES.en));

describe('dictionaries', () => {
  it.each(PAGE_LOCALES)('%s has every key, each a non-empty string', (locale) => {
    const dictionary = new Map(leaves(MESSAGES[locale]));
    expect([...dictionary.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of dictionary) {
      expect({ key, type: typeof text }).toEqual({ key, type: 'string' });
      expect({ key, empty: (text as string).trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it.each(PAGE_LOCALES)('%s words every canonical status, note and progress step', (locale) => {
    const t = MESSAGES[locale];
    for (const status of TRACKING_STATUSES) expect(t.status[status]).toEqual(expect.any(String));
    for (const status of NOTED_STATUSES) expect(t.statusNote[status]).toEqual(expect.any(String));
    for (const step of PROGRESS_STEPS) expect(t.progressStep[step]).toEqual(expect.any(String));
    expect(Object.keys(t.status)).toHaveLength(TRACKING_STATUSES.length);
  });

  it('speaks customer language for the main statuses', () => {
    const words = (status: 'in_transit' | 'available_for_pickup') =>
      PAGE_LOCALES.map((locale) => MESSAGES[locale].status[status]);
    expect(words('in_transit')).toEqual(['On its way', 'Matkalla', 'På väg', 'Unterwegs']);
    expect(words('available_for_pickup')).toEqual([
      'Ready for pickup',
      'Noudettavissa',
      'Klar att hämta',
      'Zur Abholung bereit',
    ]);
  });

  it('names each language in itself', () => {
    expect(PAGE_LOCALES.map((locale) => MESSAGES[locale].languageName)).toEqual([
      'English',
      'Suomi',
      'Svenska',
      'Deutsch',
    ]);
  });

  it('has one not-found message that names no field', () => {
    expect(MESSAGES.en.problem.not_found).toContain(
      'We could not find an order with these details',
    );
    for (const locale of PAGE_LOCALES) {
      const text = MESSAGES[locale].problem.not_found.toLowerCase();
      for (const field of [
        'e-mail',
        'e-post',
        'sähköposti',
        'postcode',
        'postnummer',
        'postinumero',
        'postleitzahl',
      ])
        expect(text).not.toContain(field);
    }
  });

  it('fills in order numbers and positions', () => {
    expect(MESSAGES.en.orderHeading('1234')).toBe('Order 1234');
    expect(MESSAGES.fi.orderHeading('1234')).toBe('Tilaus 1234');
    expect(MESSAGES.de.parcelHeading(2, 3)).toBe('Paket 2 von 3');
    expect(MESSAGES.sv.progressPosition(3, 5)).toBe('Steg 3 av 5');
  });

  it('falls back to English for a locale it does not know', () => {
    expect(messagesFor('xx' as PageLocale)).toBe(MESSAGES.en);
  });
});
