import { localWallTimeToUtc, zoneForPlace, type PlaceHint } from './local-time';

describe('zoneForPlace', () => {
  it.each<[PlaceHint | null, string | undefined]>([
    [{ countryRegion: 'FIN' }, 'Europe/Helsinki'],
    [{ countryRegion: 'fi' }, 'Europe/Helsinki'],
    [{ countryRegion: 'USA', state: 'TX' }, 'America/Chicago'],
    [{ countryRegion: 'US', state: 'ca' }, 'America/Los_Angeles'],
    [{ countryRegion: 'USA' }, undefined],
    [{ countryRegion: 'USA', state: 'Texas' }, undefined],
    [{ countryRegion: 'CAN', state: 'BC' }, 'America/Vancouver'],
    [{ countryRegion: 'AUS', state: 'WA' }, 'Australia/Perth'],
    [{ countryRegion: 'BRA' }, undefined],
    [{ countryRegion: null }, undefined],
    [null, undefined],
  ])('%j → %s', (place, zone) => {
    expect(zoneForPlace(place)).toBe(zone);
  });
});

describe('localWallTimeToUtc', () => {
  it.each<[string, PlaceHint | undefined, string]>([
    ['2025-01-09T01:22:00', undefined, '2025-01-09T01:22:00.000Z'],
    ['2025-01-09T01:22:00', { countryRegion: 'BRA' }, '2025-01-09T01:22:00.000Z'],
    // Winter and summer time in Helsinki (UTC+2 / UTC+3).
    ['2025-01-09T10:00:00', { countryRegion: 'FIN' }, '2025-01-09T08:00:00.000Z'],
    ['2025-07-09T10:00:00', { countryRegion: 'FIN' }, '2025-07-09T07:00:00.000Z'],
    ['2025-01-09T01:22:00', { countryRegion: 'USA', state: 'IL' }, '2025-01-09T07:22:00.000Z'],
    ['2025-07-09T01:22:00.250', { countryRegion: 'USA', state: 'IL' }, '2025-07-09T06:22:00.250Z'],
    // Arizona keeps standard time all year.
    ['2025-07-09T12:00:00', { countryRegion: 'USA', state: 'AZ' }, '2025-07-09T19:00:00.000Z'],
    // Around the spring-forward gap in Chicago (02:00 → 03:00 on 2025-03-09).
    ['2025-03-09T01:30:00', { countryRegion: 'USA', state: 'IL' }, '2025-03-09T07:30:00.000Z'],
    ['2025-03-09T03:30:00', { countryRegion: 'USA', state: 'IL' }, '2025-03-09T08:30:00.000Z'],
  ])('%s at %j → %s', (wall, place, utc) => {
    expect(localWallTimeToUtc(wall, place)).toBe(utc);
  });

  it('refuses something that is not a date-time', () => {
    expect(() => localWallTimeToUtc('soon')).toThrow(RangeError);
  });
});
