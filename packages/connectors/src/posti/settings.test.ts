import {
  DEFAULT_PRODUCTS,
  isValidIban,
  PostiSettingsSchema,
  productFor,
  shipsOnStatus,
} from './settings';
import { settingsInput } from './fixtures/orders';

describe('PostiSettingsSchema', () => {
  it('needs only the sender; everything else has a default', () => {
    const settings = PostiSettingsSchema.parse(settingsInput);
    expect(settings).toEqual({
      sender: { ...settingsInput.sender, country: 'FI' },
      products: DEFAULT_PRODUCTS,
      unmatchedMethods: 'skip',
      shipOnStatuses: [11],
      packing: {
        maxParcelWeightKg: 30,
        defaultParcelWeightKg: 1,
        defaultParcelVolumeM3: 0.01,
        multiParcel: true,
      },
      additionalServices: { eNotice: true, fragile: false },
      pickupPointField: 'Pickup point',
      language: 'EN',
      labelFormat: 'File',
    });
    expect(PostiSettingsSchema.safeParse({}).success).toBe(false);
  });

  it('merges products over the defaults and reads options', () => {
    const settings = PostiSettingsSchema.parse({
      ...settingsInput,
      products: { home: '90030' },
      shipOnStatuses: [9, 11],
    });
    expect(productFor(settings, 'home')).toBe('90030');
    expect(productFor(settings, 'pickup')).toBe('2103');
    expect(shipsOnStatus(settings, 9)).toBe(true);
    expect(shipsOnStatus(settings, 1)).toBe(false);
  });

  it.each([
    ['an unknown key', { surprise: true }],
    ['a product that is not a code', { products: { home: 'Kotipaketti' } }],
    [
      'a bad IBAN',
      { additionalServices: { cod: { iban: 'FI2112345600000786', bic: 'NORDFIHH' } } },
    ],
    ['a callback that is not http(s)', { callbackUrl: 'ftp://hub.example.com/x' }],
    ['inline labels', { labelFormat: 'inline' }],
  ])('refuses %s', (_, extra) => {
    expect(PostiSettingsSchema.safeParse({ ...settingsInput, ...extra }).success).toBe(false);
  });

  it.each([
    ['FI2112345600000785', true],
    ['SE4550000000058398257466', true],
    ['FI2112345600000786', false],
    ['FI21', false],
  ])('IBAN %s valid: %p', (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });
});
