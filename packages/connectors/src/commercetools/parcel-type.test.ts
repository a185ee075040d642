import { TRACKING_STATUSES } from '@shiplink/domain';
import { PermanentError, RetryableError } from '@shiplink/errors';
import type { CommercetoolsClient, UpdateAction } from './client';
import { ensureParcelType, PARCEL_FIELDS, parcelTypeDraft, parcelTypeUpdates } from './parcel-type';
import { TypeSchema, type CommercetoolsType, type LocalizedString } from './schemas';

const KEY = 'shiplink-parcel-tracking';
const LANGUAGES = ['de', 'en', 'fi', 'sv'];
const draft = parcelTypeDraft(KEY);

type Definition = (typeof draft.fieldDefinitions)[number];

/** The Type as commercetools holds it after creating `draft`, with `change` applied. */
function existingType(
  change: (definitions: Definition[]) => Definition[] = (definitions) => definitions,
  resourceTypeIds = draft.resourceTypeIds,
): CommercetoolsType {
  return TypeSchema.parse({
    id: 'c0ffee00-0000-4000-8000-000000000001',
    version: 4,
    ...structuredClone(draft),
    resourceTypeIds,
    fieldDefinitions: change(structuredClone(draft.fieldDefinitions)),
  });
}

const statusDefinition = (definitions: Definition[]) => {
  const found = definitions.find((definition) => definition.name === PARCEL_FIELDS.status);
  if (!found) throw new Error('the draft has a status field');
  return found;
};

const enumValues = (definition: Definition) =>
  (definition.type as unknown as { values: { key: string; label: LocalizedString }[] }).values;

describe('parcelTypeDraft', () => {
  it('is a Type for parcels with the given key and a localized name', () => {
    expect(draft).toMatchObject({ key: KEY, resourceTypeIds: ['order-parcel'] });
    expect(Object.keys(draft.name).sort()).toEqual(LANGUAGES);
  });

  it('has the hub’s six fields, none required, of the types they hold', () => {
    expect(
      draft.fieldDefinitions.map((field) => [field.name, field.type.name, field.required]),
    ).toEqual([
      ['shiplinkStatus', 'LocalizedEnum', false],
      ['shiplinkSubStatus', 'String', false],
      ['shiplinkLastEvent', 'String', false],
      ['shiplinkLastEventAt', 'DateTime', false],
      ['shiplinkEstimatedDelivery', 'Date', false],
      ['shiplinkTrackingUrl', 'String', false],
    ]);
    expect(draft.fieldDefinitions.map((field) => field.name)).toEqual(Object.values(PARCEL_FIELDS));
  });

  it('gives text fields an input hint and others none', () => {
    const hints = Object.fromEntries(
      draft.fieldDefinitions.map((field) => [
        field.name,
        'inputHint' in field ? field.inputHint : null,
      ]),
    );
    expect(hints).toEqual({
      shiplinkStatus: null,
      shiplinkSubStatus: 'SingleLine',
      shiplinkLastEvent: 'MultiLine',
      shiplinkLastEventAt: null,
      shiplinkEstimatedDelivery: null,
      shiplinkTrackingUrl: 'SingleLine',
    });
  });

  it.each(draft.fieldDefinitions.map((field) => [field.name, field] as const))(
    '%s is labelled in English, German, Finnish and Swedish',
    (_name, field) => {
      expect(Object.keys(field.label).sort()).toEqual(LANGUAGES);
      expect(Object.values(field.label).every((label) => label.trim().length > 0)).toBe(true);
    },
  );

  it('offers every tracking status, in order, as a status value', () => {
    const values = enumValues(statusDefinition(draft.fieldDefinitions));
    expect(values.map((value) => value.key)).toEqual([...TRACKING_STATUSES]);
  });

  it('labels every status in the four languages, each label telling the status apart', () => {
    const values = enumValues(statusDefinition(draft.fieldDefinitions));
    for (const value of values) expect(Object.keys(value.label).sort()).toEqual(LANGUAGES);
    for (const language of LANGUAGES) {
      const labels = values.map((value) => value.label[language]);
      expect(new Set(labels).size).toBe(values.length);
    }
  });
});

