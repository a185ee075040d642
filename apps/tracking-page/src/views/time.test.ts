import { formatEstimatedDelivery, formatEventTime, offsetLabel } from './time';

// ICU may separate date parts with narrow or non-breaking spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatEventTime', () => {
  it('shows the wall time at the checkpoint with its offset (+02:00)', () => {
    const shown = formatEventTime('2025-03-05T14:02:11+02:00', false, 'en');
    expect(plain(shown.text)).toBe('5 Mar 2025, 14:02 (UTC+2)');
    expect(shown.datetime).toBe('2025-03-05T14:02:11+02:00');
  });

  it('formats for the page locale', () => {
    const at = '2025-03-05T14:02:11+02:00';
    expect(plain(formatEventTime(at, false, 'fi').text)).toBe('5.3.2025 klo 14.02 (UTC+2)');
    expect(plain(formatEventTime(at, false, 'sv').text)).toBe('5 mars 2025 14:02 (UTC+2)');
    expect(plain(formatEventTime(at, false, 'de').text)).toBe('05.03.2025, 14:02 (UTC+2)');
  });

  it('keeps negative and half-hour offsets, and the date at the checkpoint', () => {
    expect(plain(formatEventTime('2025-03-05T23:30:00-05:00', false, 'en').text)).toBe(
      '5 Mar 2025, 23:30 (UTC-5)',
    );
    const kolkata = formatEventTime('2025-03-06T01:15:00+05:30', false, 'en');
    expect(plain(kolkata.text)).toBe('6 Mar 2025, 01:15 (UTC+5:30)');
    expect(kolkata.datetime).toBe('2025-03-06T01:15:00+05:30');
  });

  it('labels Z as UTC', () => {
    const shown = formatEventTime('2025-03-05T12:00:00.123Z', false, 'en');
    expect(plain(shown.text)).toBe('5 Mar 2025, 12:00 (UTC)');
    expect(shown.datetime).toBe('2025-03-05T12:00:00Z');
  });

  it('shows local wall time without an offset label', () => {
    const shown = formatEventTime('2025-03-05T14:02:11', true, 'en');
    expect(plain(shown.text)).toBe('5 Mar 2025, 14:02');
    expect(shown.datetime).toBe('2025-03-05T14:02:11');
    expect(plain(formatEventTime('2025-03-05T14:02', true, 'de').text)).toBe('05.03.2025, 14:02');
  });

  it('does not depend on the server time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(plain(formatEventTime('2025-03-05T23:59:00-10:00', false, 'en').text)).toBe(
        '5 Mar 2025, 23:59 (UTC-10)',
      );
    } finally {
      process.env.TZ = before;
    }
  });

  it.each([
    'yesterday',
    '2025-13-01T10:00:00Z',
    '2025-02-30T10:00:00Z',
    '2025-03-05T25:00:00Z',
    '',
    '<b>',
  ])('shows %j as given, without throwing', (value) => {
    expect(formatEventTime(value, false, 'fi')).toEqual({ text: value, datetime: null });
  });
});

describe('formatEstimatedDelivery', () => {
  it('shows a date-only estimate as a date', () => {
    const shown = formatEstimatedDelivery('2025-03-07', 'en');
    expect(plain(shown.text)).toBe('Friday, 7 March 2025');
    expect(shown.datetime).toBe('2025-03-07');
    expect(plain(formatEstimatedDelivery('2025-03-07', 'de').text)).toBe('Freitag, 7. März 2025');
  });

  it('shows a date-time estimate with time and offset', () => {
    const shown = formatEstimatedDelivery('2025-03-07T18:00:00+01:00', 'sv');
    expect(plain(shown.text)).toBe('fredag 7 mars 2025 kl. 18:00 (UTC+1)');
    expect(shown.datetime).toBe('2025-03-07T18:00:00+01:00');
  });

  it('shows an invalid estimate as given', () => {
    expect(formatEstimatedDelivery('next week', 'en')).toEqual({
      text: 'next week',
      datetime: null,
    });
  });
});

describe('offsetLabel', () => {
  it.each([
    [0, 'UTC'],
    [120, 'UTC+2'],
    [-300, 'UTC-5'],
    [330, 'UTC+5:30'],
    [-570, 'UTC-9:30'],
    [345, 'UTC+5:45'],
  ])('%d minutes is %s', (minutes, label) => {
    expect(offsetLabel(minutes)).toBe(label);
  });
});
