import { cartFromRateRequest, rateRequestStoreId, type RateRequestCart } from './cart';
import { ruleSet } from './fixtures';
import { quoteRates } from './quote';

/** Shaped like BigCommerce's RateRequestPayload examples: string amounts, lower-case types. */
const bigCommerceRequest = () => ({
  base_options: {
    origin: {
      street_1: 'Mannerheimintie 1',
      zip: '00100',
      city: 'Helsinki',
      country_iso2: 'FI',
      address_type: 'commercial',
    },
    destination: {
      street_1: 'Hämeenkatu 5',
      street_2: '',
      zip: '33100',
      city: 'Tampere',
      state_iso2: '',
      country_iso2: 'FI',
      address_type: 'residential',
    },
    items: [
      {
        sku: 'MUG-BLUE',
        variant_id: '77',
        product_id: '12',
        name: 'Mug',
        length: { units: 'cm', value: 12 },
        width: { units: 'cm', value: 10 },
        height: { units: 'cm', value: 9 },
        weight: { units: 'g', value: 450 },
        discounted_price: { currency: 'EUR', amount: '12.50' },
        declared_value: { currency: 'EUR', amount: '15.00' },
        quantity: 2,
        attributes: [{ key: 'fragile', value: 'yes', namespace: 'shipping_carrier_posti' }],
      },
      {
        sku: 'POSTER',
        length: { units: 'in', value: 24 },
        width: { units: 'in', value: 3 },
        height: { units: 'in', value: 3 },
        weight: { units: 'oz', value: 8 },
        discounted_price: { currency: 'EUR', amount: 9.9 },
        quantity: 1,
      },
    ],
    customer: {
      customer_groups: [{ customer_group_id: 0, customer_group_name: '' }],
      customer_id: 0,
    },
    store_id: '1001234',
    request_context: { reference_values: [{ name: 'checkout_id', value: 'abc' }] },
  },
  zone_options: {},
  connection_options: {},
});

type Request = ReturnType<typeof bigCommerceRequest>;
type Item = Record<string, unknown>;

const parse = (body: unknown, defaultCurrency = 'EUR') =>
  cartFromRateRequest(body, { defaultCurrency });
const cartOf = (result: RateRequestCart) => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.cart;
};
/** The request with its first item changed. */
const withItem = (change: (item: Item) => void): Request => {
  const request = bigCommerceRequest();
  change(request.base_options.items[0] as Item);
  return request;
};
const firstItem = (change: (item: Item) => void) => cartOf(parse(withItem(change))).items[0];

