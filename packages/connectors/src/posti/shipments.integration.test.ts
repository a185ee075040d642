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
  const carrier = (overrides: Record<string, unknown> = {}) =>
    postiShipments(client, postiSettings(overrides));
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

  it('creates one consignment per request id, whatever is retried, and gives its labels', async () => {
    const posti = carrier();
    const plan = planned(
      posti.plan(finnishOrder, destination, { product: null, pickupPointId: null }),
    );
    // Through storage: the recorded plan is plain JSON.
    const stored = JSON.parse(JSON.stringify(plan)) as CarrierShipmentPlan;
    const first = await posti.create(stored, 'bc-store-20510:abc');
    const again = await posti.create(stored, 'bc-store-20510:abc');
    expect(again).toEqual(first);
    expect(first.parcels).toHaveLength(1);
    expect(first.parcels[0]!.trackingUrl).toContain(first.parcels[0]!.trackingNumber);
    const held = await control.get<unknown[]>(`/accounts/${apiKey}/shipments`);
    expect(held).toHaveLength(1);
    const pdf = await posti.labels(first);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
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
