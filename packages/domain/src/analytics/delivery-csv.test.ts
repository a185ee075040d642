import { csvDocument, csvField } from '../csv';
import { deliveryCsv } from './delivery-csv';
import { DeliveryReportBuilder } from './delivery';

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    [12, '12'],
    [0.25, '0.25'],
    [null, ''],
    ['-3.5', '-3.5'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+358 40', `"'+358 40"`],
    ['@sum', `"'@sum"`],
    ['-x', `"'-x"`],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes a header and CRLF-terminated lines', () => {
    expect(csvDocument(['a', 'b'] as const, [{ a: 1, b: 'x,y' }])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('delivery CSV', () => {
  it('has one line per group, then the totals, with empty cells for missing rates', () => {
    const builder = new DeliveryReportBuilder('store');
    builder.add({
      storeId: '6f1c',
      storeName: 'Kahvila "Aalto", Helsinki',
      carrier: 'posti',
      service: null,
      country: 'FI',
      region: null,
      startedAt: new Date('2026-03-02T10:00:00Z'),
      deliveredAt: new Date('2026-03-03T10:00:00Z'),
      deliveredLocalDate: '2026-03-03',
      estimatedDelivery: null,
      exception: false,
      failedAttempt: false,
      returned: false,
    });
    expect(deliveryCsv(builder.build()).split('\r\n')).toEqual([
      'key,label,parcels,delivered,transitHoursMedian,transitHoursP90,onTimeRate,exceptionRate,failedAttemptRate,returnRate',
      '6f1c,"Kahvila ""Aalto"", Helsinki",1,1,24,24,,0,0,0',
      '(total),All parcels,1,1,24,24,,0,0,0',
      '',
    ]);
  });
});
