import type { CarrierShipmentPlan } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { PostiClient } from './client';
import { PostiCredentialsSchema } from './credentials';
import { finnishOrder, line, postiSettings } from './fixtures/orders';
import { postiShipments } from './shipments';
import { openPostiAccount, startPostiSimulator } from './simulator';

/** Posti as the carrier of a store's own dispatch, against the simulator. */
describe('postiShipments', () => {
  let simulator: Awaited<ReturnType<typeof startPostiSimulator>>;
  let control: SimulatorControl;
  let client: PostiClient;
  let apiKey: string;
  const destination = finnishOrder.destinations[0]!;
  /** A connection that ships whatever the store sells (the tests choose the product). */
  const carrier = (overrides: Record<string, unknown> = {}) =>
    postiShipments(client, postiSettings({ unmatchedMethods: 'ship', ...overrides }));
  const planned = (plan: ReturnType<ReturnType<typeof carrier>['plan']>): CarrierShipmentPlan => {
    if (!plan.ok) throw new Error(`the plan was refused: ${JSON.stringify(plan.problems)}`);
    return plan;
  };

  beforeAll(async () => {
    simulator = await startPostiSimulator();
    control = new SimulatorControl(simulator.url);
  });
  afterAll(() => simulator?.close());
  beforeEach(async () => {
    const account = await openPostiAccount(simulator.url);
    const credentials = PostiCredentialsSchema.parse(account.credentials);
    apiKey = credentials.apiKey;
    client = new PostiClient({ baseUrl: simulator.url, credentials, retryBaseDelayMs: 5 });
  });

  it('ships on the configured store statuses only', () => {
    expect(carrier().shipsOn(11)).toBe(true);
    expect(carrier().shipsOn(9)).toBe(false);
    expect(carrier({ shipOnStatuses: [9] }).shipsOn(9)).toBe(true);
  });

  it('plans the product checkout sold, else pickup or home by the order’s pickup point', () => {
    const sold = planned(
      carrier().plan(finnishOrder, destination, { product: '2102', pickupPointId: null }),
    );
    expect(sold).toMatchObject({ serviceCode: '2102', serviceName: 'Posti Express-paketti' });
    const home = planned(
      carrier().plan(finnishOrder, destination, { product: null, pickupPointId: null }),
    );
    expect(home.serviceCode).toBe('2104');
    const withPoint = {
      ...finnishOrder,
      customFields: { 'shipping.701.Pickup point': '001003102' },
    };
    const pickup = planned(
      carrier().plan(withPoint, destination, { product: null, pickupPointId: null }),
    );
    expect(pickup).toMatchObject({
      serviceCode: '2103',
      services: expect.arrayContaining(['2106']),
    });
  });

  it('sends door-to-door products without the pickup point a form field left behind', () => {
    const withPoint = { ...finnishOrder, customFields: { 'form.Pickup point': '001003102' } };
    const home = planned(
      carrier().plan(withPoint, destination, { product: '2104', pickupPointId: null }),
    );
    expect(home.services).not.toContain('2106');
    expect(home.notes).toContain('pickup point 001003102 not used: 2104 goes to the door');
  });

  it('keeps the store’s lines with the parcel they were packed in', () => {
    const heavy = {
      ...finnishOrder,
      lines: [
        line({ externalId: '9001', quantity: 2, weightGrams: 16_000 }),
        line({ externalId: '9002', sku: 'TOWEL', name: 'Towel', weightGrams: 500 }),
      ],
    };
    const plan = planned(
      carrier().plan(heavy, destination, { product: null, pickupPointId: null }),
    );
    expect(plan.parcels).toEqual([
      {
        weightKg: 16.5,
        items: [
          { lineRef: '9001', quantity: 1 },
          { lineRef: '9002', quantity: 1 },
        ],
      },
      { weightKg: 16, items: [{ lineRef: '9001', quantity: 1 }] },
    ]);
    expect(plan.services).toContain('3102');
  });

  it('refuses a destination Posti cannot take, with every reason', () => {
    const broken = {
      ...finnishOrder,
      destinations: [
        { ...destination, shipTo: { ...destination.shipTo, postalCode: '1', street1: '' } },
      ],
    };
    const refused = carrier().plan(broken, broken.destinations[0]!, {
      product: null,
      pickupPointId: null,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'shipment_validation' });
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['invalid_postcode', 'missing_street']),
    );
  });

  const homePlan = () =>
    JSON.parse(
      JSON.stringify(
        planned(carrier().plan(finnishOrder, destination, { product: null, pickupPointId: null })),
      ),
    ) as CarrierShipmentPlan;
  const held = () => control.get<unknown[]>(`/accounts/${apiKey}/shipments`);

  it('creates the consignment from the recorded plan and gives its labels', async () => {
    const posti = carrier({ unmatchedMethods: 'ship' });
    const made = await posti.create(homePlan(), 'bc-store-20510:abc:1');
    if (made.outcome !== 'created') throw new Error(JSON.stringify(made));
    expect(made.shipment.parcels).toHaveLength(1);
    expect(made.shipment.parcels[0]!.trackingUrl).toContain(
      made.shipment.parcels[0]!.trackingNumber,
    );
    expect(await held()).toHaveLength(1);
    const pdf = await posti.labels(made.shipment);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A label is a read: asked again, it is the same document, and nothing new is made.
    expect((await posti.labels(made.shipment)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await held()).toHaveLength(1);
  });

  it('sends a create once: an answer lost on the way is unknown, never sent again', async () => {
    await control.addFault({ kind: 'lost_response', path: '/prinetti/create-shipment', count: 1 });
    const outcome = await carrier().create(homePlan(), 'bc-store-20510:lost:1');
    expect(outcome).toMatchObject({ outcome: 'unknown' });
    // Posti made it; the hub does not know, and did not ask twice.
    expect(await held()).toHaveLength(1);
  });

  it('throws what made nothing, for the job to try again', async () => {
    await control.post('/prinetti/faults', { status: 240, count: 1, endpoint: 'create-shipment' });
    await expect(carrier().create(homePlan(), 'bc-store-20510:down:1')).rejects.toMatchObject({
      reason: 'posti.prinetti_240',
    });
    const closed = new PostiClient({
      baseUrl: 'http://127.0.0.1:9',
      credentials: PostiCredentialsSchema.parse({ apiKey: apiKey, secret: 'x'.repeat(16) }),
      retryBaseDelayMs: 5,
    });
    await expect(
      postiShipments(closed, postiSettings()).create(homePlan(), 'bc-store-20510:refused:1'),
    ).rejects.toMatchObject({ reason: 'network' });
    expect(await held()).toEqual([]);
  });

  it('says refused when Posti refuses the document itself', async () => {
    const withPoint = { ...finnishOrder, customFields: { 'form.Pickup point': '999999999' } };
    const plan = planned(
      carrier().plan(withPoint, destination, { product: '2103', pickupPointId: null }),
    );
    const outcome = await carrier().create(plan, 'bc-store-20510:bad:1');
    expect(outcome).toMatchObject({ outcome: 'refused' });
    expect(outcome.outcome === 'refused' && outcome.message).toMatch(/pickup_point_id/);
  });

  it('leaves orders sold another way alone unless told to ship everything', () => {
    const other = carrier({ unmatchedMethods: 'skip' }).plan(finnishOrder, destination, {
      product: null,
      pickupPointId: null,
    });
    expect(other).toMatchObject({ ok: false, reason: 'not_this_carrier' });
    const shipped = {
      ...finnishOrder,
      lines: finnishOrder.lines.map((l) => ({ ...l, quantityShipped: l.quantity })),
    };
    expect(
      carrier().plan(shipped, destination, { product: '2104', pickupPointId: null }),
    ).toMatchObject({ ok: false, reason: 'nothing_to_ship' });
  });

  it('refuses a recorded plan that is not a consignment as permanent', async () => {
    const plan = planned(
      carrier().plan(finnishOrder, destination, { product: null, pickupPointId: null }),
    );
    await expect(
      carrier().create({ ...plan, document: { nothing: true } }, 'x'),
    ).rejects.toBeInstanceOf(PermanentError);
  });
});
