import { afterQuietHours, timeZoneOf } from './quiet-hours';

const quiet = { start: '21:00', end: '08:00' };
const helsinki = 'Europe/Helsinki';

describe('quiet hours', () => {
  it.each([
    // Helsinki is UTC+2 in winter.
    ['at noon: now', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00.000Z'],
    ['at 22:30: 08:00 the next morning', '2026-12-01T20:30:00Z', '2026-12-02T06:00:00.000Z'],
    ['at 03:15: 08:00 the same morning', '2026-12-02T01:15:00Z', '2026-12-02T06:00:00.000Z'],
    ['at 07:59: a minute later', '2026-12-02T05:59:00Z', '2026-12-02T06:00:00.000Z'],
    ['at 08:00 sharp: now', '2026-12-02T06:00:00Z', '2026-12-02T06:00:00.000Z'],
    ['at 20:59: now', '2026-12-01T18:59:00Z', '2026-12-01T18:59:00.000Z'],
  ])('%s', (_what, at, expected) => {
    expect(afterQuietHours(new Date(at), helsinki, quiet).toISOString()).toBe(expected);
  });

  it('reads the clock in the recipient’s time zone, not the server’s', () => {
    // 22:30 in Helsinki is 21:30 in Stockholm: quiet in both, ending at 08:00 local each.
    const at = new Date('2026-12-01T20:30:00Z');
    expect(afterQuietHours(at, 'Europe/Stockholm', quiet).toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
  });

  it('takes a window that does not cross midnight, and an empty one', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(afterQuietHours(new Date('2026-12-01T10:30:00Z'), helsinki, lunch).toISOString()).toBe(
      '2026-12-01T11:00:00.000Z',
    );
    const none = { start: '00:00', end: '00:00' };
    const at = new Date('2026-12-01T23:00:00Z');
    expect(afterQuietHours(at, helsinki, none)).toEqual(at);
  });

  it('knows a country’s zone, else the store’s', () => {
    expect(timeZoneOf('se', 'Europe/Helsinki')).toBe('Europe/Stockholm');
    expect(timeZoneOf('US', 'America/Chicago')).toBe('America/Chicago');
    expect(timeZoneOf(null, 'Europe/Helsinki')).toBe('Europe/Helsinki');
  });
});
