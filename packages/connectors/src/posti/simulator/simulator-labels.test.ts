import { PDFDocument } from 'pdf-lib';
import { SimulatorControl } from '../../testing/control';
import {
  nextRoutingId,
  postXml,
  routingXml,
  serviceXml,
  shipmentXml,
  trackingCodesOf,
  type Merchant,
} from './test-support';
import { openPostiAccount, startPostiSimulator, type RunningPostiSimulator } from '.';

/** A6 in points. */
const A6 = { width: 297.64, height: 419.53 };

describe('Posti simulator Prinetti labels', () => {
  let sim: RunningPostiSimulator;
  let control: SimulatorControl;
  let merchant: Merchant;

  const labelXml = (
    who: Merchant,
    label: { reference?: string; trackingCodes?: string[]; format?: string },
  ) => `<?xml version="1.0" encoding="UTF-8"?>
<eChannel>
  ${routingXml(who, nextRoutingId())}
  <PrintLabel responseFormat="${label.format ?? 'File'}">
    ${label.reference === undefined ? '' : `<Reference>${label.reference}</Reference>`}
    ${(label.trackingCodes ?? []).map((code) => `<TrackingCode>${code}</TrackingCode>`).join('')}
  </PrintLabel>
</eChannel>`;
  const fetchLabel = (label: Parameters<typeof labelXml>[1], who = merchant) =>
    postXml(sim.url, '/prinetti/get-shipping-label', labelXml(who, label));
  const pdfOf = async (answer: Awaited<ReturnType<typeof fetchLabel>>) => {
    const file = answer.response['response.file'];
    expect(file?.['@encode']).toBe('base64');
    const bytes = Buffer.from(file?.['#text'] ?? '', 'base64');
    return { bytes, pdf: await PDFDocument.load(bytes) };
  };
  const createShipment = async (weights: string[], reference = nextRoutingId()) => {
    const answer = await postXml(
      sim.url,
      '/prinetti/create-shipment',
      shipmentXml(merchant, {
        reference,
        weights,
        product: '2103',
        recipient: { Name1: 'Åsa Öberg' },
        services: [
          serviceXml('2106', { pickup_point_id: '001003102' }),
          serviceXml('3101', { amount: '1250', account: 'FI2112345600000785' }),
          serviceXml('3104'),
        ],
      }),
    );
    return { reference, codes: trackingCodesOf(answer) };
  };

  beforeAll(async () => {
    sim = await startPostiSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    merchant = (await openPostiAccount(sim.url)).credentials;
  });

  it('answers a real PDF with one A6 page per parcel asked for', async () => {
    const { reference, codes } = await createShipment(['1.0', '2.5', '0.4']);
    const answer = await fetchLabel({ reference, trackingCodes: codes });
    expect(answer.status).toBe(200);
    expect(answer.response['response.status']).toBe('0');
    const { bytes, pdf } = await pdfOf(answer);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.getPageCount()).toBe(3);
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A6.width, 1);
      expect(page.getHeight()).toBeCloseTo(A6.height, 1);
    }
    expect(pdf.getTitle()).toBe(`Posti labels ${codes.join(' ')}`);
  });

  it('prints the parcels of a Reference, or only the tracking codes given', async () => {
    const { reference, codes } = await createShipment(['1.0', '2.0']);
    const all = await pdfOf(await fetchLabel({ reference }));
    expect(all.pdf.getPageCount()).toBe(2);
    const one = await pdfOf(await fetchLabel({ trackingCodes: [codes[1]!] }));
    expect(one.pdf.getPageCount()).toBe(1);
    expect(one.pdf.getTitle()).toBe(`Posti labels ${codes[1]}`);
  });

  it('answers the PDF itself for responseFormat="inline"', async () => {
    const { codes } = await createShipment(['1.0']);
    const response = await fetch(`${sim.url}/prinetti/get-shipping-label`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: labelXml(merchant, { trackingCodes: codes, format: 'inline' }),
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await PDFDocument.load(await response.arrayBuffer());
    expect(pdf.getPageCount()).toBe(1);
  });

  it('keeps the routing authentication and refuses codes of other merchants', async () => {
    const { codes } = await createShipment(['1.0']);
    const other = (await openPostiAccount(sim.url)).credentials;
    const foreign = await fetchLabel({ trackingCodes: codes }, other);
    expect(foreign.response).toEqual({
      'response.status': '100',
      'response.message': `Unknown TrackingCode ${codes[0]}`,
    });
    const forged = await fetchLabel({ trackingCodes: codes }, { ...merchant, secret: 'guess' });
    expect(forged.status).toBe(401);
    expect(forged.response['response.status']).toBe('100');
    const nothing = await fetchLabel({});
    expect(nothing.response['response.status']).toBe('100');
  });

  it('fails with a queued fault aimed at labels only', async () => {
    const { codes } = await createShipment(['1.0']);
    await control.post('/prinetti/faults', { status: 240, endpoint: 'get-shipping-label' });
    expect((await fetchLabel({ trackingCodes: codes })).response['response.status']).toBe('240');
    const created = await createShipment(['1.0']);
    expect(created.codes).toHaveLength(1);
    await control.delete('/prinetti/faults');
    expect((await fetchLabel({ trackingCodes: codes })).response['response.status']).toBe('0');
  });
});
