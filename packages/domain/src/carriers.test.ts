import { CARRIERS, carrierCodes, carrierFromCode, carrierSlugFromCode } from './carriers';

describe('carrierSlugFromCode (ShipStation carrier codes)', () => {
  const expected: [string, string][] = [
    ['stamps_com', 'usps'],
    ['usps', 'usps'],
    ['endicia', 'usps'],
    ['express_1', 'usps'],
    ['ups', 'ups'],
    ['ups_walleted', 'ups'],
    ['fedex', 'fedex'],
    ['fedex_walleted', 'fedex'],
    ['dhl_express', 'dhl'],
    ['dhl_express_worldwide', 'dhl'],
    ['dhl_global_mail', 'dhl-global-mail'],
    ['dhl_ecommerce', 'dhl-global-mail'],
    ['canada_post', 'canada-post'],
    ['australia_post', 'australia-post'],
    ['ontrac', 'ontrac'],
    ['lasership', 'lasership'],
    ['purolator_ca', 'purolator'],
    ['sendle', 'sendle'],
    ['asendia', 'asendia-usa'],
    ['apc', 'apc'],
    ['globegistics', 'globegistics'],
    ['newgistics', 'newgistics'],
    ['firstmile', 'firstmile'],
    ['imex', 'imexglobalsolutions'],
    ['rr_donnelley', 'rrdonnelley'],
    ['royal_mail', ''],
    ['amazon_buy_shipping', ''],
  ];

  it('covers every code in the table', () => {
    expect(
      carrierCodes('shipstation')
        .map(([code]) => code)
        .sort(),
    ).toEqual(expected.map(([code]) => code).sort());
  });

  it.each(expected)('%s → %j', (code, slug) => {
    expect(carrierSlugFromCode('shipstation', code)).toBe(slug);
  });

  it.each([
    ['UPS_Walleted', 'ups'],
    [' fedex ', 'fedex'],
    ['carrier_we_never_heard_of', ''],
    ['constructor', ''],
    ['', ''],
    [null, ''],
  ])('%j → %j', (code, slug) => {
    expect(carrierSlugFromCode('shipstation', code)).toBe(slug);
  });

  it('does not read one provider’s codes as another’s', () => {
    expect(carrierFromCode('elsewhere', 'stamps_com')).toBeUndefined();
  });
});

describe('canonical carriers', () => {
  it.each(Object.entries(CARRIERS))(
    '%s: the store value is its slug, or empty where there is no slug',
    (_id, carrier) => {
      expect(carrier.storeValue).toBe(carrier.slug ?? '');
    },
  );
});