describe('cartFromRateRequest', () => {
  it('reads a BigCommerce rate request', () => {
    expect(parse(bigCommerceRequest())).toEqual({
      ok: true,
      storeId: '1001234',
      cart: {
        currency: 'EUR',
        destination: {
          country: 'FI',
          postcode: '33100',
          city: 'Tampere',
          addressType: 'residential',
        },
        items: [
          {
            sku: 'MUG-BLUE',
            quantity: 2,
            weightKg: 0.45,
            lengthCm: 12,
            widthCm: 10,
            heightCm: 9,
            priceEach: '12.50',
          },
          {
            sku: 'POSTER',
            quantity: 1,
            weightKg: 0.226796,
            lengthCm: 61,
            widthCm: 7.6,
            heightCm: 7.6,
            priceEach: '9.9',
          },
        ],
      },
    });
  });

  it('reads the body without its base_options envelope too', () => {
    expect(parse(bigCommerceRequest().base_options)).toEqual(parse(bigCommerceRequest()));
  });

  it('gives a cart the engine quotes', () => {
    const result = quoteRates(ruleSet, cartOf(parse(bigCommerceRequest())));
    expect(Object.fromEntries(result.quotes.map((q) => [q.code, q.cost.amount]))).toEqual({
      'posti-pickup': '5.90',
      'posti-home': '8.90',
      'posti-express': '19.90',
    });
  });

  it.each([
    ['residential', 'residential'],
    ['RESIDENTIAL', 'residential'],
    ['commercial', 'commercial'],
    ['COMMERCIAL', 'commercial'],
    [' Commercial ', 'commercial'],
    [undefined, 'residential'],
    [null, 'residential'],
    ['office', 'residential'],
  ])('address_type %j → %s', (addressType, expected) => {
    const request = bigCommerceRequest();
    (request.base_options.destination as Item).address_type = addressType;
    expect(cartOf(parse(request)).destination.addressType).toBe(expected);
  });

  it.each([
    [{ units: 'g', value: 1500 }, 1.5],
    [{ units: 'kg', value: 1.2 }, 1.2],
    [{ units: 'KG', value: '1.2' }, 1.2],
    [{ units: 'oz', value: 16 }, 0.453592],
    [{ units: 'lb', value: 2 }, 0.907185],
    [{ units: 'lbs', value: 1 }, 0.453592],
    [{ units: 'grams', value: 250 }, 0.25],
    [undefined, 0],
    [null, 0],
  ])('weight %j → %s kg', (weight, kg) => {
    expect(firstItem((item) => void (item.weight = weight))?.weightKg).toBe(kg);
  });

  it.each([
    [{ units: 'cm', value: 10 }, 10],
    [{ units: 'in', value: 10 }, 25.4],
    [{ units: 'IN', value: 1 }, 2.5],
    [{ units: 'mm', value: 255 }, 25.5],
    [undefined, 0],
  ])('length %j → %s cm', (length, cm) => {
    expect(firstItem((item) => void (item.length = length))?.lengthCm).toBe(cm);
  });

  it('takes missing dimensions as 0', () => {
    const item = firstItem((i) => {
      delete i.length;
      delete i.width;
      delete i.height;
    });
    expect(item).toMatchObject({ lengthCm: 0, widthCm: 0, heightCm: 0, weightKg: 0.45 });
  });

  it.each([
    [{ currency: 'EUR', amount: '12.50' }, '12.50'],
    [{ currency: 'EUR', amount: 12.5 }, '12.5'],
    [{ currency: 'EUR', amount: 0.1 + 0.2 }, '0.3'],
    [{ currency: 'EUR', amount: 19 }, '19'],
    [{ currency: 'EUR', amount: ' 7.00 ' }, '7.00'],
    [null, '15.00'],
  ])('discounted_price %j → priceEach %s', (price, priceEach) => {
    expect(firstItem((item) => void (item.discounted_price = price))?.priceEach).toBe(priceEach);
  });

  it('prices an item with neither price at 0', () => {
    const item = firstItem((i) => {
      delete i.discounted_price;
      delete i.declared_value;
    });
    expect(item?.priceEach).toBe('0');
  });

  it.each<[string, (request: Request) => void, string]>([
    ['the items’ currency', () => undefined, 'EUR'],
    [
      'the request’s currency, in any case',
      (r) => void Object.assign(r.base_options, { currency: 'eur' }),
      'EUR',
    ],
    [
      'the rule set’s default when nothing names one',
      (r) =>
        r.base_options.items.forEach((i) => ((i.discounted_price as Item).currency = undefined)),
      'SEK',
    ],
  ])('takes %s as the currency', (_name, change, currency) => {
    const request = bigCommerceRequest();
    delete (request.base_options.items[0] as Item).declared_value;
    change(request);
    expect(cartOf(parse(request, 'SEK')).currency).toBe(currency);
  });

  it.each<[string, (item: Item) => void, Partial<Record<string, unknown>>]>([
    ['a quantity as a string', (i) => void (i.quantity = '3'), { quantity: 3 }],
    ['no quantity', (i) => delete i.quantity, { quantity: 1 }],
    ['no SKU', (i) => delete i.sku, { sku: '77' }],
  ])('reads %s', (_name, change, expected) => {
    expect(firstItem(change)).toMatchObject(expected);
  });

  it('reads a numeric zip', () => {
    const request = bigCommerceRequest();
    (request.base_options.destination as Item).zip = 33100;
    expect(cartOf(parse(request)).destination.postcode).toBe('33100');
  });
});

