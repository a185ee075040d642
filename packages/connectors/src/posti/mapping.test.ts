import type { CanonicalOrder } from '@shiplink/domain';
import { finnishOrder, helsinkiAddress, line, postiSettings } from './fixtures/orders';
import {
  contentsText,
  deliveryChoiceFor,
  describeValidation,
  finnishReference,
  isCashOnDelivery,
  packParcels,
  pickupPointIdFor,
  toPostiShipment,
  type PostiDeliveryChoice,
  type PostiShipmentPlan,
  type ShipmentValidation,
} from './mapping';

const settings = postiSettings();
const home: PostiDeliveryChoice = { productCode: '2104' };
const destination = finnishOrder.destinations[0]!;

function withShipTo(
  overrides: Partial<typeof helsinkiAddress>,
  order: CanonicalOrder = finnishOrder,
): CanonicalOrder {
  return {
    ...order,
    destinations: [{ ...destination, shipTo: { ...helsinkiAddress, ...overrides } }],
  };
}
const planOf = (order: CanonicalOrder, choice = home, s = settings) =>
  toPostiShipment(order, order.destinations[0]!, choice, s);
function plan(order: CanonicalOrder, choice = home, s = settings): PostiShipmentPlan {
  const result = planOf(order, choice, s);
  if (!result.ok) throw new Error(describeValidation(result));
  return result;
}
function failure(order: CanonicalOrder, choice = home, s = settings): ShipmentValidation {
  const result = planOf(order, choice, s);
  if (result.ok) throw new Error('expected a validation failure');
  return result;
}
const codesOf = (result: PostiShipmentPlan) =>
  result.shipment.additionalServices.map((service) => service.code);

