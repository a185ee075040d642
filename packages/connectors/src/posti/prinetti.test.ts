import { PermanentError, RetryableError } from '@shiplink/errors';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createdResponse, failedResponse, labelResponse, PDF_BYTES } from './fixtures/responses';
import {
  buildCreateShipment,
  buildGetLabel,
  formatWeightKg,
  parseCreateShipmentResponse,
  parseLabelResponse,
  prinettiTime,
  routingIdFor,
  xmlText,
  type PrinettiShipment,
} from './prinetti';
import { routingKey } from './signing';

const ACCOUNT = '00000000-0000-0000-0000-000000000000';
const SECRET = '1234567890ABCDEF';
const routing = (requestId = 'shipment-request-1') => ({
  account: ACCOUNT,
  secret: SECRET,
  requestId,
  name: 'Kahvila & Co <shop>',
  at: new Date('2016-05-29T12:24:36Z'),
});

const shipment: PrinettiShipment = {
  sender: {
    name1: 'Kahvila Oy',
    addr1: 'Hämeenkatu 1',
    postcode: '33100',
    city: 'Tampere',
    country: 'FI',
    phone: '+35831234567',
    vatcode: '1234567-8',
  },
  recipient: {
    name1: 'Aino "Ainu" Virtanen',
    name2: 'Smith & <Sons>',
    addr1: 'Mannerheimintie 12\nB 7',
    addr2: null,
    postcode: '00100',
    city: 'Helsinki',
    country: 'FI',
    phone: '+358401234567',
    email: 'aino@example.fi',
  },
  reference: '20510',
  product: '2103',
  additionalServices: [
    { code: '2106', specifiers: { pickup_point_id: '905253201' } },
    { code: '3102', specifiers: { count: '2' } },
    { code: '3139' },
  ],
  parcels: [
    { weightKg: 1.4, volumeM3: 0.01, contents: 'Arabia mug' },
    { weightKg: 0.0004, volumeM3: 0.0125, contents: 'Tea towel' },
  ],
};

const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) =>
    [
      'Consignment.Parcel',
      'Consignment.AdditionalService',
      'AdditionalService.Specifier',
      'TrackingCode',
    ].includes(name),
});
type Tree = Record<string, Record<string, Record<string, unknown>>>;

describe('Prinetti routing', () => {
  it('derives a numeric routing id deterministically from the hub’s request id', () => {
    const id = routingIdFor('shipment-request-1');
    expect(id).toMatch(/^[1-9]\d{0,15}$/);
    expect(Number.isSafeInteger(Number(id))).toBe(true);
    expect(routingIdFor('shipment-request-1')).toBe(id);
    expect(routingIdFor('shipment-request-2')).not.toBe(id);
  });

  it.each([
    // The documented examples: unix-time ids next to Helsinki wall-clock stamps.
    ['2016-05-29T12:24:36Z', '20160529152436'],
    ['2016-11-13T10:20:10Z', '20161113122010'],
  ])('stamps %s as Finnish time %s', (iso, stamp) => {
    expect(prinettiTime(new Date(iso))).toBe(stamp);
  });
});

describe('buildCreateShipment', () => {
  const xml = buildCreateShipment({ routing: routing(), shipment });
  const tree = reader.parse(xml) as Tree;
  const channel = tree.eChannel!;

  it('declares UTF-8 and signs the routing with md5(account + id + secret)', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><eChannel>')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const id = routingIdFor('shipment-request-1');
    expect(channel.ROUTING).toEqual({
      'Routing.Account': ACCOUNT,
      'Routing.Key': routingKey(ACCOUNT, id, SECRET),
      'Routing.Id': id,
      'Routing.Name': 'Kahvila & Co <shop>',
      'Routing.Time': '20160529152436',
    });
  });

  it('sends the same routing id and key on a retry of the same request', () => {
    const again = buildCreateShipment({
      routing: { ...routing(), at: new Date('2016-05-29T12:30:00Z') },
      shipment,
    });
    const retried = (reader.parse(again) as Tree).eChannel!.ROUTING!;
    expect(retried['Routing.Id']).toBe(channel.ROUTING!['Routing.Id']);
    expect(retried['Routing.Key']).toBe(channel.ROUTING!['Routing.Key']);
  });

  it('escapes text, drops empty elements and keeps one line per field', () => {
    expect(xml).toContain('<Recipient.Name1>Aino &quot;Ainu&quot; Virtanen</Recipient.Name1>');
    expect(xml).toContain('<Recipient.Name2>Smith &amp; &lt;Sons&gt;</Recipient.Name2>');
    const recipient = channel.Shipment!['Shipment.Recipient'] as Record<string, string>;
    expect(recipient['Recipient.Addr1']).toBe('Mannerheimintie 12 B 7');
    expect(recipient).not.toHaveProperty('Recipient.Addr2');
    expect((channel.Shipment!['Shipment.Sender'] as Record<string, string>)['Sender.Vatcode']).toBe(
      '1234567-8',
    );
  });

  it('writes services with named specifiers and parcels with weights in kg', () => {
    const consignment = channel.Shipment!['Shipment.Consignment'] as Record<string, unknown>;
    expect(consignment['Consignment.Reference']).toBe('20510');
    expect(consignment['Consignment.Product']).toBe('2103');
    expect(consignment['Consignment.AdditionalService']).toEqual([
      {
        'AdditionalService.ServiceCode': '2106',
        'AdditionalService.Specifier': [{ '@_name': 'pickup_point_id', '#text': '905253201' }],
      },
      {
        'AdditionalService.ServiceCode': '3102',
        'AdditionalService.Specifier': [{ '@_name': 'count', '#text': '2' }],
      },
      { 'AdditionalService.ServiceCode': '3139' },
    ]);
    expect(consignment['Consignment.Parcel']).toEqual([
      {
        'Parcel.Packagetype': 'PC',
        'Parcel.Weight': '1.400',
        'Parcel.Volume': '0.01',
        'Parcel.Contents': 'Arabia mug',
      },
      {
        'Parcel.Packagetype': 'PC',
        'Parcel.Weight': '0.001',
        'Parcel.Volume': '0.0125',
        'Parcel.Contents': 'Tea towel',
      },
    ]);
  });

  it('refuses a consignment without parcels', () => {
    expect(() =>
      buildCreateShipment({ routing: routing(), shipment: { ...shipment, parcels: [] } }),
    ).toThrow(PermanentError);
  });

  it.each([
    [1.4, '1.400'],
    [0.0004, '0.001'],
    [30, '30.000'],
    [12.3456, '12.346'],
  ])('formats %p kg as %s', (kg, text) => {
    expect(formatWeightKg(kg)).toBe(text);
  });

  it('removes characters XML 1.0 cannot carry', () => {
    expect(xmlText('a\u0000b\u0007c\uD800d  e\r\nf')).toBe('abcd e f');
  });
});

