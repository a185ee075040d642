import { formatDate, offsetLabel } from './dates';

describe('formatDate', () => {
  it('shows an ISO date as a day, never shifted by a time zone', () => {
    expect(formatDate('2025-03-22', 'en')).toBe('Saturday, 22 March 2025');
    expect(formatDate('2025-03-22', 'fi')).toBe('lauantai 22. maaliskuuta 2025');
    expect(formatDate('2025-03-22', 'sv')).toBe('lördag 22 mars 2025');
    expect(formatDate('2025-03-22', 'de')).toBe('Samstag, 22. März 2025');
    expect(formatDate('2025-03-22', 'en', 'medium')).toBe('22 Mar 2025');
  });

  it('shows a date-time at its own wall clock, with its offset', () => {
    expect(formatDate('2025-03-20T18:00:00+02:00', 'en')).toBe(
      'Thursday, 20 March 2025 at 18:00 (UTC+2)',
    );
    expect(formatDate('2025-03-20T23:30:00-05:00', 'en', 'medium')).toBe(
      '20 Mar 2025, 23:30 (UTC-5)',
    );
    expect(formatDate('2025-03-20T18:00:00.123Z', 'sv', 'medium')).toBe('20 mars 2025 18:00 (UTC)');
    expect(formatDate('2025-03-20T18:00+05:30', 'fi', 'medium')).toBe(
      '20.3.2025 klo 18.00 (UTC+5:30)',
    );
    expect(formatDate('2025-03-20T18:00+0545', 'de', 'medium')).toBe(
      '20.03.2025, 18:00 (UTC+5:45)',
    );
  });

  it('shows a date-time without an offset as the wall time alone', () => {
    expect(formatDate('2025-03-20T07:05', 'en', 'medium')).toBe('20 Mar 2025, 07:05');
  });

  it('returns anything it cannot read as it was', () => {
    for (const value of ['next week', '2025-02-30', '2025-03-20T25:00', '2025-03-20T10:00+19:00']) {
      expect(formatDate(value, 'en')).toBe(value);
    }
  });
});

describe('offsetLabel', () => {
  it('is short and language-neutral', () => {
    expect([0, 120, -300, 330, -570].map(offsetLabel)).toEqual([
      'UTC',
      'UTC+2',
      'UTC-5',
      'UTC+5:30',
      'UTC-9:30',
    ]);
  });
});
