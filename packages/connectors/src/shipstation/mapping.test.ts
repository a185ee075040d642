import {
  CanonicalOrderSchema,
  HANDS_OFF_STATUSES,
  ORDER_STATUSES,
  type OrderStatus,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { carrierSlugForCode } from './carriers';
import { CustomFieldMappingSchema, type CustomFieldMapping } from './custom-fields';
import { giftOrder, splitOrder } from './fixtures/canonical-orders';
import orderFixture from './fixtures/order.json';
import shipmentsFixture from './fixtures/shipments.json';
import {
  fromShipStationShipment,
  orderStatusFor,
  toShipStationOrder,
  type ShipStationOrderStatus,
} from './mapping';
import {
  ShipStationCreateOrderSchema,
  ShipStationOrderSchema,
  ShipStationShipmentListSchema,
} from './schemas';

const destinationOf = (order: typeof giftOrder, index = 0) => {
  const destination = order.destinations[index];
  if (!destination) throw new Error('fixture has no such destination');
  return destination;
};

describe('orderStatusFor', () => {
  const expected: [OrderStatus, ShipStationOrderStatus | undefined][] = [
    ['incomplete', undefined],
    ['awaiting_payment', 'awaiting_payment'],
    ['awaiting_fulfilment', 'awaiting_shipment'],
    ['on_hold', 'on_hold'],
    ['partially_shipped', undefined],
    ['shipped', undefined],
    ['completed', undefined],
    ['cancelled', 'cancelled'],
    ['refunded', 'cancelled'],
    ['archived', 'cancelled'],
  ];

  it('covers every canonical status', () => {
    expect(expected.map(([status]) => status).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it.each(expected)('%s → %s', (status, shipStation) => {
    expect(orderStatusFor(status)).toBe(shipStation);
  });
});

describe('statuses ShipStation is not asked about', () => {
  // The domain says in which statuses no fulfilment system acts; ShipStation's map must agree,
  // or an order import without a fulfilment connection would skip what ShipStation exports.
  it.each(ORDER_STATUSES)('%s', (status) => {
    expect(orderStatusFor(status) === undefined).toBe(
      (HANDS_OFF_STATUSES as readonly string[]).includes(status),
    );
  });
});

describe('carrierSlugForCode', () => {
  // The table and its edge cases are tested in the domain (carriers.test.ts); this is its
  // ShipStation column.
  it('reads ShipStation codes through the canonical carrier table', () => {
    expect(carrierSlugForCode('UPS_Walleted')).toBe('ups');
    expect(carrierSlugForCode('carrier_we_never_heard_of')).toBe('');
  });
});

describe('custom field rules', () => {
  it.each<[string, CustomFieldMapping, Record<string, unknown>]>([
    ['no rules', [], { advancedOptions: { customField1: null, customField2: null } }],
    [
      'custom field with a label',
      [{ source: 'poNumber', target: 'customField1', label: 'PO' }],
      { advancedOptions: { customField1: 'PO: PO-7781' } },
    ],
    [
      'two rules into one field are joined',
      [
        { source: 'channel', target: 'customField2' },
        { source: 'poNumber', target: 'customField2' },
      ],
      { advancedOptions: { customField2: 'wholesale | PO-7781' } },
    ],
    [
      'blank and missing values are skipped',
      [
        { source: 'referrer', target: 'customField3' },
        { source: 'nope', target: 'customField3' },
      ],
      { advancedOptions: { customField3: null } },
    ],
    [
      'notes are appended after the store note',
      [{ source: 'giftWrap', target: 'customerNotes', label: 'Gift wrap' }],
      { customerNotes: 'Please leave at the side door.\nGift wrap: yes' },
    ],
    [
      'internal notes without a store note',
      [{ source: 'channel', target: 'internalNotes', label: 'Channel' }],
      { internalNotes: 'Channel: wholesale' },
    ],
    [
      'tags for non-empty values only, once each',
      [
        { source: 'vip', target: 'tag', tagId: 61210 },
        { source: 'giftWrap', target: 'tag', tagId: 61210 },
        { source: 'referrer', target: 'tag', tagId: 99 },
        { source: 'channel', target: 'tag', tagId: 61211 },
      ],
      { tagIds: [61210, 61211] },
    ],
  ])('%s', (_name, mapping, expected) => {
    const body = toShipStationOrder(giftOrder, destinationOf(giftOrder), {
      orderKey: 'k',
      mapping: CustomFieldMappingSchema.parse(mapping),
    });
    expect(body).toMatchObject(expected);
  });

  it('leaves tagIds out when no rule adds a tag, so manual tags survive updates', () => {
    const body = toShipStationOrder(giftOrder, destinationOf(giftOrder), {
      orderKey: 'k',
      mapping: [],
    });
    expect(body).not.toHaveProperty('tagIds');
  });

  it.each([
    [[{ source: 'vip', target: 'tag' }]],
    [[{ source: 'vip', target: 'customField1', tagId: 3 }]],
    [[{ source: 'vip', target: 'customField4' }]],
    [[{ source: '', target: 'internalNotes' }]],
    [[{ source: 'vip', target: 'internalNotes', extra: true }]],
  ])('rejects the bad rule set %j', (rules) => {
    expect(CustomFieldMappingSchema.safeParse(rules).success).toBe(false);
  });
});

describe('toShipStationOrder', () => {
  it('maps a multi-line gift order to a valid createorder body', () => {
    expect(CanonicalOrderSchema.safeParse(giftOrder).success).toBe(true);
    const body = toShipStationOrder(giftOrder, destinationOf(giftOrder), {
      orderKey: 'bc-k8x2m9-10482',
      mapping: [{ source: 'giftWrap', target: 'customField1', label: 'Gift wrap' }],
      storeId: 305118,
      source: 'BigCommerce',
    });
    expect(ShipStationCreateOrderSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      orderNumber: '10482',
      orderKey: 'bc-k8x2m9-10482',
      // 17:14:05 UTC on 29 November is 09:14:05 Pacific Standard Time.
      orderDate: '2024-11-29T09:14:05.0000000',
      paymentDate: '2024-11-29T09:14:05.0000000',
      orderStatus: 'awaiting_shipment',
      customerUsername: 'maria.lindqvist@example.org',
      customerEmail: 'maria.lindqvist@example.org',
      billTo: { name: 'Maria Lindqvist', street1: '88 Willamette St', residential: null },
      shipTo: {
        name: 'Maria Lindqvist',
        company: null,
        street1: '4417 Alder Creek Rd',
        street2: 'Unit 3',
        street3: null,
        postalCode: '97405-2231',
        country: 'US',
        residential: true,
      },
      amountPaid: 114.77,
      taxAmount: 7.27,
      shippingAmount: 6.5,
      customerNotes: 'Please leave at the side door.',
      internalNotes: null,
      gift: true,
      giftMessage:
        'Organic Sencha, 250 g tin: Happy birthday, Jonas!\nCast iron kettle 0.9 l: Enjoy the tea — M.',
      paymentMethod: 'Credit Card',
      requestedShippingService: 'USPS Priority Mail',
      advancedOptions: {
        storeId: 305118,
        customField1: 'Gift wrap: yes',
        customField2: null,
        customField3: null,
        source: 'BigCommerce',
      },
    });
    expect(body.items).toEqual([
      {
        lineItemKey: '7731',
        sku: 'TEA-SENCHA-250',
        name: 'Organic Sencha, 250 g tin',
        imageUrl: null,
        weight: { value: 310, units: 'grams' },
        quantity: 2,
        unitPrice: 18.5,
        options: [{ name: 'Grind', value: 'Loose leaf' }],
        adjustment: false,
      },
      expect.objectContaining({ lineItemKey: '7732', unitPrice: 64, quantity: 1 }),
      expect.objectContaining({ lineItemKey: '7733', unitPrice: 0, weight: null }),
    ]);
  });

  it('keeps a single gift message as it is', () => {
    const order = {
      ...giftOrder,
      lines: giftOrder.lines.map((line) => ({ ...line, giftMessage: line.giftMessage && 'Hi!' })),
    };
    const body = toShipStationOrder(order, destinationOf(order), { orderKey: 'k', mapping: [] });
    expect(body).toMatchObject({ gift: true, giftMessage: 'Hi!' });
  });

  it('splits a two-destination order into two orders that add up to the store total', () => {
    expect(CanonicalOrderSchema.safeParse(splitOrder).success).toBe(true);
    const [home, office] = [0, 1].map((index) =>
      toShipStationOrder(splitOrder, destinationOf(splitOrder, index), {
        orderKey: `key-${index}`,
        mapping: [],
      }),
    );
    expect(home).toMatchObject({
      orderNumber: '10490-1',
      items: [expect.objectContaining({ lineItemKey: '8801', quantity: 2 })],
      shippingAmount: 5,
      requestedShippingService: 'USPS Ground Advantage',
      internalNotes: 'Check the office address',
    });
    expect(office).toMatchObject({
      orderNumber: '10490-2',
      items: [expect.objectContaining({ lineItemKey: '8802' })],
      shippingAmount: 10,
      shipTo: { company: 'Berg & Sons Carpentry', country: 'US', residential: false },
      gift: false,
      giftMessage: null,
    });
    // Weights 25 and 70 of 95: tax 9.50 → 2.50 + 7.00; total 104.50 → 27.50 + 77.00.
    expect([home?.taxAmount, office?.taxAmount]).toEqual([2.5, 7]);
    expect([home?.amountPaid, office?.amountPaid]).toEqual([27.5, 77]);
  });

  it('sends awaiting_payment orders without a payment date', () => {
    const order = { ...giftOrder, status: 'awaiting_payment' as const };
    const body = toShipStationOrder(order, destinationOf(order), { orderKey: 'k', mapping: [] });
    expect(body).toMatchObject({ orderStatus: 'awaiting_payment', paymentDate: null });
  });

  it.each<OrderStatus>(['cancelled', 'refunded', 'archived'])(
    'cancels a %s order, keeping its paid date',
    (status) => {
      const order = { ...giftOrder, status };
      const body = toShipStationOrder(order, destinationOf(order), { orderKey: 'k', mapping: [] });
      expect(body).toMatchObject({ orderStatus: 'cancelled', paymentDate: body.orderDate });
    },
  );

  it.each<OrderStatus>(['incomplete', 'shipped', 'partially_shipped', 'completed'])(
    'refuses to push a %s order',
    (status) => {
      const order = { ...giftOrder, status };
      expect(() =>
        toShipStationOrder(order, destinationOf(order), { orderKey: 'k', mapping: [] }),
      ).toThrow(PermanentError);
    },
  );
});

describe('vendor fixtures', () => {
  it('parses an order with nulls and fields we do not model', () => {
    const order = ShipStationOrderSchema.parse(orderFixture);
    expect(order.items?.[0]).toMatchObject({ lineItemKey: '7731', weight: { units: 'grams' } });
  });

  it('maps shipments, keeping partial items and dropping discount lines', () => {
    const [first, second] =
      ShipStationShipmentListSchema.parse(shipmentsFixture).shipments.map(fromShipStationShipment);
    expect(first).toEqual({
      sourceId: '70551203',
      orderKey: 'bc-k8x2m9-10482',
      fulfilmentOrderId: '218450117',
      orderNumber: '10482',
      trackingNumber: '9405511899223197428490',
      carrierCode: 'stamps_com',
      carrierSlug: 'usps',
      serviceCode: 'usps_priority_mail',
      shipDate: '2024-11-29',
      shippingCost: '9.35',
      insuranceCost: '0.00',
      voided: false,
      isReturnLabel: false,
      warehouseId: '412600',
      items: [{ lineItemKey: '7731', sku: 'TEA-SENCHA-250', quantity: 2 }],
    });
    expect(second).toMatchObject({
      carrierSlug: 'ups',
      shippingCost: '14.20',
      voided: true,
      items: [{ lineItemKey: '7732', sku: 'KETTLE-CAST-09', quantity: 1 }],
    });
  });
});
