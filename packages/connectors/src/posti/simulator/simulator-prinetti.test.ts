import { SimulatorControl } from '../../testing/control';
import {
  nextRoutingId,
  postXml,
  serviceXml,
  shipmentXml,
  signedPost,
  trackingCodesOf,
  type Json,
  type Merchant,
} from './test-support';
import { openPostiAccount, startPostiSimulator, type RunningPostiSimulator } from '.';

interface ShipmentView {
  uuid: string;
  reference: string;
  routingIds: string[];
  product: string;
  recipient: Json;
  callbackUrl: string | null;
  pickupPointId: string | null;
  cashOnDelivery: Json | null;
  trackingCodes: string[];
  parcels: { trackingCode: string; weightKg: number; labelCode: string | null }[];
}

describe('Posti simulator Prinetti create-shipment', () => {
  let sim: RunningPostiSimulator;
  let control: SimulatorControl;
  let merchant: Merchant;
  const create = (xml: string) => postXml(sim.url, '/prinetti/create-shipment', xml);
  const shipments = () => control.get<ShipmentView[]>(`/accounts/${merchant.apiKey}/shipments`);

  beforeAll(async () => {
    sim = await startPostiSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    merchant = (await openPostiAccount(sim.url)).credentials;
  });

  it('creates a shipment with one tracking code per parcel', async () => {
    const routingId = nextRoutingId();
    const answer = await create(
      shipmentXml(merchant, { routingId, reference: '100234', weights: ['1.2', '3.5'] }),
    );
    expect(answer.status).toBe(200);
    expect(answer.response).toMatchObject({
      'response.status': '0',
      'response.message': 'OK',
      'response.reference': {
        '#text': '100234',
        '@uuid': expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
    const codes = trackingCodesOf(answer);
    expect(codes).toHaveLength(2);
    expect(codes.every((code) => /^JJFI\d{17}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(2);
    expect(answer.response['response.trackingcode']?.[0]).not.toHaveProperty('@labelcode');

    const [stored, ...others] = await shipments();
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({
      uuid: answer.response['response.reference']?.['@uuid'],
      reference: '100234',
      routingIds: [routingId],
      product: '2104',
      recipient: { name1: 'Aino Virtanen', postcode: '00100', country: 'FI' },
      trackingCodes: codes,
      parcels: [
        { trackingCode: codes[0], weightKg: 1.2 },
        { trackingCode: codes[1], weightKg: 3.5 },
      ],
    });
    const byCode = await control.get<ShipmentView>(`/shipments/${codes[1]}`);
    expect(byCode.uuid).toBe(stored?.uuid);
    expect((await control.get<ShipmentView>('/shipments/100234')).uuid).toBe(stored?.uuid);
  });

  it('keeps the services: callback URL, pickup point, cash on delivery, label codes', async () => {
    const answer = await create(
      shipmentXml(merchant, {
        product: '2103',
        services: [
          serviceXml('2106', { pickup_point_id: '001003102' }),
          serviceXml('3101', {
            amount: '2590',
            account: 'FI21 1234 5600 0007 85',
            codbic: 'NDEAFIHH',
            reference: '1232',
          }),
          serviceXml('9901', { url: 'https://hub.example/webhooks/posti/c1?x=1&amp;y=2' }),
          serviceXml('9902'),
        ],
      }),
    );
    expect(answer.response['response.status']).toBe('0');
    expect(answer.response['response.trackingcode']?.[0]?.['@labelcode']).toMatch(/^\d{8}$/);
    const [stored] = await shipments();
    expect(stored).toMatchObject({
      pickupPointId: '001003102',
      callbackUrl: 'https://hub.example/webhooks/posti/c1?x=1&y=2',
      cashOnDelivery: {
        amountCents: 2590,
        account: 'FI2112345600000785',
        codbic: 'NDEAFIHH',
        reference: '1232',
      },
    });
  });

  it('sends Postipaketti without a chosen point to the one nearest the recipient', async () => {
    await create(shipmentXml(merchant, { product: '2103', recipient: { Postcode: '90525' } }));
    const [stored] = await shipments();
    expect(stored?.pickupPointId).toBe('905253201');
  });

  it('refuses a wrong Routing.Key or an unknown Routing.Account (HTTP 401, status 100)', async () => {
    const wrongKey = await create(shipmentXml(merchant, { routingKey: 'a'.repeat(32) }));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.response).toEqual({
      'response.status': '100',
      'response.message': 'Authentication failed: Routing.Key does not match',
    });
    const stranger = await create(
      shipmentXml({ apiKey: '12345678-1234-1234-1234-123456789012', secret: 'x' }),
    );
    expect(stranger.status).toBe(401);
    expect(stranger.response['response.status']).toBe('100');
    expect(await shipments()).toEqual([]);
  });

  it('answers status 230 to a body that is not well-formed XML', async () => {
    const truncated = shipmentXml(merchant).slice(0, -30);
    const answer = await create(truncated);
    expect(answer.status).toBe(200);
    expect(answer.response['response.status']).toBe('230');
    expect((await create('')).response['response.status']).toBe('230');
    const json = await fetch(`${sim.url}/prinetti/create-shipment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"not": "xml"}',
    });
    expect(await json.text()).toContain('<response.status>230</response.status>');
  });

  it('answers status 230 naming what is missing or wrong', async () => {
    const cases: [ReturnType<typeof shipmentXml>, string][] = [
      [shipmentXml(merchant, { recipient: { Name1: null } }), 'Recipient.Name1 is required'],
      [shipmentXml(merchant, { recipient: { City: '' } }), 'Recipient.City is required'],
      [
        shipmentXml(merchant, { recipient: { Country: 'Finland' } }),
        'Recipient.Country must be a 2-letter country code',
      ],
      [
        shipmentXml(merchant, { product: '9999' }),
        'Consignment.Product 9999 is not a known product',
      ],
      [
        shipmentXml(merchant, { recipient: { Country: 'SE' } }),
        'Product 2104 does not deliver to SE',
      ],
      [shipmentXml(merchant, { weights: [] }), 'Consignment.Parcel is required (at least one)'],
      [
        shipmentXml(merchant, { weights: ['1,5'] }),
        'Parcel.Weight must be a decimal number with a "." (e.g. 1.25)',
      ],
      [
        shipmentXml(merchant, { services: [serviceXml('2106', { pickup_point_id: '001003101' })] }),
        'AdditionalService 2106 is not available for product 2104',
      ],
      [
        shipmentXml(merchant, {
          product: '2103',
          services: [serviceXml('2106', { pickup_point_id: '42' })],
        }),
        'AdditionalService 2106: unknown pickup_point_id 42',
      ],
      [
        shipmentXml(merchant, { services: [serviceXml('9901', { url: 'not a url' })] }),
        'AdditionalService 9901 needs an http(s) url',
      ],
    ];
    for (const [xml, message] of cases) {
      const answer = await create(xml);
      expect({ status: answer.status, response: answer.response }).toEqual({
        status: 200,
        response: { 'response.status': '230', 'response.message': message },
      });
    }
    const nonNumericId = await create(shipmentXml(merchant, { routingId: 'abc' }));
    expect(nonNumericId.response).toEqual({
      'response.status': '230',
      'response.message': 'Routing.Id must be numeric',
    });
    expect(await shipments()).toEqual([]);
  });

  it('answers a repeated Routing.Id with the shipment it created when told to behave so', async () => {
    expect(await control.post('/settings', { idempotentRoutingIds: true })).toEqual({
      idempotentRoutingIds: true,
    });
    const routingId = nextRoutingId();
    const first = await create(shipmentXml(merchant, { routingId, weights: ['1', '2'] }));
    const again = await create(shipmentXml(merchant, { routingId, weights: ['1', '2'] }));
    expect(again.response['response.status']).toBe('0');
    expect(again.response['response.reference']).toEqual(first.response['response.reference']);
    expect(trackingCodesOf(again)).toEqual(trackingCodesOf(first));
    expect(await shipments()).toHaveLength(1);
    await control.reset();
  });

  it('creates another shipment for a repeated Routing.Id, as the real service most probably does', async () => {
    const routingId = nextRoutingId();
    const first = await create(shipmentXml(merchant, { routingId }));
    const again = await create(shipmentXml(merchant, { routingId }));
    expect(trackingCodesOf(again)).not.toEqual(trackingCodesOf(first));
    expect(await shipments()).toHaveLength(2);
    await control.reset();
    expect(await control.get('/settings')).toEqual({ idempotentRoutingIds: false });
  });

  it('fails with status 160 and 240 while the faults last, storing nothing', async () => {
    await control.post('/prinetti/faults', { status: 160, count: 1 });
    await control.post('/prinetti/faults', { status: 240, count: 1, httpStatus: 503 });
    const routingId = nextRoutingId();
    const saving = await create(shipmentXml(merchant, { routingId }));
    expect({ status: saving.status, response: saving.response }).toEqual({
      status: 200,
      response: { 'response.status': '160', 'response.message': 'Error in saving label' },
    });
    const system = await create(shipmentXml(merchant, { routingId }));
    expect({ status: system.status, response: system.response }).toEqual({
      status: 503,
      response: { 'response.status': '240', 'response.message': 'System failure' },
    });
    expect(await shipments()).toEqual([]);
    const retried = await create(shipmentXml(merchant, { routingId }));
    expect(retried.response['response.status']).toBe('0');
    expect(await control.get('/prinetti/faults')).toEqual([]);
  });

  it('answers kit server faults with a Prinetti system failure', async () => {
    await control.addFault({ kind: 'server_error', count: 1, path: '/prinetti' });
    const failed = await create(shipmentXml(merchant));
    expect(failed.status).toBe(500);
    expect(failed.response['response.status']).toBe('240');
  });

  it('reads ISO-8859-1 documents and the docs’ Consigment.Parcel spelling', async () => {
    const xml = shipmentXml(merchant, {
      recipient: { Name1: 'Åsa Öberg', City: 'Järvenpää', Postcode: '04400' },
      parcelElement: 'Consigment.Parcel',
    }).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const answer = await postXml(sim.url, '/prinetti/create-shipment', Buffer.from(xml, 'latin1'));
    expect(answer.response['response.status']).toBe('0');
    const [stored] = await shipments();
    expect(stored?.recipient).toMatchObject({ name1: 'Åsa Öberg', city: 'Järvenpää' });
    expect(stored?.parcels).toHaveLength(1);
  });

  it('cancels a shipment Posti has not handled yet, once', async () => {
    const answer = await create(shipmentXml(merchant));
    const uuid = answer.response['response.reference']!['@uuid'];
    const cancel = () => signedPost(sim.url, '/shipment/cancel', merchant, { shipment_id: uuid });
    expect(await cancel()).toEqual({ status: 200, body: { success: true } });
    expect(await cancel()).toEqual({ status: 200, body: { success: false } });
    const other = (await openPostiAccount(sim.url)).credentials;
    const second = await create(shipmentXml(merchant));
    const secondUuid = second.response['response.reference']!['@uuid'];
    expect(
      (await signedPost(sim.url, '/shipment/cancel', other, { shipment_id: secondUuid })).body,
    ).toEqual({ success: false });
  });
});
