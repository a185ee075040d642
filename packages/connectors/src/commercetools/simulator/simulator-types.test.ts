import { SimulatorControl } from '../../testing/control';
import { call, openProject, orderDraft, type Json } from './test-support';
import { startCommercetoolsSimulator, type RunningCommercetoolsSimulator } from '.';

const PARCEL_TYPE = {
  key: 'shiplink-parcel-tracking',
  name: { en: 'Shiplink parcel tracking' },
  description: { en: 'What the hub writes on parcels' },
  resourceTypeIds: ['order-parcel'],
  fieldDefinitions: [
    {
      name: 'trackingStatus',
      label: { en: 'Tracking status' },
      required: false,
      type: {
        name: 'Enum',
        values: [
          { key: 'in_transit', label: 'In transit' },
          { key: 'delivered', label: 'Delivered' },
        ],
      },
      inputHint: 'SingleLine',
    },
    {
      name: 'trackingUrl',
      label: { en: 'Tracking URL' },
      required: false,
      type: { name: 'String' },
    },
    {
      name: 'deliveredAt',
      label: { en: 'Delivered at' },
      required: false,
      type: { name: 'DateTime' },
    },
    { name: 'attempts', label: { en: 'Attempts' }, required: false, type: { name: 'Number' } },
  ],
};

interface TypeJson {
  id: string;
  version: number;
  key: string;
  fieldDefinitions: { name: string; label: Json; type: Json; inputHint?: string }[];
}

interface OrderJson {
  id: string;
  version: number;
  shippingInfo: { deliveries: { parcels: { id: string; custom?: Json }[] }[] };
}