describe('cartFromRateRequest: what it refuses', () => {
  const destination = (change: (d: Item) => void) => {
    const request = bigCommerceRequest();
    change(request.base_options.destination as Item);
    return request;
  };

  it.each<[string, unknown, string, string]>([
    ['no body', null, '', 'expected object'],
    [
      'no country',
      destination((d) => delete d.country_iso2),
      'base_options.destination.country_iso2',
      'the destination needs country_iso2',
    ],
    [
      'a country name',
      destination((d) => void (d.country_iso2 = 'Finland')),
      'base_options.destination.country_iso2',
      'two-letter country code',
    ],
    [
      'no items',
      { base_options: { ...bigCommerceRequest().base_options, items: [] } },
      'base_options.items',
      'the request has no items',
    ],
    [
      'an unknown weight unit',
      withItem((i) => void (i.weight = { units: 'stone', value: 1 })),
      'base_options.items[0].weight.units',
      'unknown weight unit "stone"',
    ],
    [
      'an unknown length unit',
      withItem((i) => void (i.length = { units: 'ft', value: 1 })),
      'base_options.items[0].length.units',
      'unknown length unit "ft"',
    ],
    [
      'a negative weight',
      withItem((i) => void (i.weight = { units: 'g', value: -3 })),
      'base_options.items[0].weight.value',
      'weight must be a non-negative number',
    ],
    [
      'a negative amount',
      withItem((i) => void (i.discounted_price = { currency: 'EUR', amount: -1 })),
      'base_options.items[0].discounted_price.amount',
      'non-negative amount',
    ],
    [
      'a decimal comma',
      withItem((i) => void (i.discounted_price = { currency: 'EUR', amount: '12,50' })),
      'base_options.items[0].discounted_price.amount',
      'non-negative amount',
    ],
    [
      'no units',
      withItem((i) => void (i.weight = { value: 1 })),
      'base_options.items[0].weight.units',
      'weight needs units',
    ],
    [
      'quantity 0',
      withItem((i) => void (i.quantity = 0)),
      'base_options.items[0].quantity',
      'whole number of at least 1',
    ],
    [
      'half a unit',
      withItem((i) => void (i.quantity = 1.5)),
      'base_options.items[0].quantity',
      'whole number of at least 1',
    ],
    [
      'mixed currencies',
      withItem((i) => void (i.discounted_price = { currency: 'SEK', amount: '120' })),
      'base_options.items',
      'the request mixes currencies: EUR, SEK',
    ],
  ])('%s', (_name, body, path, message) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
  });
});

describe('rateRequestStoreId', () => {
  it.each([
    [bigCommerceRequest(), '1001234'],
    [bigCommerceRequest().base_options, '1001234'],
    [{ base_options: { store_id: 42 } }, '42'],
    [{ base_options: {} }, undefined],
    [null, undefined],
    ['text', undefined],
  ])('%#: %j', (body, storeId) => {
    expect(rateRequestStoreId(body)).toBe(storeId);
  });
});

describe('cartFromRateRequest: the storefront', () => {
  it.each([
    [[{ name: 'channel_id', value: '2' }], '2'],
    [[{ name: 'channel_id', value: 3 }], '3'],
    [[{ name: 'cart_id', value: 'abc' }], undefined],
    [[{ name: 'channel_id', value: 'outlet' }], undefined],
  ])('reads %j as storefront %s', (references, channel) => {
    const request = bigCommerceRequest();
    request.base_options.request_context = { reference_values: references as never };
    expect(cartOf(parse(request)).channel).toBe(channel);
  });
});
