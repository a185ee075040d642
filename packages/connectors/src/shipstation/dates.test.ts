import { parseShipStationDateTime, toShipStationDate, toShipStationDateTime } from './dates';

describe('ShipStation dates', () => {
  it.each([
    // Standard time (UTC-8) and daylight time (UTC-7).
    ['2024-01-15T20:30:00.125Z', '2024-01-15T12:30:00.1250000'],
    ['2024-07-04T16:00:00Z', '2024-07-04T09:00:00.0000000'],
    ['2024-03-10T10:30:00Z', '2024-03-10T03:30:00.0000000'],
    ['2024-11-29T07:59:59+00:00', '2024-11-28T23:59:59.0000000'],
  ])('writes %s as account time %s', (iso, shipStation) => {
    expect(toShipStationDateTime(iso)).toBe(shipStation);
    expect(parseShipStationDateTime(shipStation)?.toISOString()).toBe(new Date(iso).toISOString());
  });

  it.each([
    ['2015-06-29T08:46:27.0000000', '2015-06-29T15:46:27.000Z'],
    ['2015-08-17T09:24:14.78', '2015-08-17T16:24:14.780Z'],
    ['2015-06-29 08:46:27', '2015-06-29T15:46:27.000Z'],
    ['2014-10-03', '2014-10-03T07:00:00.000Z'],
    ['2015-06-29T08:46:27.000Z', '2015-06-29T08:46:27.000Z'],
  ])('reads %s', (value, iso) => {
    expect(parseShipStationDateTime(value)?.toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2015-13-45T99:00:00', ''])('rejects %j', (value) => {
    expect(parseShipStationDateTime(value)).toBeUndefined();
  });

  it('gives the account-zone calendar date', () => {
    expect(toShipStationDate(new Date('2024-11-30T05:00:00Z'))).toBe('2024-11-29');
  });
});