describe('parcelTypeUpdates', () => {
  it('is empty for the Type created from the draft', () => {
    expect(parcelTypeUpdates(existingType())).toEqual([]);
  });

  it('adds a field the Type lacks, as the draft defines it', () => {
    const withoutUrl = existingType((definitions) =>
      definitions.filter((definition) => definition.name !== PARCEL_FIELDS.trackingUrl),
    );
    const trackingUrl = draft.fieldDefinitions.find((d) => d.name === PARCEL_FIELDS.trackingUrl);
    expect(parcelTypeUpdates(withoutUrl)).toEqual([
      { action: 'addFieldDefinition', fieldDefinition: trackingUrl },
    ]);
  });

  it('adds the status values the Type lacks, with their labels', () => {
    const older = existingType((definitions) => {
      const status = statusDefinition(definitions);
      status.type = {
        ...status.type,
        values: enumValues(status).filter(
          (value) => value.key !== 'expired' && value.key !== 'tracking_error',
        ),
      };
      return definitions;
    });
    const expected = enumValues(statusDefinition(draft.fieldDefinitions)).filter((value) =>
      ['expired', 'tracking_error'].includes(value.key),
    );
    expect(parcelTypeUpdates(older)).toEqual(
      expected.map((value) => ({
        action: 'addLocalizedEnumValue',
        fieldName: PARCEL_FIELDS.status,
        value,
      })),
    );
  });

  it('keeps status values of the merchant’s own', () => {
    const extended = existingType((definitions) => {
      const status = statusDefinition(definitions);
      const own = { key: 'held_at_customs', label: { en: 'Held at customs' } };
      status.type = { ...status.type, values: [...enumValues(status), own] };
      return definitions;
    });
    expect(parcelTypeUpdates(extended)).toEqual([]);
  });

  it('changes a label that differs in one of the hub’s languages', () => {
    const relabelled = existingType((definitions) =>
      definitions.map((definition) =>
        definition.name === PARCEL_FIELDS.subStatus
          ? { ...definition, label: { ...definition.label, de: 'Detail' } }
          : definition,
      ),
    );
    const subStatus = draft.fieldDefinitions.find((d) => d.name === PARCEL_FIELDS.subStatus);
    expect(parcelTypeUpdates(relabelled)).toEqual([
      { action: 'changeLabel', fieldName: PARCEL_FIELDS.subStatus, label: subStatus?.label },
    ]);
  });

  it('changes a label that lacks one of the hub’s languages, and keeps others’ languages', () => {
    const withoutSwedish = existingType((definitions) =>
      definitions.map((definition) => {
        if (definition.name !== PARCEL_FIELDS.lastEvent) return definition;
        const { sv: _dropped, ...rest } = definition.label;
        return { ...definition, label: rest };
      }),
    );
    expect(parcelTypeUpdates(withoutSwedish).map((action) => action.fieldName)).toEqual([
      PARCEL_FIELDS.lastEvent,
    ]);
    const withDutch = existingType((definitions) =>
      definitions.map((definition) => ({
        ...definition,
        label: { ...definition.label, nl: 'Veld' },
      })),
    );
    expect(parcelTypeUpdates(withDutch)).toEqual([]);
  });

  it('proposes nothing for a Type that is not for parcels', () => {
    const forOrders = existingType((definitions) => definitions.slice(0, 1), ['order']);
    expect(parcelTypeUpdates(forOrders)).toEqual([]);
  });
});

describe('ensureParcelType', () => {
  /** A client holding `types` in turn for each read, recording creates and updates. */
  function fakeClient(reads: (CommercetoolsType | undefined)[], updated?: CommercetoolsType) {
    const calls = { creates: [] as unknown[], updates: [] as [number, UpdateAction[]][] };
    let read = 0;
    const client = {
      typeByKey: jest.fn(async () => reads[Math.min(read++, reads.length - 1)]),
      createType: jest.fn(async (body: Record<string, unknown>) => {
        calls.creates.push(body);
        return existingType();
      }),
      updateType: jest.fn(async (_key: string, version: number, actions: UpdateAction[]) => {
        calls.updates.push([version, actions]);
        return updated;
      }),
    };
    return { client: client as unknown as CommercetoolsClient, calls };
  }

  it('creates the Type when there is none', async () => {
    const { client, calls } = fakeClient([undefined]);
    await expect(ensureParcelType(client, KEY)).resolves.toMatchObject({
      created: true,
      updated: 0,
    });
    expect(calls.creates).toEqual([draft]);
  });

  it('keeps a Type that is up to date', async () => {
    const current = existingType();
    const { client, calls } = fakeClient([current]);
    await expect(ensureParcelType(client, KEY)).resolves.toEqual({
      type: current,
      created: false,
      updated: 0,
    });
    expect(calls).toEqual({ creates: [], updates: [] });
  });

  it('brings an older Type up to date at the version it read', async () => {
    const older = existingType((definitions) => definitions.slice(0, 5));
    const { client, calls } = fakeClient([older], existingType());
    await expect(ensureParcelType(client, KEY)).resolves.toMatchObject({
      created: false,
      updated: 1,
    });
    expect(calls.updates).toEqual([
      [4, [expect.objectContaining({ action: 'addFieldDefinition' })]],
    ]);
  });

  it('refuses a Type of that key for something else', async () => {
    const { client } = fakeClient([existingType(undefined, ['order'])]);
    await expect(ensureParcelType(client, KEY)).rejects.toThrow(PermanentError);
  });

  it('gives up, to be retried, when the Type keeps changing under it', async () => {
    const older = existingType((definitions) => definitions.slice(0, 5));
    const { client, calls } = fakeClient([older], undefined);
    await expect(ensureParcelType(client, KEY)).rejects.toThrow(RetryableError);
    expect(calls.updates).toHaveLength(3);
  });
});
