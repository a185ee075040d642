import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { PDFDocument } from 'pdf-lib';
import { createPorts, createProviderClients, type Ports } from '@shiplink/connectors';
import {
  openPostiAccount,
  startPostiSimulator,
  type RunningPostiSimulator,
} from '@shiplink/connectors/posti/simulator';
import { createRepos, type ConnectionRecord, type Repos, type StoreRecord } from '@shiplink/db';
import { digest, type Address, type CanonicalOrder } from '@shiplink/domain';
import { silentLogger } from '@shiplink/logger';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { HttpProblem, problemHandler } from '../http/problems';
import { labelsApi } from '../routes/labels.route';
import type { BodyParser } from '../routes/reviews.route';
import { printQuery } from './label-views';
import { LabelsService } from './labels.service';

const KEY = Buffer.alloc(32, 9).toString('base64');

const helsinki: Address = {
  name: 'Aino Virtanen',
  company: null,
  street1: 'Mannerheimintie 12 B 7',
  street2: null,
  city: 'Helsinki',
  state: null,
  postalCode: '00100',
  country: 'FI',
  phone: '040 123 4567',
  email: 'aino.virtanen@example.fi',
};

/** A store order to Helsinki as the order import keeps it: one destination, one line. */
const orderOf = (orderNumber: string): CanonicalOrder => ({
  externalId: orderNumber,
  orderNumber,
  storeStatusId: 11,
  storeStatus: 'Awaiting Fulfillment',
  status: 'awaiting_fulfilment',
  createdAt: '2025-03-03T09:12:00+00:00',
  modifiedAt: '2025-03-03T09:20:00+00:00',
  currency: 'EUR',
  customer: { externalId: '301', email: helsinki.email, name: helsinki.name },
  billTo: helsinki,
  destinations: [
    {
      addressExternalId: '701',
      shipTo: helsinki,
      shippingMethod: 'Posti Kotipaketti',
      shippingCost: '6.90',
    },
  ],
  lines: [
    {
      externalId: `${orderNumber}-1`,
      addressExternalId: '701',
      productExternalId: '55',
      sku: 'MUG-ARABIA',
      name: 'Arabia mug 0.3 l',
      quantity: 2,
      quantityShipped: 0,
      unitPrice: '24.9000',
      weightGrams: 450,
      options: [],
      giftMessage: null,
    },
  ],
  totals: { subtotal: '49.80', shipping: '6.90', tax: '11.00', discount: '0', total: '56.70' },
  paymentMethod: 'Credit Card',
  notes: { customer: null, staff: null },
  customFields: {},
});

const POSTI_SETTINGS = {
  sender: {
    name: 'Kahvila Oy',
    street: 'Hämeenkatu 1',
    postcode: '33100',
    city: 'Tampere',
    phone: '+358 3 123 4567',
  },
};

/** A label PDF of `pages` A6 pages. */
async function labelPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let page = 0; page < pages; page++) pdf.addPage([297.64, 419.53]);
  return Buffer.from(await pdf.save());
}

const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

/** Expects the call to fail with this HTTP problem. */
async function problemOf(call: Promise<unknown>): Promise<HttpProblem> {
  const error: unknown = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HttpProblem)) throw new Error(`expected an HttpProblem, got ${error}`);
  return error;
}

/** The admin API's body parser, without the rest of the admin API. */
const body: BodyParser = (schema, req) => {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw new HttpProblem(400, 'invalid_request', 'request body does not fit');
  return parsed.data;
};

