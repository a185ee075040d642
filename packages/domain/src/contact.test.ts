import { normaliseEmail, normalisePhone, normalisePostcode } from './contact';

describe('normalisePostcode', () => {
  it.each([
    ['FI', '00100', '00100'],
    ['FI', ' 00 100 ', '00100'],
    ['FI', 'FI-00100', '00100'],
    ['FI', '0010', undefined],
    ['FI', '001000', undefined],
    ['FI', 'ABCDE', undefined],
    ['AX', '22100', '22100'],
    ['AX', '00100', undefined],
    ['SE', '113 56', '11356'],
    ['SE', 'S-113 56', '11356'],
    ['SE', '1135', undefined],
    ['NO', '0150', '0150'],
    ['NO', 'N-0150', '0150'],
    ['NO', '01500', undefined],
    ['DK', '1050', '1050'],
    ['DK', 'DK-1050', '1050'],
    ['EE', '10111', '10111'],
    ['EE', '1011', undefined],
    ['DE', ' 10115 ', '10115'],
    ['GB', 'sw1a 1aa', 'SW1A 1AA'],
    ['FI', null, undefined],
    ['FI', '  ', undefined],
  ])('%s %p → %p', (country, raw, expected) => {
    expect(normalisePostcode(country, raw)).toBe(expected);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['FI', '040 123 4567', '+358401234567'],
    ['FI', '040-1234567', '+358401234567'],
    ['FI', '(09) 123 4567', '+35891234567'],
    ['FI', '+358 40 123 4567', '+358401234567'],
    ['FI', '+358 (0)40 123 4567', '+358401234567'],
    ['FI', '+358 040 123 4567', '+358401234567'],
    ['FI', '00358 40 123 4567', '+358401234567'],
    ['FI', '358401234567', '+358401234567'],
    ['FI', '0501234567', '+358501234567'],
    ['FI', '040 123', undefined],
    ['FI', '040 123 4567 ext 2', undefined],
    ['AX', '018 12345', '+3581812345'],
    ['SE', '070-123 45 67', '+46701234567'],
    ['SE', '08-123 456 78', '+46812345678'],
    ['SE', '+46 70 123 45 67', '+46701234567'],
    ['NO', '912 34 567', '+4791234567'],
    ['NO', '+47 912 34 567', '+4791234567'],
    ['NO', '4791234567', '+4791234567'],
    ['NO', '1234567', undefined],
    ['DK', '20 12 34 56', '+4520123456'],
    ['DK', '0045 20 12 34 56', '+4520123456'],
    ['EE', '5123 4567', '+37251234567'],
    ['EE', '+372 512 3456', '+3725123456'],
    // Another country's number keeps its own calling code.
    ['FI', '+46 70 123 45 67', '+46701234567'],
    ['FI', '+49 30 1234567', '+49301234567'],
    ['DE', '030 1234567', '+49301234567'],
    ['DE', '0151 23456789', '+4915123456789'],
    ['US', '(415) 555-0100', undefined],
    ['FI', '', undefined],
    ['FI', null, undefined],
    ['FI', '+', undefined],
  ])('%s %p → %p', (country, raw, expected) => {
    expect(normalisePhone(country, raw)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['aino@example.fi', 'aino@example.fi'],
    [' aino@example.fi ', 'aino@example.fi'],
    ['aino@example', undefined],
    ['aino example.fi', undefined],
    ['', undefined],
  ])('e-mail %p → %p', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });
});
