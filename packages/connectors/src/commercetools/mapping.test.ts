import {
  HUB_SHIPMENT_ID,
  MULTIPLE,
  NORDIC_STORE_KEY,
  SINGLE,
  WEB_CHANNEL_ID,
  WEB_CHANNEL_KEY,
  multipleModeOrder,
  orderWith,
  singleModeDelivery,
  singleModeOrder,
  singleModeOrderJson,
} from './fixtures/orders';
import {
  carrierSlugOf,
  inRoute,
  localized,
  parcelShipment,
  parcelShipments,
  statusOf,
  toCanonicalOrder,
} from './mapping';
import type { CommercetoolsOrder, CommercetoolsParcel } from './schemas';
import { CommercetoolsSettingsSchema } from './settings';

const noCarriers = { carriers: {} };

/** Every money object of `json` in another currency (its cent amounts as they are). */
function inCurrency(json: unknown, currencyCode: string, fractionDigits: number): unknown {
  if (Array.isArray(json))
    return json.map((item) => inCurrency(item, currencyCode, fractionDigits));
  if (!json || typeof json !== 'object') return json;
  const entries = Object.entries(json).map(([key, value]) => [
    key,
    inCurrency(value, currencyCode, fractionDigits),
  ]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  return 'centAmount' in object ? { ...object, currencyCode, fractionDigits } : object;
}

describe('toCanonicalOrder, Single shipping mode', () => {
  const canonical = toCanonicalOrder(singleModeOrder);

  it('keeps commercetools’ own ids, number and states', () => {
    expect(canonical).toMatchObject({
      externalId: SINGLE.orderId,
      orderNumber: SINGLE.orderNumber,
      storeStatusId: 2,
      storeStatus: 'Confirmed',
      status: 'partially_shipped',
      currency: 'EUR',
      paymentMethod: null,
      notes: { customer: null, staff: null },
    });
  });

  it('gives both times in UTC', () => {
    expect(canonical.createdAt).toBe('2024-05-06T08:00:00.000Z');
    expect(canonical.modifiedAt).toBe('2024-05-06T08:11:12.345Z');
  });

  it('has one destination, the shipping address, with the shipping method and its price', () => {
    expect(canonical.destinations).toEqual([
      {
        addressExternalId: 'shipping',
        shipTo: {
          name: 'Anna Virtanen',
          company: null,
          street1: 'Mannerheimintie 12 B',
          street2: 'porras 3',
          city: 'Helsinki',
          state: null,
          postalCode: '00100',
          country: 'FI',
          phone: '+358401234567',
          email: 'anna.virtanen@example.fi',
        },
        shippingMethod: 'Posti Express',
        shippingCost: '5.90',
      },
    ]);
  });

  it('reads the customer and the billing address, with the address’s own e-mail', () => {
    expect(canonical.customer).toEqual({
      externalId: SINGLE.customerId,
      email: 'anna.virtanen@example.fi',
      name: 'Anna Virtanen',
    });
    expect(canonical.billTo).toEqual({
      name: 'Anna Virtanen',
      company: 'Virtanen Oy',
      street1: 'Aleksanterinkatu 5',
      street2: null,
      city: 'Helsinki',
      state: 'Uusimaa',
      postalCode: '00170',
      country: 'FI',
      phone: '+35891234567',
      email: 'billing@virtanen.example',
    });
  });

  it('maps each line with a quantity, counting what the deliveries shipped', () => {
    expect(canonical.lines).toEqual([
      {
        externalId: SINGLE.socksLineId,
        addressExternalId: 'shipping',
        productExternalId: '22222222-bbbb-4ccc-8ddd-000000000001',
        sku: 'SOCK-GRY-M',
        name: 'Villasukat',
        quantity: 3,
        quantityShipped: 2,
        unitPrice: '12.90',
        weightGrams: 180,
        options: [],
        giftMessage: null,
      },
      expect.objectContaining({
        externalId: SINGLE.beanieLineId,
        name: 'Beanie',
        quantity: 1,
        quantityShipped: 1,
        unitPrice: '24.50',
        weightGrams: null,
      }),
    ]);
  });

  it('never counts more shipped than ordered', () => {
    const delivery = singleModeOrderJson.shippingInfo as { deliveries: unknown[] };
    const twice = orderWith(singleModeOrderJson, {
      shippingInfo: { ...delivery, deliveries: [...delivery.deliveries, ...delivery.deliveries] },
    });
    const lines = toCanonicalOrder(twice).lines;
    expect(lines.map((line) => [line.quantity, line.quantityShipped])).toEqual([
      [3, 3],
      [1, 1],
    ]);
  });

  it('totals the lines, shipping, tax, discount and the taxed gross', () => {
    expect(canonical.totals).toEqual({
      subtotal: '63.20',
      shipping: '5.90',
      tax: '12.41',
      discount: '5.00',
      total: '64.10',
    });
  });

  it('keeps the custom fields that are text, numbers or yes/no, as text', () => {
    expect(canonical.customFields).toEqual({
      storefront: 'fi',
      giftMessage: 'Hyvää syntymäpäivää!',
      loyaltyPoints: '120',
      expressHandling: 'true',
    });
  });

  it('falls back to the order id without an order number, and to the total without taxes', () => {
    const bare = orderWith(singleModeOrderJson, { orderNumber: undefined, taxedPrice: null });
    const mapped = toCanonicalOrder(bare);
    expect(mapped.orderNumber).toBe(SINGLE.orderId);
    expect(mapped.totals).toMatchObject({ tax: '0', total: '64.10' });
  });

  it('ships to the billing address when the order has no shipping address', () => {
    const mapped = toCanonicalOrder(orderWith(singleModeOrderJson, { shippingAddress: null }));
    expect(mapped.destinations[0]?.shipTo).toEqual(mapped.billTo);
  });

  it('takes the billing address’s e-mail when the order has none', () => {
    const mapped = toCanonicalOrder(orderWith(singleModeOrderJson, { customerEmail: '  ' }));
    expect(mapped.customer.email).toBe('billing@virtanen.example');
    expect(mapped.destinations[0]?.shipTo.email).toBe('billing@virtanen.example');
  });

  it('leaves out a country that is not a two-letter code', () => {
    const address = singleModeOrderJson.shippingAddress as Record<string, unknown>;
    const mapped = toCanonicalOrder(
      orderWith(singleModeOrderJson, { shippingAddress: { ...address, country: 'FIN' } }),
    );
    expect(mapped.destinations[0]?.shipTo.country).toBeNull();
  });
});

describe('toCanonicalOrder, Multiple shipping mode', () => {
  const canonical = toCanonicalOrder(multipleModeOrder);

  it('has a destination per shipping, keyed by its shipping key', () => {
    expect(canonical.destinations).toEqual([
      {
        addressExternalId: 'home',
        shipTo: {
          name: 'Jonas Becker',
          company: null,
          street1: 'Kastanienallee 77',
          street2: null,
          city: 'Berlin',
          state: 'Berlin',
          postalCode: '10435',
          country: 'DE',
          phone: null,
          email: 'jonas.becker@example.de',
        },
        shippingMethod: 'DHL Paket',
        shippingCost: '4.90',
      },
      {
        addressExternalId: 'office',
        shipTo: {
          name: 'Jonas Becker',
          company: 'Nordlicht GmbH',
          street1: 'Speicher 4',
          street2: 'Etage 2',
          city: 'Hamburg',
          state: null,
          postalCode: '20457',
          country: 'DE',
          phone: null,
          email: 'empfang@nordlicht.example',
        },
        shippingMethod: 'DHL Express',
        shippingCost: '12.90',
      },
    ]);
  });

  it('sends each line to the shipping it targets, a split line to its first target', () => {
    expect(
      canonical.lines.map((line) => [line.externalId, line.addressExternalId, line.name]),
    ).toEqual([
      [MULTIPLE.shirtLineId, 'home', 'Hemd'],
      [MULTIPLE.mugLineId, 'office', 'Mugg'],
    ]);
  });

  it('counts shipped quantities from every shipping’s deliveries', () => {
    expect(canonical.lines.map((line) => [line.quantity, line.quantityShipped])).toEqual([
      [2, 2],
      [4, 1],
    ]);
  });

  it('reads a variant without a SKU as an empty SKU', () => {
    expect(canonical.lines[1]?.sku).toBe('');
  });

  it('sums every shipping’s price, and reads the tax as gross less net when it is left out', () => {
    expect(canonical.totals).toEqual({
      subtotal: '120.00',
      shipping: '17.80',
      tax: '22.00',
      discount: '0',
      total: '137.80',
    });
  });

  it('names the order by its id and the customer by the billing address', () => {
    expect(canonical.orderNumber).toBe(MULTIPLE.orderId);
    expect(canonical.customer).toEqual({
      externalId: null,
      email: 'jonas.becker@example.de',
      name: 'Jonas Becker',
    });
    expect(canonical.customFields).toEqual({});
  });
});

describe('toCanonicalOrder money', () => {
  it('reads a currency without minor units (fractionDigits 0)', () => {
    const yen = orderWith(inCurrency(singleModeOrderJson, 'JPY', 0) as Record<string, unknown>, {});
    const mapped = toCanonicalOrder(yen);
    expect(mapped.currency).toBe('JPY');
    expect(mapped.lines[0]?.unitPrice).toBe('1290');
    expect(mapped.totals).toEqual({
      subtotal: '6320',
      shipping: '590',
      tax: '1241',
      discount: '500',
      total: '6410',
    });
  });

  it('reads a currency with three minor digits (fractionDigits 3)', () => {
    const dinar = orderWith(
      inCurrency(singleModeOrderJson, 'KWD', 3) as Record<string, unknown>,
      {},
    );
    const mapped = toCanonicalOrder(dinar);
    expect(mapped.lines.map((line) => line.unitPrice)).toEqual(['1.290', '2.450']);
    expect(mapped.destinations[0]?.shippingCost).toBe('0.590');
    expect(mapped.totals).toEqual({
      subtotal: '6.320',
      shipping: '0.590',
      tax: '1.241',
      discount: '0.500',
      total: '6.410',
    });
  });

  it('reads a high-precision unit price by its precise amount', () => {
    const [socks, ...rest] = singleModeOrderJson.lineItems as Record<string, unknown>[];
    const precise = {
      ...socks,
      price: {
        value: {
          type: 'highPrecision',
          currencyCode: 'EUR',
          centAmount: 1290,
          preciseAmount: 1289583,
          fractionDigits: 5,
        },
      },
    };
    const mapped = toCanonicalOrder(
      orderWith(singleModeOrderJson, { lineItems: [precise, ...rest] }),
    );
    expect(mapped.lines[0]?.unitPrice).toBe('12.89583');
  });
});

describe('statusOf', () => {
  const withStates = (
    orderState: string,
    shipmentState: string | null,
    paymentState: string | null = null,
  ): CommercetoolsOrder => ({ ...singleModeOrder, orderState, shipmentState, paymentState });

  it.each(['Shipped', 'Partial', 'Pending', null])(
    'a cancelled order is cancelled whatever its shipment state (%s)',
    (shipmentState) => {
      expect(statusOf(withStates('Cancelled', shipmentState, 'Paid'))).toBe('cancelled');
    },
  );

  it.each(['Shipped', 'Pending', 'Backorder', null])(
    'a complete order is completed whatever its shipment state (%s)',
    (shipmentState) => {
      expect(statusOf(withStates('Complete', shipmentState, 'BalanceDue'))).toBe('completed');
    },
  );

  it.each<[string, string]>([
    ['Shipped', 'shipped'],
    ['Delivered', 'shipped'],
    ['Partial', 'partially_shipped'],
    ['Backorder', 'on_hold'],
  ])('an open or confirmed order with shipment state %s is %s', (shipmentState, status) => {
    for (const orderState of ['Open', 'Confirmed']) {
      for (const paymentState of ['Paid', 'BalanceDue', null]) {
        expect(statusOf(withStates(orderState, shipmentState, paymentState))).toBe(status);
      }
    }
  });

  it.each<[string | null, string]>([
    ['BalanceDue', 'awaiting_payment'],
    ['Failed', 'awaiting_payment'],
    ['Pending', 'awaiting_fulfilment'],
    ['CreditOwed', 'awaiting_fulfilment'],
    ['Paid', 'awaiting_fulfilment'],
    [null, 'awaiting_fulfilment'],
  ])('before shipping, payment state %s makes it %s', (paymentState, status) => {
    for (const shipmentState of ['Ready', 'Pending', null]) {
      expect(statusOf(withStates('Open', shipmentState, paymentState))).toBe(status);
      expect(statusOf(withStates('Confirmed', shipmentState, paymentState))).toBe(status);
    }
  });
});

describe('localized', () => {
  const name = { en: 'Shirt', de: 'Hemd', 'de-CH': 'Hemmli' };

  it.each<[string | null, string]>([
    ['de-CH', 'Hemmli'],
    ['de-AT', 'Hemd'],
    ['fi-FI', 'Shirt'],
    [null, 'Shirt'],
  ])('in locale %s reads %s', (locale, text) => {
    expect(localized(name, locale)).toBe(text);
  });

  it('takes any language when there is no English, and nothing when there is no name', () => {
    expect(localized({ sv: 'Mugg' }, 'de-DE')).toBe('Mugg');
    expect(localized({}, 'de-DE')).toBe('');
  });
});

describe('carrierSlugOf', () => {
  it.each<[string | null | undefined, string | null]>([
    ['DHL Express', 'dhl'],
    ['U.P.S.', 'ups'],
    [' fedex ', 'fedex'],
    ['Royal Mail', null],
    ['Posti Express', null],
    ['   ', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j by the carrier table', (carrier, slug) => {
    expect(carrierSlugOf(carrier, noCarriers)).toBe(slug);
  });

  it('reads the merchant’s own spellings first, without case or surrounding spaces', () => {
    const settings = { carriers: { ' posti express ': 'posti', 'U.P.S.': 'ups-mi' } };
    expect(carrierSlugOf('POSTI EXPRESS', settings)).toBe('posti');
    // The table knows U.P.S. too; the merchant's map wins.
    expect(carrierSlugOf('u.p.s.', settings)).toBe('ups-mi');
    expect(carrierSlugOf('DHL Express', settings)).toBe('dhl');
  });
});

describe('parcelShipments', () => {
  it('turns every parcel of every delivery into a store shipment', () => {
    const delivery = singleModeDelivery();
    expect(parcelShipments(singleModeOrder, noCarriers)).toEqual([
      {
        shipmentRef: SINGLE.hubParcelId,
        trackingNumber: 'JJFI65432100001234',
        carrierSlug: null,
        shippingMethod: 'Posti Express',
        shippingCost: null,
        comments: `shiplink:${HUB_SHIPMENT_ID}`,
        createdAt: '2024-05-06T09:00:01.000Z',
        items: [{ lineRef: SINGLE.socksLineId, quantity: 2 }],
        raw: { deliveryId: SINGLE.deliveryId, parcel: delivery.parcels[0] },
      },
      {
        shipmentRef: SINGLE.threePlParcelId,
        trackingNumber: '1Z999AA10123456784',
        carrierSlug: 'ups',
        shippingMethod: 'Posti Express',
        shippingCost: null,
        comments: '',
        createdAt: '2024-05-06T09:30:00.000Z',
        // No items of its own: the delivery's.
        items: [
          { lineRef: SINGLE.socksLineId, quantity: 2 },
          { lineRef: SINGLE.beanieLineId, quantity: 1 },
        ],
        raw: { deliveryId: SINGLE.deliveryId, parcel: delivery.parcels[1] },
      },
    ]);
  });

  it('slugs a carrier the table does not know through the settings’ map', () => {
    const shipments = parcelShipments(singleModeOrder, { carriers: { 'Posti Express': 'posti' } });
    expect(shipments.map((shipment) => shipment.carrierSlug)).toEqual(['posti', 'ups']);
  });

  it('reads the parcels of a Multiple-mode order with their own shipping’s method', () => {
    expect(parcelShipments(multipleModeOrder, noCarriers)).toEqual([
      expect.objectContaining({
        shipmentRef: MULTIPLE.homeParcelId,
        trackingNumber: '00340434161234567890',
        carrierSlug: 'dhl',
        shippingMethod: 'DHL Paket',
        items: [
          { lineRef: MULTIPLE.shirtLineId, quantity: 2 },
          { lineRef: MULTIPLE.mugLineId, quantity: 1 },
        ],
      }),
    ]);
  });

  it('is empty for an order without deliveries', () => {
    const shipping = singleModeOrderJson.shippingInfo as Record<string, unknown>;
    const order = orderWith(singleModeOrderJson, { shippingInfo: { ...shipping, deliveries: [] } });
    expect(parcelShipments(order, noCarriers)).toEqual([]);
    expect(
      parcelShipments(orderWith(singleModeOrderJson, { shippingInfo: null }), noCarriers),
    ).toEqual([]);
  });
});

describe('parcelShipment', () => {
  const delivery = singleModeDelivery();
  const parcel = (fields: Partial<CommercetoolsParcel>): CommercetoolsParcel => ({
    id: 'parcel-1',
    createdAt: '2024-05-06T09:00:00.000Z',
    ...fields,
  });

  it('reads a parcel without tracking data as untracked', () => {
    expect(parcelShipment(parcel({}), delivery, 'Posti Express', noCarriers)).toMatchObject({
      trackingNumber: null,
      carrierSlug: null,
    });
    const blank = parcel({ trackingData: { trackingId: '  ', carrier: ' ' } });
    expect(parcelShipment(blank, delivery, '', noCarriers)).toMatchObject({
      trackingNumber: null,
      carrierSlug: null,
      shippingMethod: null,
    });
  });

  it('marks only a parcel keyed shiplink-<uuid> as the hub’s', () => {
    const marker = (key: string | null) =>
      parcelShipment(parcel({ key }), delivery, 'Posti Express', noCarriers).comments;
    expect(marker(`shiplink-${HUB_SHIPMENT_ID.toUpperCase()}`)).toBe(
      `shiplink:${HUB_SHIPMENT_ID.toUpperCase()}`,
    );
    expect(marker('shiplink-1234')).toBe('');
    expect(marker(`3pl-${HUB_SHIPMENT_ID}`)).toBe('');
    expect(marker(`shiplink-${HUB_SHIPMENT_ID}-2`)).toBe('');
    expect(marker(null)).toBe('');
  });

  it('takes the delivery’s items when the parcel’s own list is empty', () => {
    const shipment = parcelShipment(parcel({ items: [] }), delivery, 'x', noCarriers);
    expect(shipment.items).toEqual([
      { lineRef: SINGLE.socksLineId, quantity: 2 },
      { lineRef: SINGLE.beanieLineId, quantity: 1 },
    ]);
  });
});

describe('inRoute', () => {
  const route = (input: Record<string, unknown> = {}) =>
    CommercetoolsSettingsSchema.parse({ route: input });

  it('takes every order when neither a store nor a route is set', () => {
    expect(inRoute(singleModeOrder, null, route())).toBe(true);
    expect(inRoute(multipleModeOrder, null, route())).toBe(true);
  });

  it('takes only orders of the API client’s store when it has one', () => {
    expect(inRoute(singleModeOrder, NORDIC_STORE_KEY, route())).toBe(true);
    expect(inRoute(singleModeOrder, 'baltic', route())).toBe(false);
    // The Multiple-mode order was placed outside any store.
    expect(inRoute(multipleModeOrder, NORDIC_STORE_KEY, route())).toBe(false);
  });

  it('matches a distribution channel by its id, or by the key of an expanded reference', () => {
    expect(inRoute(singleModeOrder, null, route({ distributionChannels: [WEB_CHANNEL_ID] }))).toBe(
      true,
    );
    // The reference is not expanded: its key is not known, so it does not match.
    expect(inRoute(singleModeOrder, null, route({ distributionChannels: [WEB_CHANNEL_KEY] }))).toBe(
      false,
    );
    expect(inRoute(multipleModeOrder, null, route({ distributionChannels: ['b2b-de'] }))).toBe(
      true,
    );
    expect(
      inRoute(multipleModeOrder, null, route({ distributionChannels: ['other', WEB_CHANNEL_ID] })),
    ).toBe(false);
  });

  it('needs one of the custom field’s values, as text', () => {
    const byField = (name: string, values: string[]) => route({ customField: { name, values } });
    expect(inRoute(singleModeOrder, null, byField('storefront', ['se', 'fi']))).toBe(true);
    expect(inRoute(singleModeOrder, null, byField('storefront', ['se']))).toBe(false);
    expect(inRoute(singleModeOrder, null, byField('loyaltyPoints', ['120']))).toBe(false);
    expect(inRoute(multipleModeOrder, null, byField('storefront', ['fi']))).toBe(false);
  });

  it('needs every condition that is set', () => {
    const settings = route({
      distributionChannels: [WEB_CHANNEL_ID],
      customField: { name: 'storefront', values: ['fi'] },
    });
    expect(inRoute(singleModeOrder, NORDIC_STORE_KEY, settings)).toBe(true);
    expect(inRoute(singleModeOrder, 'baltic', settings)).toBe(false);
    const custom = singleModeOrderJson.custom as { type: unknown; fields: Record<string, unknown> };
    const otherStorefront = orderWith(singleModeOrderJson, {
      custom: { ...custom, fields: { ...custom.fields, storefront: 'se' } },
    });
    expect(inRoute(otherStorefront, NORDIC_STORE_KEY, settings)).toBe(false);
  });
});
