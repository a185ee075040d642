import { formatMoney, messageFacts } from './money';

describe('formatMoney', () => {
  it.each([
    ['en', 'EUR', '49.90', '€49.90'],
    ['fi', 'EUR', '49.90', '49,90 €'],
    ['sv', 'SEK', '1249.5', '1 249,50 kr'],
    ['de', 'EUR', '1249.5', '1.249,50 €'],
    ['en', 'SEK', '8.0000', 'SEK 8.00'],
    ['fi', 'EUR', '-3', '-3,00 €'],
    // A decimal string is not a float on the way: half a cent rounds as written.
    ['en', 'EUR', '0.125', '€0.13'],
  ] as const)('%s %s %s is %s', (language, currency, amount, expected) => {
    expect(formatMoney(amount, currency, language)).toBe(expected);
  });

  it('writes plain spaces and hyphens, which a GSM-7 text message has', () => {
    for (const language of ['fi', 'sv', 'de'] as const) {
      expect(formatMoney('-1249.5', 'EUR', language)).toMatch(/^[-0-9 .,€]+$/);
    }
  });
});

describe('messageFacts', () => {
  it('says an amount in the order’s currency when the news names none', () => {
    expect(messageFacts({ amount: '12' }, 'en', 'GBP')).toEqual({
      amount: '£12.00',
      currency: 'GBP',
      items: null,
    });
    expect(messageFacts({ items: 3 }, 'fi', 'EUR')).toEqual({
      amount: null,
      currency: null,
      items: 3,
    });
    expect(messageFacts(null, 'fi', 'EUR')).toEqual({ amount: null, currency: null, items: null });
  });
});
