import type { CommercetoolsClient } from './client';
import { ORDER_CREATED_MESSAGE_TYPES, ORDER_SHIPPING_MESSAGE_TYPES } from './push';
import { SubscriptionSchema, type CommercetoolsSubscription } from './schemas';
import { CommercetoolsSettingsSchema } from './settings';
import { ORDER_MESSAGE_TYPES, subscriptionDraft, syncSubscription } from './subscription';

const pubsubSettings = { projectId: 'shiplink-demo', topic: 'orders' };
const settingsOf = (input: Record<string, unknown> = {}) =>
  CommercetoolsSettingsSchema.parse({ pubsub: pubsubSettings, ...input });
const pubsubOf = (settings: ReturnType<typeof settingsOf>) => {
  if (!settings.pubsub) throw new Error('the settings have a topic');
  return settings.pubsub;
};

describe('ORDER_MESSAGE_TYPES', () => {
  it('has every order-created and every shipping message type', () => {
    for (const type of [...ORDER_CREATED_MESSAGE_TYPES, ...ORDER_SHIPPING_MESSAGE_TYPES]) {
      expect(ORDER_MESSAGE_TYPES).toContain(type);
    }
    expect(ORDER_MESSAGE_TYPES).toEqual(
      expect.arrayContaining([
        'OrderCreated',
        'OrderImported',
        'DeliveryAdded',
        'ParcelAddedToDelivery',
        'ParcelTrackingDataUpdated',
        'ReturnInfoAdded',
        'OrderStateChanged',
        'OrderPaymentStateChanged',
        'OrderDeleted',
      ]),
    );
  });

  it('leaves out the shipment state changes the hub writes itself', () => {
    expect(ORDER_MESSAGE_TYPES).not.toContain('OrderShipmentStateChanged');
  });

  it('names each type once', () => {
    expect(new Set(ORDER_MESSAGE_TYPES).size).toBe(ORDER_MESSAGE_TYPES.length);
  });
});

describe('subscriptionDraft', () => {
  it('publishes order messages to the connection’s topic in the Platform format', () => {
    const settings = settingsOf();
    expect(subscriptionDraft(settings, pubsubOf(settings), ORDER_MESSAGE_TYPES)).toEqual({
      key: 'shiplink-orders',
      destination: { type: 'GoogleCloudPubSub', projectId: 'shiplink-demo', topic: 'orders' },
      messages: [{ resourceTypeId: 'order', types: [...ORDER_MESSAGE_TYPES] }],
      format: { type: 'Platform' },
    });
  });

  it('asks for CloudEvents 1.0 when the settings say so, under their key', () => {
    const settings = settingsOf({ format: 'CloudEvents', subscriptionKey: 'shiplink-eu' });
    const draft = subscriptionDraft(settings, pubsubOf(settings), ['OrderCreated']);
    expect(draft).toMatchObject({
      key: 'shiplink-eu',
      messages: [{ resourceTypeId: 'order', types: ['OrderCreated'] }],
      format: { type: 'CloudEvents', cloudEventsVersion: '1.0' },
    });
  });

  it('copies the types, so the draft never shares the caller’s list', () => {
    const types = ['OrderCreated'];
    const settings = settingsOf();
    const draft = subscriptionDraft(settings, pubsubOf(settings), types);
    types.push('OrderDeleted');
    expect(draft.messages[0]?.types).toEqual(['OrderCreated']);
  });
});

describe('syncSubscription', () => {
  const settings = settingsOf();
  const pubsub = pubsubOf(settings);

  /** The subscription commercetools would hold for `draft`, changed by `patch`. */
  const existing = (patch: Record<string, unknown> = {}): CommercetoolsSubscription => {
    const draft = subscriptionDraft(settings, pubsub, ORDER_MESSAGE_TYPES);
    return SubscriptionSchema.parse({
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      version: 2,
      ...draft,
      changes: [],
      status: 'Healthy',
      ...patch,
    });
  };

  function fakeClient(found: CommercetoolsSubscription | undefined) {
    const calls: string[] = [];
    const client = {
      subscriptionByKey: jest.fn(async () => found),
      deleteSubscription: jest.fn(async (key: string, version: number) => {
        calls.push(`delete ${key}@${version}`);
      }),
      createSubscription: jest.fn(async (draft: { key: string }) => {
        calls.push(`create ${draft.key}`);
        return existing();
      }),
    };
    return { client: client as unknown as CommercetoolsClient, calls };
  }

  it('keeps a subscription that is as the settings describe it', async () => {
    const { client, calls } = fakeClient(existing());
    await expect(syncSubscription(client, settings, pubsub, ORDER_MESSAGE_TYPES)).resolves.toBe(
      'existing',
    );
    expect(calls).toEqual([]);
  });

  it('creates the subscription when there is none', async () => {
    const { client, calls } = fakeClient(undefined);
    await expect(syncSubscription(client, settings, pubsub, ORDER_MESSAGE_TYPES)).resolves.toBe(
      'registered',
    );
    expect(calls).toEqual(['create shiplink-orders']);
  });

  it.each<[string, Record<string, unknown>]>([
    [
      'another topic',
      { destination: { type: 'GoogleCloudPubSub', projectId: 'shiplink-demo', topic: 'old' } },
    ],
    ['another format', { format: { type: 'CloudEvents', cloudEventsVersion: '1.0' } }],
    ['fewer message types', { messages: [{ resourceTypeId: 'order', types: ['OrderCreated'] }] }],
  ])('replaces a subscription with %s', async (_what, patch) => {
    const { client, calls } = fakeClient(existing(patch));
    await expect(syncSubscription(client, settings, pubsub, ORDER_MESSAGE_TYPES)).resolves.toBe(
      'registered',
    );
    expect(calls).toEqual(['delete shiplink-orders@2', 'create shiplink-orders']);
  });

  it('reads a subscription without a format as Platform', async () => {
    const { client, calls } = fakeClient(existing({ format: undefined }));
    await expect(syncSubscription(client, settings, pubsub, ORDER_MESSAGE_TYPES)).resolves.toBe(
      'existing',
    );
    expect(calls).toEqual([]);
  });
});
