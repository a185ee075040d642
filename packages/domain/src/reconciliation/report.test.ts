import { reconcileShipping, reconciliationCsv, type ShippingLedgerEntry } from './report';

const entry = (overrides: Partial<ShippingLedgerEntry>): ShippingLedgerEntry => ({
  orderNumber: '100',
  orderRef: '100',
  placedAt: '2026-11-02T10:00:00.000Z',
  currency: 'USD',
  method: 'UPS Ground',
  paid: '9.9900',
  labels: [
    { carrier: 'ups', service: 'ups_ground', cost: '7.4100', insurance: '1.0000', shippedAt: null },
  ],
  ...overrides,
});

describe('shipping cost reconciliation', () => {
  it('compares what each order paid with what its labels cost', () => {
    const report = reconcileShipping([
      entry({}),
      entry({
        orderNumber: '101',
        orderRef: '101',
        method: 'Free shipping',
        paid: '0',
        labels: [
          {
            carrier: 'usps',
            service: 'usps_priority_mail',
            cost: '8.15',
            insurance: null,
            shippedAt: null,
          },
          { carrier: 'ups', service: 'ups_ground', cost: '6.00', insurance: null, shippedAt: null },
        ],
      }),
    ]);
    expect(
      report.rows.map((row) => [
        row.orderNumber,
        row.paid,
        row.labelCost,
        row.insurance,
        row.margin,
      ]),
    ).toEqual([
      ['100', '9.99', '7.41', '1.00', '1.58'],
      ['101', '0.00', '14.15', '0.00', '-14.15'],
    ]);
    expect(report.rows[1]!.carriers).toEqual(['usps', 'ups']);
    expect(report.byMethod.map((group) => [group.key, group.orders, group.margin])).toEqual([
      ['Free shipping', 1, '-14.15'],
      ['UPS Ground', 1, '1.58'],
    ]);
    expect(
      report.byCarrier.map((group) => [
        group.key,
        group.orders,
        group.labels,
        group.paid,
        group.labelCost,
      ]),
    ).toEqual([
      ['ups', 2, 2, '9.99', '13.41'],
      ['usps', 1, 1, '0.00', '8.15'],
    ]);
    expect(report.totals).toEqual([
      {
        key: 'all',
        currency: 'USD',
        orders: 2,
        labels: 3,
        paid: '9.99',
        labelCost: '21.56',
        insurance: '1.00',
        margin: '-12.57',
      },
    ]);
  });

  it('splits what was paid over a parcel’s carriers to the cent, and never mixes currencies', () => {
    const report = reconcileShipping([
      entry({
        paid: '10.00',
        labels: ['ups', 'fedex', 'usps'].map((carrier) => ({
          carrier,
          service: null,
          cost: '1',
          insurance: null,
          shippedAt: null,
        })),
      }),
      entry({ orderRef: '200', orderNumber: '200', currency: 'EUR', method: null, labels: [] }),
    ]);
    const paidByCarrier = report.byCarrier.map((group) => Number(group.paid));
    expect(paidByCarrier.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 2);
    expect(report.totals.map((group) => [group.currency, group.paid])).toEqual([
      ['EUR', '9.99'],
      ['USD', '10.00'],
    ]);
    expect(report.rows[1]).toMatchObject({ method: '(no method)', labels: 0, margin: '9.99' });
  });

  it('writes CSV a spreadsheet opens safely', () => {
    const csv = reconciliationCsv(
      reconcileShipping([entry({ orderNumber: '=HYPERLINK("x")', method: 'Express, next day' })]),
    );
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(
      'orderNumber,orderRef,placedAt,currency,method,carriers,labels,paid,labelCost,insurance,margin',
    );
    expect(line).toBe(
      '"\'=HYPERLINK(""x"")",100,2026-11-02T10:00:00.000Z,USD,"Express, next day",ups,1,9.99,7.41,1.00,1.58',
    );
  });
});