describe('small normalisers', () => {
  it.each([
    ['Cash on Delivery', true],
    ['cash-on-delivery', true],
    ['COD', true],
    ['Postiennakko', true],
    ['Jälkivaatimus', true],
    ['Postförskott', true],
    ['Credit Card', false],
    ['Ennakkomaksu', false],
    ['Codes & coupons', false],
    [null, false],
  ])('payment %p is cash on delivery: %p', (method, expected) => {
    expect(isCashOnDelivery(method)).toBe(expected);
  });

  it.each([
    ['123', '1232'],
    ['1234567', '12345672'],
    ['20510', '205106'],
    ['7', '1070'],
    ['ORDER-42', '1423'],
    ['no digits', undefined],
  ])('Finnish reference of %p is %p', (orderNumber, expected) => {
    expect(finnishReference(orderNumber)).toBe(expected);
  });

  it('writes contents by line name and cuts long ones', () => {
    expect(
      contentsText([
        { name: 'Mug', quantity: 2 },
        { name: 'Towel', quantity: 1 },
      ]),
    ).toBe('2 x Mug, Towel');
    const long = contentsText([{ name: 'x'.repeat(150), quantity: 1 }]);
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('packParcels', () => {
  const rules = settings.packing;
  const item = (name: string, quantity: number, weightGrams: number | null) => ({
    name,
    quantity,
    weightGrams,
  });

  it.each([
    ['one light parcel', [item('Mug', 2, 450), item('Towel', 1, 500)], [1.4]],
    ['no weights at all: the default parcel', [item('Mug', 3, null)], [1]],
    ['zero weights count as none', [item('Mug', 1, 0)], [1]],
    ['split when heavier than 30 kg', [item('Kettlebell', 4, 12_000)], [24, 24]],
    [
      'heaviest first, then fill',
      [item('Anvil', 1, 25_000), item('Hammer', 3, 2_000), item('Nails', 1, 4_000)],
      [29, 6],
    ],
    ['exactly the maximum fits', [item('Sack', 2, 15_000)], [30]],
  ])('%s', (_, lines, weights) => {
    const packed = packParcels(lines, rules);
    if (!packed.ok) throw new Error(describeValidation(packed));
    expect(packed.parcels.map((parcel) => parcel.weightKg)).toEqual(weights);
  });

  it('keeps unweighed items in the first parcel and counts items per parcel', () => {
    const packed = packParcels([item('Card', 1, null), item('Kettlebell', 3, 12_000)], rules);
    if (!packed.ok) throw new Error('expected parcels');
    expect(packed.parcels.map((parcel) => parcel.items)).toEqual([
      [
        { name: 'Card', quantity: 1 },
        { name: 'Kettlebell', quantity: 2 },
      ],
      [{ name: 'Kettlebell', quantity: 1 }],
    ]);
  });

  it('refuses an item no parcel can carry, and an overweight single parcel when splitting is off', () => {
    expect(packParcels([item('Piano', 1, 31_000)], rules)).toMatchObject({
      ok: false,
      reasons: [{ code: 'item_too_heavy', field: 'lines.0' }],
    });
    expect(
      packParcels([item('Kettlebell', 3, 12_000)], { ...rules, multiParcel: false }),
    ).toMatchObject({
      ok: false,
      reasons: [{ code: 'too_heavy' }],
    });
  });
});

describe('toPostiShipment', () => {
  it('maps a Finnish home delivery', () => {
    const result = plan(finnishOrder);
    expect(result.notes).toEqual([]);
    expect(result.shipment).toEqual({
      sender: {
        name1: 'Kahvila Oy',
        name2: null,
        addr1: 'Hämeenkatu 1',
        addr2: null,
        postcode: '33100',
        city: 'Tampere',
        country: 'FI',
        phone: '+358 3 123 4567',
        vatcode: '1234567-8',
      },
      recipient: {
        name1: 'Aino Virtanen',
        name2: null,
        addr1: 'Mannerheimintie 12 B 7',
        addr2: null,
        postcode: '00100',
        city: 'Helsinki',
        country: 'FI',
        phone: '+358401234567',
        email: 'aino.virtanen@example.fi',
      },
      reference: '20510',
      product: '2104',
      additionalServices: [{ code: '3139' }],
      parcels: [
        { weightKg: 1.4, volumeM3: 0.01, contents: '2 x Arabia mug 0.3 l, Marimekko tea towel' },
      ],
    });
  });

  it('sends a pickup parcel to the chosen point', () => {
    const order = { ...finnishOrder, customFields: { 'shipping.Pickup point': ' 905253201 ' } };
    const choice = deliveryChoiceFor(order, destination, 'pickup', settings);
    expect(choice).toEqual({ productCode: '2103', pickupPointId: '905253201' });
    const result = plan(order, choice);
    expect(result.shipment.product).toBe('2103');
    expect(result.shipment.additionalServices[0]).toEqual({
      code: '2106',
      specifiers: { pickup_point_id: '905253201' },
    });
  });

  it.each([
    [
      'the destination’s own field',
      { 'shipping.701.Pickup point': 'A1', 'shipping.Pickup point': 'B2' },
      2,
      'A1',
    ],
    ['no unscoped field for a split order', { 'shipping.Pickup point': 'B2' }, 2, undefined],
    ['the billing field of a single-destination order', { 'form.Pickup point': 'C3' }, 1, 'C3'],
    ['a plain field', { 'Pickup point': 'D4' }, 1, 'D4'],
    ['nothing', {}, 1, undefined],
  ])('finds the pickup point in %s', (_, customFields, destinations, expected) => {
    const extra = { ...destination, addressExternalId: '702' };
    const order = {
      ...finnishOrder,
      customFields,
      destinations: destinations === 2 ? [destination, extra] : [destination],
    };
    expect(pickupPointIdFor(order, destination, settings)).toBe(expected);
  });

  it('splits a heavy destination into parcels with a multipacket count', () => {
    const order = {
      ...finnishOrder,
      lines: [
        line({ externalId: '9001', name: 'Kettlebell 12 kg', quantity: 3, weightGrams: 12_000 }),
      ],
    };
    const result = plan(order);
    expect(result.shipment.parcels.map((parcel) => [parcel.weightKg, parcel.contents])).toEqual([
      [24, '2 x Kettlebell 12 kg'],
      [12, 'Kettlebell 12 kg'],
    ]);
    expect(result.shipment.additionalServices).toContainEqual({
      code: '3102',
      specifiers: { count: '2' },
    });
  });

  it('ships only what is still to ship', () => {
    const order = {
      ...finnishOrder,
      lines: [line({ externalId: '9001', quantity: 3, quantityShipped: 2 })],
    };
    expect(plan(order).shipment.parcels[0]).toMatchObject({
      weightKg: 0.45,
      contents: 'Arabia mug 0.3 l',
    });
    const shipped = {
      ...finnishOrder,
      lines: [line({ externalId: '9001', quantity: 2, quantityShipped: 2 })],
    };
    expect(failure(shipped).reasons.map((r) => r.code)).toEqual(['nothing_to_ship']);
  });

  it('collects cash on delivery into the connection’s account', () => {
    const order = { ...finnishOrder, paymentMethod: 'Cash on Delivery' };
    const cod = { cod: { iban: 'FI21 1234 5600 0007 85', bic: 'nordfihh' } };
    const result = plan(order, home, postiSettings({ additionalServices: cod }));
    expect(result.shipment.additionalServices[0]).toEqual({
      code: '3101',
      specifiers: {
        amount: '7570',
        account: 'FI2112345600000785',
        codbic: 'NORDFIHH',
        reference: '205106',
      },
    });
  });

  it.each([
    ['no IBAN configured', finnishOrder, settings, ['cod_not_configured']],
    [
      'a currency other than EUR',
      { ...finnishOrder, currency: 'SEK' },
      postiSettings({
        additionalServices: { cod: { iban: 'FI2112345600000785', bic: 'NORDFIHH' } },
      }),
      ['cod_currency'],
    ],
  ])('sends a COD order with %s to review', (_, order, s, codes) => {
    expect(
      failure({ ...order, paymentMethod: 'Postiennakko' }, home, s).reasons.map((r) => r.code),
    ).toEqual(codes);
  });

  it('gives a company the second name line, or the first when there is no person', () => {
    const withCompany = plan(withShipTo({ company: 'Virtanen Design Oy' })).shipment.recipient;
    expect([withCompany.name1, withCompany.name2]).toEqual(['Aino Virtanen', 'Virtanen Design Oy']);
    const companyOnly = plan(withShipTo({ name: ' ', company: 'Virtanen Design Oy' })).shipment
      .recipient;
    expect([companyOnly.name1, companyOnly.name2]).toEqual(['Virtanen Design Oy', null]);
  });

  it.each([
    [
      'a Swedish address',
      { country: 'SE', postalCode: '113 56', phone: '070-123 45 67', city: 'Stockholm' },
      '11356',
      '+46701234567',
    ],
    [
      'a Norwegian address',
      { country: 'NO', postalCode: '0150', phone: '912 34 567', city: 'Oslo' },
      '0150',
      '+4791234567',
    ],
    [
      'a Danish address',
      { country: 'dk', postalCode: 'DK-1050', phone: '20 12 34 56', city: 'København' },
      '1050',
      '+4520123456',
    ],
    [
      'an Estonian address',
      { country: 'EE', postalCode: '10111', phone: '5123 4567', city: 'Tallinn' },
      '10111',
      '+37251234567',
    ],
  ])('normalises %s', (_, shipTo, postcode, phone) => {
    const { recipient } = plan(withShipTo(shipTo)).shipment;
    expect([recipient.postcode, recipient.phone]).toEqual([postcode, phone]);
  });

  it('falls back to an e-mail arrival notice without a usable phone', () => {
    const result = plan(
      withShipTo({ phone: '12' }),
      home,
      postiSettings({ additionalServices: { eNotice: false } }),
    );
    expect(result.shipment.recipient.phone).toBeNull();
    expect(codesOf(result)).toEqual(['3139']);
    expect(result.notes).toEqual([
      'phone "12" is not a usable number',
      'arrival notice by e-mail: no usable phone',
    ]);
    const noPhone = plan(withShipTo({ phone: null, email: null }));
    expect(noPhone.shipment.recipient.email).toBe('aino.virtanen@example.fi');
  });

  it('leaves the e-notice off when the connection says so and there is a phone', () => {
    expect(
      codesOf(plan(finnishOrder, home, postiSettings({ additionalServices: { eNotice: false } }))),
    ).toEqual([]);
  });

  it('adds fragile handling and the tracking callback when configured', () => {
    const s = postiSettings({
      additionalServices: { fragile: true },
      callbackUrl: 'https://hub.example.com/webhooks/posti/c1',
    });
    const result = plan(finnishOrder, home, s);
    expect(result.shipment.additionalServices).toEqual([
      { code: '3104' },
      { code: '3139' },
      { code: '9901', specifiers: { url: 'https://hub.example.com/webhooks/posti/c1' } },
    ]);
  });

  it('numbers each destination of a split order', () => {
    const office = { ...destination, addressExternalId: '702' };
    const order = {
      ...finnishOrder,
      destinations: [destination, office],
      lines: [...finnishOrder.lines, line({ externalId: '9003', addressExternalId: '702' })],
    };
    expect(toPostiShipment(order, office, home, settings)).toMatchObject({
      ok: true,
      shipment: { reference: '20510-2' },
    });
  });

  it('lists every reason an address cannot be sent', () => {
    const order = withShipTo(
      { street1: ' ', city: '', postalCode: '0010', phone: null, email: null },
      {
        ...finnishOrder,
        billTo: { ...helsinkiAddress, email: null },
        customer: { ...finnishOrder.customer, email: null },
      },
    );
    const result = failure(order, { productCode: '2104', pickupPointId: 'no such point!' });
    expect(result.kind).toBe('shipment_validation');
    expect(result.reasons.map((r) => [r.code, r.field])).toEqual([
      ['missing_street', 'shipTo.street1'],
      ['missing_city', 'shipTo.city'],
      ['invalid_postcode', 'shipTo.postalCode'],
      ['no_contact', 'shipTo.phone'],
      ['invalid_pickup_point', 'pickupPoint'],
    ]);
    expect(describeValidation(result)).toContain('"0010" is not a postcode of FI');
  });

  it.each([
    ['no country', { country: null }, 'missing_country'],
    ['no name', { name: '', company: null }, 'missing_name'],
  ])('refuses an address with %s', (_, shipTo, code) => {
    expect(failure(withShipTo(shipTo)).reasons.map((r) => r.code)).toContain(code);
  });

  it('refuses a product code that is not one and a destination of another order', () => {
    expect(
      failure(finnishOrder, { productCode: 'kotipaketti' }).reasons.map((r) => r.code),
    ).toEqual(['invalid_product']);
    const foreign = { ...destination, addressExternalId: 'elsewhere' };
    expect(toPostiShipment(finnishOrder, foreign, home, settings)).toMatchObject({
      ok: false,
      reasons: [{ code: 'unknown_destination' }],
    });
  });
});