describe('parseCreateShipmentResponse', () => {
  it('reads the reference, its uuid and one tracking code per parcel', () => {
    expect(parseCreateShipmentResponse(createdResponse(['JJFI1', 'JJFI2']))).toEqual({
      status: 0,
      message: 'OK',
      reference: { uuid: '5b3f6a2c-8d1e-4f7a-9c2b-1e2d3c4b5a69', value: '20510' },
      trackingCodes: [
        { code: 'JJFI1', uuid: '00000000-0000-0000-0000-000000000000', labelCode: '12340' },
        { code: 'JJFI2', uuid: '00000000-0000-0000-0000-000000000001', labelCode: '12341' },
      ],
    });
  });

  it('reads codes without attributes', () => {
    const xml =
      '<Response><response.status>0</response.status><response.message>OK</response.message><response.trackingcode>JJFI9</response.trackingcode></Response>';
    expect(parseCreateShipmentResponse(xml)).toEqual({
      status: 0,
      message: 'OK',
      trackingCodes: [{ code: 'JJFI9' }],
    });
  });

  it.each([
    [100, RetryableError],
    [160, RetryableError],
    [240, RetryableError],
    [230, PermanentError],
    [999, PermanentError],
  ])('classifies status %i as %p, keeping Posti’s message and code', (status, type) => {
    const run = () =>
      parseCreateShipmentResponse(failedResponse(status, 'Postcode &amp; city mismatch'));
    expect(run).toThrow(type);
    expect(run).toThrow(/Prinetti status \d+: Postcode & city mismatch/);
    try {
      run();
    } catch (error) {
      expect((error as RetryableError).reason).toBe(`posti.prinetti_${status}`);
    }
  });

  it('treats OK without tracking codes as permanent', () => {
    const xml =
      '<Response><response.status>0</response.status><response.message>OK</response.message></Response>';
    expect(() => parseCreateShipmentResponse(xml)).toThrow(PermanentError);
  });

  it.each([
    ['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['plain text', 'Service Unavailable'],
    ['an empty body', ''],
    ['truncated XML', '<Response><response.status>0</response.status><response.trackingcode>JJ'],
    ['a non-numeric status', '<Response><response.status>OK</response.status></Response>'],
    [
      'an external entity',
      '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><Response><response.status>0</response.status><response.message>&e;</response.message></Response>',
    ],
  ])('treats %s as retryable: Posti may or may not have made the shipment', (_, xml) => {
    expect(() => parseCreateShipmentResponse(xml)).toThrow(RetryableError);
    expect(() => parseCreateShipmentResponse(xml)).toThrow(/not a Prinetti response/);
  });
});

describe('labels', () => {
  it('asks for one combined file for the consignment’s tracking codes', () => {
    const xml = buildGetLabel({
      routing: routing('label:20510'),
      reference: '20510',
      trackingCodes: ['JJFI1', 'JJFI2'],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<PrintLabel combine="true" responseFormat="File">');
    const tree = reader.parse(xml) as Tree;
    expect(tree.eChannel!.PrintLabel).toEqual({
      '@_combine': 'true',
      '@_responseFormat': 'File',
      Reference: '20510',
      TrackingCode: ['JJFI1', 'JJFI2'],
    });
    expect(tree.eChannel!.ROUTING!['Routing.Id']).toBe(routingIdFor('label:20510'));
  });

  it('decodes the PDF', () => {
    expect(parseLabelResponse(labelResponse()).equals(PDF_BYTES)).toBe(true);
  });

  it.each([
    ['not a PDF', labelResponse(Buffer.from('<html>oops</html>'))],
    [
      'no file',
      '<Response><response.status>0</response.status><response.message>OK</response.message></Response>',
    ],
    [
      'not base64',
      labelResponse().replace(/>[^<]+<\/response\.file>/, '>%%%not base64%%%</response.file>'),
    ],
  ])('retries a label that is %s', (_, xml) => {
    expect(() => parseLabelResponse(xml)).toThrow(RetryableError);
  });

  it('refuses an encoding it cannot read and classifies statuses like creates', () => {
    expect(() => parseLabelResponse(labelResponse(PDF_BYTES, 'hex'))).toThrow(PermanentError);
    expect(() => parseLabelResponse(failedResponse(160, 'Error in saving label'))).toThrow(
      RetryableError,
    );
    expect(() => parseLabelResponse(failedResponse(230, 'XML is invalid'))).toThrow(PermanentError);
  });
});
