import { ruleSet } from './fixtures';
import { RateRuleSetSchema, type RateRuleSetInput } from './rule-set';
import { normalizePostcode, selectZone } from './zones';

describe('selectZone', () => {
  it.each([
    ['FI', '00100', 'fi-mainland'],
    ['FI', '33100', 'fi-mainland'],
    ['FI', 'FI-00100', 'fi-mainland'],
    ['fi', ' 90100 ', 'fi-mainland'],
    ['FI', '', 'fi-mainland'],
    ['FI', '22100', 'aland'],
    ['FI', '22 710', 'aland'],
    ['FI', 'AX-22100', 'aland'],
    ['AX', '22100', 'aland'],
    ['AX', 'ax22550', 'aland'],
    ['AX', '', null],
    ['FI', '02200', 'fi-mainland'],
    ['SE', '123 45', 'sweden'],
    ['SE', 'SE-114 55', 'sweden'],
    ['NO', '0150', null],
    ['DE', '10115', null],
  ])('%s %j → %s', (country, postcode, zoneId) => {
    expect(selectZone(ruleSet, { country, postcode })?.id ?? null).toBe(zoneId);
  });

  it('prefers the zone narrowed by postcode whatever the order', () => {
    const reversed = { zones: [...ruleSet.zones].reverse() };
    expect(selectZone(reversed, { country: 'FI', postcode: '22100' })?.id).toBe('aland');
    expect(selectZone(reversed, { country: 'FI', postcode: '00100' })?.id).toBe('fi-mainland');
  });

  const ranges = RateRuleSetSchema.parse({
    version: 1,
    storeId: 's',
    defaultCurrency: 'EUR',
    zones: [
      {
        id: 'lapland',
        name: 'Lapland',
        countries: ['FI'],
        postcodes: { ranges: [{ from: '95000', to: '99999' }] },
        services: [],
      },
      {
        id: 'capital',
        name: 'Capital region',
        countries: ['FI'],
        postcodes: { ranges: [{ from: '00100', to: '02999' }], prefixes: ['04'] },
        services: [],
      },
      {
        id: 'first',
        name: 'Listed first',
        countries: ['FI'],
        postcodes: { prefixes: ['990'] },
        services: [],
      },
    ],
  } satisfies RateRuleSetInput);

  it.each([
    ['95000', 'lapland'],
    ['99999', 'lapland'],
    ['94999', null],
    ['00100', 'capital'],
    ['02999', 'capital'],
    ['03000', null],
    ['04200', 'capital'],
    ['0010', null],
    ['001000', null],
    ['99010', 'lapland'],
  ])('ranges: FI %s → %s', (postcode, zoneId) => {
    expect(selectZone(ranges, { country: 'FI', postcode })?.id ?? null).toBe(zoneId);
  });
});

describe('selectZone by storefront', () => {
  const zone = (id: string, extra: Partial<RateRuleSetInput['zones'][number]> = {}) => ({
    id,
    name: id,
    countries: ['FI'],
    services: [],
    ...extra,
  });
  const storefronts = RateRuleSetSchema.parse({
    version: 1,
    storeId: 's',
    defaultCurrency: 'EUR',
    zones: [
      zone('everyone'),
      zone('everyone-aland', { postcodes: { prefixes: ['22'] } }),
      zone('outlet', { channels: ['2'] }),
      zone('b2b-helsinki', { channels: ['3'], postcodes: { prefixes: ['00'] } }),
    ],
  } satisfies RateRuleSetInput);
  const at = (postcode: string, channel?: string) =>
    selectZone(storefronts, { country: 'FI', postcode, ...(channel ? { channel } : {}) })?.id;

  it.each([
    ['00100', undefined, 'everyone'],
    ['00100', '1', 'everyone'],
    ['22100', '1', 'everyone-aland'],
    ['00100', '2', 'outlet'],
    // The storefront's own zone wins over a narrower zone for every storefront.
    ['22100', '2', 'outlet'],
    ['00100', '3', 'b2b-helsinki'],
    ['33100', '3', 'everyone'],
  ])('FI %s at storefront %s → %s', (postcode, channel, zoneId) => {
    expect(at(postcode, channel)).toBe(zoneId);
  });

  it('refuses a storefront that is not a channel id', () => {
    const parsed = RateRuleSetSchema.safeParse({
      version: 1,
      storeId: 's',
      defaultCurrency: 'EUR',
      zones: [zone('x', { channels: ['outlet'] })],
    });
    expect(parsed.success).toBe(false);
  });
});

describe('normalizePostcode', () => {
  it.each([
    ['00100', 'FI', '00100'],
    [' fi-00100 ', 'FI', '00100'],
    ['FI00100', 'FI', '00100'],
    ['AX-22 100', 'FI', '22100'],
    ['123 45', 'SE', '12345'],
    ['SW1A 1AA', 'GB', 'SW1A1AA'],
    ['', 'FI', ''],
  ])('%j in %s → %j', (postcode, country, expected) => {
    expect(normalizePostcode(postcode, country)).toBe(expected);
  });
});