describe('commercetools simulator types and custom fields', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let token: string;
  const api = <T = Json>(method: string, path: string, body?: unknown) =>
    call<T>(sim.url, method, `/shop${path}`, { token, body });

  beforeAll(async () => {
    sim = await startCommercetoolsSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    token = (await openProject(sim.url, { projectKey: 'shop' })).token;
  });

  it('creates a Type (201), refuses its key twice, and finds it by key', async () => {
    const created = await api<TypeJson>('POST', '/types', PARCEL_TYPE);
    expect(created).toMatchObject({
      status: 201,
      body: {
        version: 1,
        key: PARCEL_TYPE.key,
        resourceTypeIds: ['order-parcel'],
        createdAt: expect.any(String),
      },
    });
    expect(created.body.fieldDefinitions).toEqual(PARCEL_TYPE.fieldDefinitions);
    const again = await api('POST', '/types', PARCEL_TYPE);
    expect(again).toMatchObject({
      status: 400,
      body: {
        message: `A duplicate value '"${PARCEL_TYPE.key}"' exists for field 'key'.`,
        errors: [{ code: 'DuplicateField', field: 'key', duplicateValue: PARCEL_TYPE.key }],
      },
    });
    await api('POST', '/types', { ...PARCEL_TYPE, key: 'other', fieldDefinitions: [] });
    const byKey = await api<{ results: TypeJson[] }>(
      'GET',
      `/types?where=${encodeURIComponent(`key in ("${PARCEL_TYPE.key}", "nope")`)}`,
    );
    expect(byKey.body.results.map((type) => type.key)).toEqual([PARCEL_TYPE.key]);
    expect((await api<TypeJson>('GET', `/types/key=${PARCEL_TYPE.key}`)).body.id).toBe(
      created.body.id,
    );
    expect((await api('GET', '/types/key=missing')).status).toBe(404);
    const invalid = await api('POST', '/types', {
      key: 'x',
      name: { en: 'X' },
      resourceTypeIds: ['order'],
    });
    expect(invalid.body).toMatchObject({ errors: [{ code: 'InvalidJsonInput' }] });
  });

  it('updates a Type with versioned actions', async () => {
    const type = (await api<TypeJson>('POST', '/types', PARCEL_TYPE)).body;
    const updated = await api<TypeJson>('POST', `/types/${type.id}`, {
      version: 1,
      actions: [
        {
          action: 'addFieldDefinition',
          fieldDefinition: {
            name: 'note',
            label: { en: 'Note' },
            required: false,
            type: { name: 'String' },
          },
        },
        {
          action: 'addEnumValue',
          fieldName: 'trackingStatus',
          value: { key: 'exception', label: 'Exception' },
        },
        {
          action: 'changeEnumValueLabel',
          fieldName: 'trackingStatus',
          value: { key: 'delivered', label: 'Delivered!' },
        },
        { action: 'changeLabel', fieldName: 'note', label: { en: 'Remark' } },
        { action: 'changeInputHint', fieldName: 'note', inputHint: 'MultiLine' },
        { action: 'removeFieldDefinition', fieldName: 'attempts' },
        { action: 'changeName', name: { en: 'Parcel tracking' } },
        { action: 'setDescription' },
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, name: { en: 'Parcel tracking' } });
    expect(updated.body).not.toHaveProperty('description');
    expect(updated.body.fieldDefinitions.map((definition) => definition.name)).toEqual([
      'trackingStatus',
      'trackingUrl',
      'deliveredAt',
      'note',
    ]);
    expect(updated.body.fieldDefinitions[0]!.type).toEqual({
      name: 'Enum',
      values: [
        { key: 'in_transit', label: 'In transit' },
        { key: 'delivered', label: 'Delivered!' },
        { key: 'exception', label: 'Exception' },
      ],
    });
    expect(updated.body.fieldDefinitions[3]).toMatchObject({
      label: { en: 'Remark' },
      inputHint: 'MultiLine',
    });
    const stale = await api('POST', `/types/key=${PARCEL_TYPE.key}`, { version: 1, actions: [] });
    expect(stale).toMatchObject({
      status: 409,
      body: { errors: [{ code: 'ConcurrentModification', currentVersion: 2 }] },
    });
    const duplicate = await api('POST', `/types/${type.id}`, {
      version: 2,
      actions: [
        {
          action: 'addEnumValue',
          fieldName: 'trackingStatus',
          value: { key: 'delivered', label: 'again' },
        },
      ],
    });
    expect(duplicate.body).toMatchObject({
      errors: [{ code: 'EnumKeyAlreadyExists', conflictingEnumKey: 'delivered' }],
    });
  });

  it('checks parcel custom fields against the Type, and keeps a used Type', async () => {
    const parcelType = (await api<TypeJson>('POST', '/types', PARCEL_TYPE)).body;
    await api('POST', '/types', { ...PARCEL_TYPE, key: 'order-only', resourceTypeIds: ['order'] });
    const order = await control.post<OrderJson>('/projects/shop/orders', orderDraft());
    const shipped = await control.post<OrderJson>(`/projects/shop/orders/${order.id}/deliveries`, {
      parcels: [{ key: 'p-1', trackingId: 'T1', carrier: 'UPS' }],
    });
    const version = shipped.version;
    const setType = (type: Json, fields: Json = {}) =>
      api<OrderJson>('POST', `/orders/${order.id}`, {
        version,
        actions: [{ action: 'setParcelCustomType', parcelKey: 'p-1', type, fields }],
      });
    const wrongResource = await setType({ typeId: 'type', key: 'order-only' });
    expect(wrongResource.body).toMatchObject({
      statusCode: 400,
      errors: [{ code: 'InvalidOperation' }],
    });
    const unknownType = await setType({ typeId: 'type', key: 'nope' });
    expect(unknownType.body).toMatchObject({
      errors: [{ code: 'ReferencedResourceNotFound', typeId: 'type', key: 'nope' }],
    });
    const unknownField = await setType({ typeId: 'type', key: PARCEL_TYPE.key }, { colour: 'red' });
    expect(unknownField.body).toMatchObject({
      errors: [{ code: 'InvalidField', field: 'colour', invalidValue: 'red' }],
    });
    const wrongEnum = await setType(
      { typeId: 'type', key: PARCEL_TYPE.key },
      { trackingStatus: 'lost' },
    );
    expect(wrongEnum.body).toMatchObject({
      errors: [
        {
          code: 'InvalidField',
          field: 'trackingStatus',
          allowedValues: ['in_transit', 'delivered'],
        },
      ],
    });
    expect((await api<OrderJson>('GET', `/orders/${order.id}`)).body.version).toBe(version);

    const typed = await setType(
      { typeId: 'type', id: parcelType.id },
      { trackingStatus: 'in_transit', trackingUrl: 'https://t.example/T1' },
    );
    expect(typed.status).toBe(200);
    const fieldSet = await api<OrderJson>('POST', `/orders/${order.id}`, {
      version: typed.body.version,
      actions: [
        {
          action: 'setParcelCustomField',
          parcelKey: 'p-1',
          name: 'trackingStatus',
          value: 'delivered',
        },
        {
          action: 'setParcelCustomField',
          parcelKey: 'p-1',
          name: 'deliveredAt',
          value: '2026-03-03T12:00:00Z',
        },
        { action: 'setParcelCustomField', parcelKey: 'p-1', name: 'trackingUrl' },
      ],
    });
    expect(fieldSet.body.shippingInfo.deliveries[0]!.parcels[0]!.custom).toEqual({
      type: { typeId: 'type', id: parcelType.id },
      fields: { trackingStatus: 'delivered', deliveredAt: '2026-03-03T12:00:00.000Z' },
    });
    const wrongValue = await api('POST', `/orders/${order.id}`, {
      version: fieldSet.body.version,
      actions: [
        { action: 'setParcelCustomField', parcelKey: 'p-1', name: 'deliveredAt', value: 42 },
      ],
    });
    expect(wrongValue.body).toMatchObject({
      errors: [{ code: 'InvalidField', field: 'deliveredAt' }],
    });

    const inUse = await call(sim.url, 'DELETE', `/shop/types/${parcelType.id}?version=1`, {
      token,
    });
    expect(inUse.body).toMatchObject({ errors: [{ code: 'ReferenceExists' }] });
    const other = (await api<{ results: TypeJson[] }>('GET', '/types?where=key%3D%22order-only%22'))
      .body.results[0]!;
    expect(
      (await call(sim.url, 'DELETE', `/shop/types/${other.id}?version=9`, { token })).status,
    ).toBe(409);
    expect(
      (await call(sim.url, 'DELETE', `/shop/types/${other.id}?version=1`, { token })).status,
    ).toBe(200);
    expect((await api('GET', `/types/${other.id}`)).status).toBe(404);
  });

  it('sets order Custom Fields with their messages', async () => {
    await api('POST', '/types', {
      key: 'order-extra',
      name: { en: 'Order extra' },
      resourceTypeIds: ['order'],
      fieldDefinitions: [
        { name: 'wmsId', label: { en: 'WMS id' }, required: false, type: { name: 'String' } },
        {
          name: 'tags',
          label: { en: 'Tags' },
          required: false,
          type: { name: 'Set', elementType: { name: 'String' } },
        },
      ],
    });
    const order = await control.post<OrderJson>(
      '/projects/shop/orders',
      orderDraft({ orderNumber: 'C-1' }),
    );
    const answer = await api<OrderJson & { custom: Json }>('POST', `/orders/${order.id}`, {
      version: 1,
      actions: [
        {
          action: 'setCustomType',
          type: { key: 'order-extra', typeId: 'type' },
          fields: { tags: ['a'] },
        },
        { action: 'setCustomField', name: 'wmsId', value: 'W-1' },
        { action: 'setCustomField', name: 'wmsId', value: 'W-2' },
        { action: 'setCustomField', name: 'tags' },
      ],
    });
    expect(answer.body.custom).toMatchObject({ fields: { wmsId: 'W-2' } });
    const messages = (await control.get<Json[]>('/projects/shop/messages')).slice(1);
    expect(messages.map((message) => message.type)).toEqual([
      'OrderCustomTypeSet',
      'OrderCustomFieldAdded',
      'OrderCustomFieldChanged',
      'OrderCustomFieldRemoved',
    ]);
    expect(messages[2]).toMatchObject({ name: 'wmsId', value: 'W-2', previousValue: 'W-1' });
  });
});