/** The labels service on the real PostgreSQL; labels it has not kept come from the Posti simulator. */
describe('LabelsService', () => {
  let database: TestDatabase;
  let repos: Repos;
  let posti: RunningPostiSimulator;
  let ports: Ports;
  let labels: LabelsService;
  let store: StoreRecord;
  let connection: ConnectionRecord;

  /** A created consignment of a new order, with the given label kept (none: not kept). */
  async function consignment(
    orderNumber: string,
    label: Buffer | undefined,
    on: ConnectionRecord = connection,
  ) {
    const order = await repos.orders.upsert(on.storeId, orderOf(orderNumber));
    const record = await repos.carrierShipments.record({
      orderId: order.id,
      connectionId: on.id,
      externalAddressId: '701',
      requestId: `request-${orderNumber}`,
      serviceCode: '2104',
      serviceName: 'Posti Kotipaketti',
      plan: {},
    });
    await repos.carrierShipments.markCreated(record.id, {
      shipmentRef: null,
      reference: `reference-${orderNumber}`,
      parcels: [
        {
          trackingNumber: `JJFI${orderNumber}`,
          parcelRef: null,
          labelCode: null,
          trackingUrl: `https://www.posti.fi/fi/seuranta#/lahetys/JJFI${orderNumber}`,
          items: [{ lineRef: `${orderNumber}-1`, quantity: 2 }],
        },
      ],
    });
    if (label) await repos.carrierShipments.saveLabel(record.id, label);
    return record.id;
  }

  /** A consignment Posti really made (in the simulator), its label not kept yet. */
  async function madeAtPosti(orderNumber: string) {
    const canonical = orderOf(orderNumber);
    const order = await repos.orders.upsert(store.id, canonical);
    const carrier = ports.shipments(connection);
    const plan = carrier.plan(canonical, canonical.destinations[0]!, {
      product: '2104',
      pickupPointId: null,
    });
    if (!plan.ok) throw new Error(`the test order does not plan: ${JSON.stringify(plan)}`);
    const requestId = `request-${orderNumber}`;
    const record = await repos.carrierShipments.record({
      orderId: order.id,
      connectionId: connection.id,
      externalAddressId: '701',
      requestId,
      serviceCode: plan.serviceCode,
      serviceName: plan.serviceName,
      plan,
    });
    const made = await carrier.create(plan, requestId);
    if (made.outcome !== 'created')
      throw new Error(`the consignment was not made: ${made.message}`);
    await repos.carrierShipments.markCreated(record.id, {
      ...made.shipment,
      parcels: made.shipment.parcels.map((parcel) => ({ ...parcel, items: [] })),
    });
    return { id: record.id, parcels: made.shipment.parcels.length };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    posti = await startPostiSimulator();
    ports = createPorts(createProviderClients({}));
    labels = new LabelsService(repos, ports);
    const tenant = await repos.tenancy.createTenant('Kahvila');
    store = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Kahvila',
      platform: 'bigcommerce',
      externalRef: 'kahvila',
    });
    const account = await openPostiAccount(posti.url);
    connection = await repos.tenancy.createConnection({
      tenantId: tenant.id,
      storeId: store.id,
      provider: 'posti',
      baseUrl: posti.url,
      credentials: account.credentials,
      webhookSecret: 'posti-webhook-secret-of-the-test',
      accountKey: digest(account.credentials.apiKey),
      settings: POSTI_SETTINGS,
    });
  });

  afterAll(async () => {
    await posti?.close();
    await repos?.close();
    await database?.drop();
  });

  it('lists an order’s consignments with their parcels and whether the label is kept', async () => {
    const id = await consignment('1001', await labelPdf(1));

    expect(await labels.list(store.id, '1001')).toEqual([
      expect.objectContaining({
        id,
        orderNumber: '1001',
        status: 'created',
        serviceCode: '2104',
        reference: 'reference-1001',
        hasLabel: true,
        labelError: null,
        parcels: [
          expect.objectContaining({ trackingNumber: 'JJFI1001', items: expect.any(Array) }),
        ],
      }),
    ]);
    expect(await labels.list(store.id, 'no-such-order')).toEqual([]);
    const unknown = await problemOf(labels.list('00000000-0000-4000-8000-000000000000', '1001'));
    expect([unknown.status, unknown.code]).toEqual([404, 'unknown_store']);
  });

  it('gives a kept label as it was kept', async () => {
    const kept = await labelPdf(2);
    const id = await consignment('1002', kept);

    const label = await labels.label(id);
    expect(label.orderNumber).toBe('1002');
    expect(label.pdf.equals(kept)).toBe(true);
    const unknown = await problemOf(labels.label('00000000-0000-4000-8000-000000000000'));
    expect([unknown.status, unknown.code]).toEqual([404, 'unknown_carrier_shipment']);
  });

  it('refuses the label of a consignment Posti has not made', async () => {
    const order = await repos.orders.upsert(store.id, orderOf('1003'));
    const requested = await repos.carrierShipments.record({
      orderId: order.id,
      connectionId: connection.id,
      externalAddressId: '701',
      requestId: 'request-1003',
      serviceCode: '2104',
      serviceName: 'Posti Kotipaketti',
      plan: {},
    });

    const refused = await problemOf(labels.label(requested.id));
    expect([refused.status, refused.code]).toEqual([409, 'not_created']);
  });

  it('prints two orders’ labels as one PDF of all their pages, oldest first', async () => {
    await consignment('2001', await labelPdf(1));
    await consignment('2002', await labelPdf(2));

    const printed = await labels.print(printQuery(store.id, { orderNumbers: ['2002', '2001'] }));
    expect(printed.included).toEqual([
      expect.objectContaining({ orderNumber: '2001', trackingNumbers: ['JJFI2001'], pages: 1 }),
      expect.objectContaining({ orderNumber: '2002', trackingNumbers: ['JJFI2002'], pages: 2 }),
    ]);
    expect(printed.missing).toEqual([]);
    expect(printed).toMatchObject({ limit: 500, truncated: false, nextSince: null });
    expect(await pageCount(printed.pdf)).toBe(3);
  });

  it('lists a label pdf-lib cannot read, and an order with no consignment, as missing', async () => {
    await consignment('3001', await labelPdf(1));
    const garbage = await consignment('3002', Buffer.from('this is no PDF at all'));

    const printed = await labels.print(
      printQuery(store.id, { orderNumbers: ['3001', '3002', '3003'] }),
    );
    expect(printed.included.map((label) => label.orderNumber)).toEqual(['3001']);
    expect(printed.missing).toEqual([
      expect.objectContaining({
        orderNumber: '3002',
        carrierShipmentId: garbage,
        reason: 'label_unreadable',
      }),
      expect.objectContaining({
        orderNumber: '3003',
        carrierShipmentId: null,
        reason: 'no_consignment',
      }),
    ]);
    expect(await pageCount(printed.pdf)).toBe(1);
  });

  it('answers 404 when nothing it selects can be printed', async () => {
    await consignment('4001', Buffer.from('%PDF-1.7 and then nothing'));

    const none = await problemOf(labels.print(printQuery(store.id, { orderNumbers: ['4001'] })));
    expect([none.status, none.code]).toEqual([404, 'no_labels']);
    expect(none.details).toEqual({
      missing: [expect.objectContaining({ orderNumber: '4001', reason: 'label_unreadable' })],
    });
  });

  it('fetches a label Posti could not give at creation, keeps it, and prints it', async () => {
    const made = await madeAtPosti('5001');
    await consignment('5002', await labelPdf(1));

    const plan = await labels.printPlan(printQuery(store.id, { orderNumbers: ['5001', '5002'] }));
    expect(plan.included.map((label) => [label.orderNumber, label.label])).toEqual([
      ['5001', 'fetch'],
      ['5002', 'stored'],
    ]);

    const label = await labels.label(made.id);
    expect(await pageCount(label.pdf)).toBe(made.parcels);
    expect((await repos.carrierShipments.find(made.id))?.hasLabel).toBe(true);
    expect((await repos.carrierShipments.label(made.id))?.equals(label.pdf)).toBe(true);

    const printed = await labels.print(printQuery(store.id, { orderNumbers: ['5001', '5002'] }));
    expect(printed.included.map((included) => included.orderNumber)).toEqual(['5001', '5002']);
    expect(await pageCount(printed.pdf)).toBe(made.parcels + 1);
  });

  it('notes a label Posti cannot give and prints the others', async () => {
    // Tracking numbers Posti never issued: its label service refuses them.
    const unknownAtPosti = await consignment('6001', undefined);
    await consignment('6002', await labelPdf(1));

    const refused = await problemOf(labels.label(unknownAtPosti));
    expect([refused.status, refused.code]).toEqual([502, 'label_unavailable']);
    expect(refused.details).toEqual({ reason: expect.stringMatching(/^posti\./) });
    const noted = await repos.carrierShipments.find(unknownAtPosti);
    expect(noted).toMatchObject({
      hasLabel: false,
      labelError: expect.stringContaining('JJFI6001'),
    });

    const printed = await labels.print(printQuery(store.id, { orderNumbers: ['6001', '6002'] }));
    expect(printed.included.map((label) => label.orderNumber)).toEqual(['6002']);
    expect(printed.missing).toEqual([
      expect.objectContaining({
        orderNumber: '6001',
        reason: 'label_unavailable',
        cause: expect.stringMatching(/^posti\./),
      }),
    ]);
  });

  it('does not ask a disabled connection for a label', async () => {
    const tenant = await repos.tenancy.createTenant('Closed');
    const closed = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Closed',
      platform: 'bigcommerce',
      externalRef: 'closed',
    });
    const disabled = await repos.tenancy.createConnection({
      tenantId: tenant.id,
      storeId: closed.id,
      provider: 'posti',
      baseUrl: posti.url,
      credentials: connection.credentials,
      webhookSecret: connection.webhookSecret,
      accountKey: connection.accountKey,
      settings: POSTI_SETTINGS,
    });
    await repos.db.connection.update({ where: { id: disabled.id }, data: { active: false } });
    const id = await consignment('7001', undefined, disabled);

    const refused = await problemOf(labels.label(id));
    expect([refused.status, refused.code]).toEqual([409, 'connection_inactive']);
    const plan = await labels.printPlan(printQuery(closed.id, { orderNumbers: ['7001'] }));
    expect(plan.missing).toEqual([
      expect.objectContaining({ orderNumber: '7001', reason: 'connection_inactive' }),
    ]);
  });

  it('stops at 500 consignments and says where the next print starts', async () => {
    const tenant = await repos.tenancy.createTenant('Busy');
    const busy = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Busy',
      platform: 'bigcommerce',
      externalRef: 'busy',
    });
    const order = await repos.orders.upsert(busy.id, orderOf('10001'));
    const first = Date.now() - 3_600_000;
    // One statement for 501 destinations, a millisecond apart so their order is known.
    await repos.db.carrierShipment.createMany({
      data: Array.from({ length: 501 }, (_, i) => ({
        orderId: order.id,
        connectionId: connection.id,
        externalAddressId: `a${i}`,
        requestId: `busy-${i}`,
        status: 'created' as const,
        serviceCode: '2104',
        serviceName: 'Posti Kotipaketti',
        plan: {},
        createdAt: new Date(first + i),
        consignedAt: new Date(first + i),
      })),
    });

    const plan = await labels.printPlan(printQuery(busy.id, { orderNumbers: ['10001', '10002'] }));
    expect(plan.included).toHaveLength(500);
    expect(plan).toMatchObject({
      limit: 500,
      truncated: true,
      nextSince: new Date(first + 500).toISOString(),
    });
    expect(plan.missing).toEqual([
      expect.objectContaining({ orderNumber: '10002', reason: 'over_print_limit' }),
    ]);
  });

  describe('over HTTP', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      const app = express();
      app.use(express.json());
      app.use(labelsApi({ labels, body }));
      app.use(problemHandler(silentLogger));
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    const post = (path: string, json: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });

    it('prints a PDF attachment whose headers say what it holds', async () => {
      await consignment('8001', await labelPdf(2));
      await consignment('8002', Buffer.from('garbage'));

      const response = await post(`/admin/api/stores/${store.id}/labels/print`, {
        orderNumbers: ['8001', '8002', '8,003'],
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="labels-.+\.pdf"$/,
      );
      expect(response.headers.get('x-shiplink-labels-included')).toBe('1');
      expect(response.headers.get('x-shiplink-labels-missing')).toBe('2');
      expect(response.headers.get('x-shiplink-labels-missing-orders')).toBe('8002,8%2C003');
      expect(await pageCount(new Uint8Array(await response.arrayBuffer()))).toBe(2);
    });

    it('refuses a print that names neither orders nor a window, or more than it takes', async () => {
      const path = `/admin/api/stores/${store.id}/labels/print`;
      expect((await post(path, {})).status).toBe(400);
      expect((await post(path, { since: 'yesterday' })).status).toBe(400);
      expect((await post(path, { orderNumbers: ['1'], copies: 2 })).status).toBe(400);
      const many = Array.from({ length: 501 }, (_, i) => String(i));
      expect((await post(path, { orderNumbers: many })).status).toBe(400);
      const since = new Date(Date.now() + 3_600_000).toISOString();
      const empty = await post(path, { since });
      expect([empty.status, ((await empty.json()) as { error: string }).error]).toEqual([
        404,
        'no_labels',
      ]);
    });

    it('says what a print would hold without making it', async () => {
      const pdf = await labelPdf(1);
      const since = new Date().toISOString();
      await consignment('9001', pdf);

      const response = await post(`/admin/api/stores/${store.id}/labels/print/dry-run`, { since });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        limit: 500,
        truncated: false,
        included: [{ orderNumber: '9001', label: 'stored', trackingNumbers: ['JJFI9001'] }],
        missing: [],
      });
    });

    it('serves one label inline, and an order’s consignments as JSON', async () => {
      const id = await consignment('9101', await labelPdf(1));

      const label = await fetch(`${base}/admin/api/carrier-shipments/${id}/label`);
      expect(label.status).toBe(200);
      expect(label.headers.get('content-disposition')).toBe('inline; filename="label-9101.pdf"');
      expect(await pageCount(new Uint8Array(await label.arrayBuffer()))).toBe(1);

      const list = await fetch(
        `${base}/admin/api/stores/${store.id}/orders/9101/carrier-shipments`,
      );
      expect(((await list.json()) as { id: string }[]).map((shipment) => shipment.id)).toEqual([
        id,
      ]);
      expect((await fetch(`${base}/admin/api/carrier-shipments/not-a-uuid/label`)).status).toBe(
        400,
      );
    });
  });
});
