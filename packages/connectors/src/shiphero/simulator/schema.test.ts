import { parse, validate } from 'graphql';
import { DOCUMENTS } from '../documents';
import { shipHeroSubsetSchema } from './schema';
import { postGraphQL } from './test-support';
import { orderInput } from '../fixtures/order-input';
import { openShipHeroAccount, startShipHeroSimulator, type RunningShipHeroSimulator } from '.';

describe('ShipHero subset schema', () => {
  it.each(Object.entries(DOCUMENTS))('validates the client document %s', (_name, document) => {
    expect(validate(shipHeroSubsetSchema(), parse(document)).map(String)).toEqual([]);
  });

  it('keeps ShipHero root fields, inputs and scalars the client relies on', () => {
    const schema = shipHeroSubsetSchema();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(
      [
        'account',
        'order',
        'orders',
        'product',
        'shipment',
        'shipments',
        'uuid',
        'warehouse_products',
        'webhooks',
      ].sort(),
    );
    for (const type of [
      'ISODateTime',
      'Decimal',
      'GenericScalar',
      'CreateOrderInput',
      'UserNoteInput',
    ]) {
      expect(schema.getType(type)).toBeDefined();
    }
  });
});

describe('ShipHero simulator validation', () => {
  let sim: RunningShipHeroSimulator;
  let token: string;

  beforeAll(async () => {
    sim = await startShipHeroSimulator();
    token = (await openShipHeroAccount(sim.url)).credentials.accessToken;
  });
  afterAll(() => sim.close());

  it("answers a schema-invalid document with graphql-js's own message, HTTP 200, no data", async () => {
    const document = '{ order(id: "x") { data { colour } } }';
    const answer = await postGraphQL(sim.url, token, document);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'Cannot query field "colour" on type "Order".',
          locations: [{ line: 1, column: 27 }],
        },
      ],
    });
    const local = validate(shipHeroSubsetSchema(), parse(document));
    expect(answer.body.errors).toEqual(local.map((error) => error.toJSON()));
  });

  it('refuses an input field ShipHero does not know, and a missing required one', async () => {
    const document =
      'mutation { order_cancel(data: { order_id: "x", colour: "red" }) { request_id } }';
    const unknown = await postGraphQL(sim.url, token, document);
    expect(unknown.body.errors?.map((error) => error.message)).toEqual(
      validate(shipHeroSubsetSchema(), parse(document)).map((error) => error.message),
    );
    expect(unknown.body.errors?.[0]?.message).toContain('unknown field "colour"');
    const missing = await postGraphQL(
      sim.url,
      token,
      'mutation($data: CreateOrderInput!) { order_create(data: $data) { request_id } }',
      { data: { ...orderInput('v-1'), shipping_address: undefined } },
    );
    expect(missing.body.errors?.[0]?.message).toContain(
      'to include required field "shipping_address"',
    );
  });

  it('accepts every optional field of a complete CreateOrderInput', async () => {
    const answer = await postGraphQL(sim.url, token, DOCUMENTS.OrderCreate, {
      data: orderInput('v-2', {
        customer_account_id: null,
        box_name: 'Small',
        currency: 'USD',
        ready_to_ship: false,
        insurance_amount: '12.50',
        billing_address: { first_name: 'Ada', country_code: 'US' },
        from_name: 'Shiplink',
        note_attributes: [{ name: 'gift', value: 'yes' }],
        gift_note: 'Enjoy',
        gift_invoice: true,
        require_signature: false,
        adult_signature_required: false,
        alcohol: false,
        insurance: true,
        allow_partial: true,
        allow_split: false,
        custom_invoice_url: 'https://example.com/invoice.pdf',
        email: 'ada@example.com',
        profile: 'default',
        packing_note: 'Fragile',
        required_ship_date: '2026-03-03T00:00:00Z',
        auto_print_return_label: false,
        hold_until_date: '2026-03-02T00:00:00',
        incoterms: 'DDP',
        tax_id: 'X1',
        tax_type: 'VAT',
        flagged: false,
        saturday_delivery: false,
        ignore_address_validation_errors: true,
        skip_address_validation: true,
        priority_flag: false,
        allocation_priority: 1,
        holds: { payment_hold: false },
        dry_ice_weight_in_lbs: '0',
        ftr_exemption: '0',
        address_is_business: false,
      }),
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.order_create).toMatchObject({ order: { partner_order_id: 'v-2' } });
  });

  it('answers a syntax error like graphql-js, and a body without a query with 400', async () => {
    const broken = await postGraphQL(sim.url, token, '{ account { ');
    expect(broken.status).toBe(200);
    expect(broken.body.errors?.[0]?.message).toBe('Syntax Error: Expected Name, found <EOF>.');
    const empty = await fetch(`${sim.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
  });
});
