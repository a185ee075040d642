import {
  cellText,
  formatDateTime,
  formatDuration,
  formatHours,
  formatHoursShort,
  formatPercent,
  NONE,
  plural,
  words,
} from './format';

describe('formatting', () => {
  it('writes a date-time in the zone asked for', () => {
    expect(formatDateTime('2026-11-03T14:05:00Z', 'UTC')).toBe('3 Nov 2026, 14:05');
    expect(formatDateTime(null)).toBe(NONE);
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it.each([
    [0.9234, '92.3 %'],
    [1, '100.0 %'],
    [0, '0.0 %'],
    [null, NONE],
  ])('writes the rate %p as %s', (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });

  it.each([
    [5.25, '5.3 h'],
    [36, '36.0 h (1.5 d)'],
    [null, NONE],
  ])('writes %p transit hours as %s', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it.each([
    [850, '850 ms'],
    [2400, '2.4 s'],
    [120_000, '2 min'],
    [185_000, '3 min 5 s'],
    [undefined, NONE],
  ])('writes %p ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('counts in words', () => {
    expect(plural(1, 'dead letter')).toBe('1 dead letter');
    expect(plural(3, 'dead letter')).toBe('3 dead letters');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });

  it('shows any cell value as text', () => {
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(false)).toBe('false');
    expect(cellText('')).toBe(NONE);
    expect(cellText('2026-11-28T10:00:02Z', 'UTC')).toBe('28 Nov 2026, 10:00');
    expect(cellText('2026-11-28')).toBe('2026-11-28');
  });

  it('reads codes as words', () => {
    expect(words('awaiting_approval')).toBe('awaiting approval');
    expect(words('order.import')).toBe('order import');
  });
});

describe('short hours', () => {
  it.each([
    [5.25, '5.3 h'],
    [120, '120 h'],
    [null, NONE],
  ])('writes %p as %s', (hours, text) => {
    expect(formatHoursShort(hours)).toBe(text);
  });
});
