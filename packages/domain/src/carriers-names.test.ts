import { CARRIERS, carrierFromName } from './carriers';

describe('carrierFromName', () => {
  it.each<[string, string, string | null]>([
    ['DHL Express', 'dhl', 'dhl'],
    ['dhl', 'dhl', 'dhl'],
    ['DHL', 'dhl', 'dhl'],
    ['U.P.S.', 'ups', 'ups'],
    ['ups', 'ups', 'ups'],
    ['FedEx', 'fedex', 'fedex'],
    ['fedex_walleted', 'fedex', 'fedex'],
    ['Stamps.com', 'usps', 'usps'],
    ['DHL eCommerce', 'dhl_ecommerce', 'dhl-global-mail'],
    ['dhl-global-mail', 'dhl_ecommerce', 'dhl-global-mail'],
    ['Canada Post', 'canada_post', 'canada-post'],
    ['  australia-post ', 'australia_post', 'australia-post'],
    ['Royal Mail', 'royal_mail', null],
  ])('%j is %s (slug %j)', (text, id, slug) => {
    expect(carrierFromName(text)).toMatchObject({ id, slug });
  });

  it('ignores case, spaces and punctuation', () => {
    expect(carrierFromName('d.h.l. EXPRESS')?.id).toBe('dhl');
    expect(carrierFromName('Fed-Ex')?.id).toBe('fedex');
  });

  it.each(['Posti Express', 'PostNord', 'DHL Paket Germany', 'UPS Freight', '???'])(
    'does not know %j',
    (text) => {
      expect(carrierFromName(text)).toBeUndefined();
    },
  );

  it.each(['', '   ', '.-', null, undefined])('reads %j as no carrier', (text) => {
    expect(carrierFromName(text)).toBeUndefined();
  });

  it.each(Object.entries(CARRIERS))('finds %s by its own name', (id, row) => {
    expect(carrierFromName(row.name)?.id).toBe(id);
  });
});
