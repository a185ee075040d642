import { lastDays, localDateTimeToIso, periodQuery } from './period';

describe('periods', () => {
  it('counts the last days including today', () => {
    expect(lastDays(new Date('2026-11-30T18:00:00Z'), 30)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('sends the day after the last one as the excluded end', () => {
    expect(periodQuery({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      ok: true,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });

  it('takes a single day', () => {
    expect(periodQuery({ from: '2026-11-05', to: '2026-11-05' })).toMatchObject({
      to: '2026-11-06T00:00:00.000Z',
    });
  });

  it.each([
    [{ from: '', to: '2026-11-01' }, 'Give both dates as YYYY-MM-DD.'],
    [{ from: '2026-11-02', to: '2026-11-01' }, 'The last day comes before the first.'],
    [{ from: '2026-02-31', to: '2026-03-01' }, 'Not a real date.'],
  ])('refuses %j', (range, message) => {
    expect(periodQuery(range)).toEqual({ ok: false, message });
  });

  it('refuses a period longer than allowed', () => {
    expect(periodQuery({ from: '2025-01-01', to: '2026-12-31' }, 366)).toEqual({
      ok: false,
      message: 'A period covers at most 366 days.',
    });
  });

  it('reads a local date-time field', () => {
    const iso = localDateTimeToIso('2026-11-01T10:30');
    expect(iso).toMatch(/^2026-1[01]-\d{2}T\d{2}:30:00\.000Z$/);
    expect(new Date(iso!).getMinutes()).toBe(30);
    expect(localDateTimeToIso('')).toBeUndefined();
    expect(localDateTimeToIso('soon')).toBeUndefined();
  });
});
