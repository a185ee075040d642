import type { WebhookRefusal } from '../../descriptor';
import { readPushDelivery, type PushDeliveryResult } from './envelope';
import {
  FIXTURE_ORDER_ID,
  FIXTURE_ORDER_NUMBER,
  FIXTURE_PROJECT_KEY,
  FIXTURE_PUBSUB_SUBSCRIPTION,
  FIXTURE_SUBSCRIPTION_ID,
  binaryCloudEventAttributes,
  orderChangeFixture,
  orderCreatedFixture,
  orderMessageFixture,
  parcelTrackingDataUpdatedFixture,
  payloadNotIncludedFixture,
  pushBodyFixture,
  pushEnvelopeFixture,
  structuredCloudEventFixture,
  subscriptionTestFixture,
} from './fixtures/notifications';
import type { CommercetoolsNotification } from './notification';

function accepted(result: PushDeliveryResult): CommercetoolsNotification {
  if (!result.ok)
    throw new Error(`refused: ${result.code} ${result.message} ${String(result.details)}`);
  return result.notification;
}

function refused(result: PushDeliveryResult): WebhookRefusal {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.notification)}`);
  return result;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('readPushDelivery, Platform format', () => {
  it('reads a message and says what it is about', () => {
    const notification = accepted(
      readPushDelivery(pushBodyFixture(parcelTrackingDataUpdatedFixture)),
    );
    expect(notification).toEqual({
      format: 'Platform',
      notificationType: 'Message',
      eventRef: parcelTrackingDataUpdatedFixture.id,
      type: 'ParcelTrackingDataUpdated',
      projectKey: FIXTURE_PROJECT_KEY,
      resource: { typeId: 'order', id: FIXTURE_ORDER_ID },
      resourceVersion: 7,
      sequenceNumber: 4,
      orderNumber: FIXTURE_ORDER_NUMBER,
      payloadNotIncluded: null,
      payload: parcelTrackingDataUpdatedFixture,
      pubsub: {
        messageId: '2070443601311540',
        publishTime: '2024-05-06T10:11:13.123Z',
        subscription: FIXTURE_PUBSUB_SUBSCRIPTION,
        deliveryAttempt: null,
      },
      cloudEvent: null,
      isSubscriptionTest: false,
    });
  });

  it('keeps fields it does not know, in the payload and around it', () => {
    const message = orderMessageFixture('OrderStateChanged', {
      orderState: 'Confirmed',
      oldOrderState: 'Open',
      somethingNew: { nested: [1, 2] },
    });
    const envelope = pushEnvelopeFixture(message, { deliveryAttempt: 3 });
    const body = json({
      ...envelope,
      extra: true,
      message: { ...(envelope.message as object), orderingKey: 'k' },
    });
    const notification = accepted(readPushDelivery(body));
    expect(notification.payload).toMatchObject({
      orderState: 'Confirmed',
      somethingNew: { nested: [1, 2] },
    });
    expect(notification.pubsub.deliveryAttempt).toBe(3);
  });

  it('takes the ids in snake_case when camelCase is absent', () => {
    const body = json({
      message: {
        data: Buffer.from(JSON.stringify(parcelTrackingDataUpdatedFixture)).toString('base64'),
        message_id: '99',
        publish_time: '2024-05-06T10:11:13Z',
      },
      subscription: FIXTURE_PUBSUB_SUBSCRIPTION,
    });
    expect(accepted(readPushDelivery(body)).pubsub).toMatchObject({
      messageId: '99',
      publishTime: '2024-05-06T10:11:13Z',
    });
  });

  it('reads the order number from the created order when no identifiers are given', () => {
    const notification = accepted(readPushDelivery(pushBodyFixture(orderCreatedFixture)));
    expect(notification).toMatchObject({
      type: 'OrderCreated',
      orderNumber: FIXTURE_ORDER_NUMBER,
      sequenceNumber: 1,
    });
  });

  it('has no order number for an order without one', () => {
    const message = orderMessageFixture(
      'OrderStateChanged',
      {},
      { resourceUserProvidedIdentifiers: {} },
    );
    expect(accepted(readPushDelivery(pushBodyFixture(message))).orderNumber).toBeNull();
  });

  it('reads a message whose payload was left out', () => {
    const notification = accepted(readPushDelivery(pushBodyFixture(payloadNotIncludedFixture)));
    expect(notification).toMatchObject({
      type: 'OrderCreated',
      eventRef: payloadNotIncludedFixture.id,
      payloadNotIncluded: { reason: 'Payload too large', payloadType: 'OrderCreated' },
      sequenceNumber: 4,
      resourceVersion: 7,
    });
  });

  it.each<['ResourceCreated' | 'ResourceUpdated' | 'ResourceDeleted', string]>([
    ['ResourceCreated', `order:${FIXTURE_ORDER_ID}:8`],
    ['ResourceUpdated', `order:${FIXTURE_ORDER_ID}:8`],
    ['ResourceDeleted', `order:${FIXTURE_ORDER_ID}:8:deleted`],
  ])('reads a %s change notification', (kind, eventRef) => {
    const notification = accepted(readPushDelivery(pushBodyFixture(orderChangeFixture(kind))));
    expect(notification).toMatchObject({
      format: 'Platform',
      notificationType: kind,
      type: kind,
      eventRef,
      resourceVersion: 8,
      sequenceNumber: null,
      orderNumber: FIXTURE_ORDER_NUMBER,
      payloadNotIncluded: null,
      isSubscriptionTest: false,
    });
  });

  it('recognises the subscription test message', () => {
    const notification = accepted(readPushDelivery(pushBodyFixture(subscriptionTestFixture)));
    expect(notification).toMatchObject({
      isSubscriptionTest: true,
      notificationType: 'ResourceCreated',
      resource: { typeId: 'subscription', id: FIXTURE_SUBSCRIPTION_ID },
      eventRef: `subscription:${FIXTURE_SUBSCRIPTION_ID}:1`,
      orderNumber: null,
    });
  });

  it('gives a redelivery the same eventRef, whatever Pub/Sub id it has', () => {
    const first = accepted(readPushDelivery(pushBodyFixture(parcelTrackingDataUpdatedFixture)));
    const again = accepted(
      readPushDelivery(
        pushBodyFixture(parcelTrackingDataUpdatedFixture, { messageId: '2070443601311999' }),
      ),
    );
    expect(again.eventRef).toBe(first.eventRef);
    expect(again.pubsub.messageId).not.toBe(first.pubsub.messageId);
  });
});

describe('readPushDelivery, CloudEvents format', () => {
  it('reads a structured-mode event (the CloudEvent JSON as the data)', () => {
    const event = structuredCloudEventFixture(parcelTrackingDataUpdatedFixture);
    const notification = accepted(
      readPushDelivery(
        pushBodyFixture(event, { attributes: { 'content-type': 'application/cloudevents+json' } }),
      ),
    );
    expect(notification).toMatchObject({
      format: 'CloudEvents',
      notificationType: 'Message',
      eventRef: parcelTrackingDataUpdatedFixture.id,
      type: 'ParcelTrackingDataUpdated',
      sequenceNumber: 4,
      resourceVersion: 7,
      orderNumber: FIXTURE_ORDER_NUMBER,
      payload: parcelTrackingDataUpdatedFixture,
      cloudEvent: {
        mode: 'structured',
        id: parcelTrackingDataUpdatedFixture.id,
        type: 'com.commercetools.order.message.ParcelTrackingDataUpdated',
        source: `/${FIXTURE_PROJECT_KEY}/orders`,
        subject: FIXTURE_ORDER_ID,
        time: '2024-05-06T10:11:12.345Z',
        sequence: '4',
        dataref: `/${FIXTURE_PROJECT_KEY}/messages/${String(parcelTrackingDataUpdatedFixture.id)}`,
      },
    });
  });

  it('reads a binary-mode event (ce- attributes, the payload as the data)', () => {
    const attributes = binaryCloudEventAttributes(parcelTrackingDataUpdatedFixture);
    const notification = accepted(
      readPushDelivery(pushBodyFixture(parcelTrackingDataUpdatedFixture, { attributes })),
    );
    expect(notification).toMatchObject({
      format: 'CloudEvents',
      eventRef: parcelTrackingDataUpdatedFixture.id,
      sequenceNumber: 4,
      cloudEvent: { mode: 'binary', sequence: '4', subject: FIXTURE_ORDER_ID },
    });
  });

  it('gives the same eventRef as the Platform format', () => {
    const platform = accepted(readPushDelivery(pushBodyFixture(parcelTrackingDataUpdatedFixture)));
    const cloud = accepted(
      readPushDelivery(
        pushBodyFixture(structuredCloudEventFixture(parcelTrackingDataUpdatedFixture)),
      ),
    );
    expect(cloud.eventRef).toBe(platform.eventRef);
  });

  it('reads a change notification and the test message', () => {
    const change = accepted(
      readPushDelivery(
        pushBodyFixture(structuredCloudEventFixture(orderChangeFixture('ResourceUpdated'))),
      ),
    );
    expect(change).toMatchObject({
      format: 'CloudEvents',
      type: 'ResourceUpdated',
      eventRef: `order:${FIXTURE_ORDER_ID}:8`,
      sequenceNumber: null,
      cloudEvent: { type: 'com.commercetools.order.change.ResourceUpdated', sequence: null },
    });
    const test = accepted(
      readPushDelivery(pushBodyFixture(structuredCloudEventFixture(subscriptionTestFixture))),
    );
    expect(test.isSubscriptionTest).toBe(true);
  });

  it('reads a payloadNotIncluded message', () => {
    const notification = accepted(
      readPushDelivery(pushBodyFixture(structuredCloudEventFixture(payloadNotIncludedFixture))),
    );
    expect(notification.payloadNotIncluded).toEqual({
      reason: 'Payload too large',
      payloadType: 'OrderCreated',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a numeric sequence', { sequence: 4 }],
    ['a negative sequence', { sequence: '-4' }],
    ['a zero sequence', { sequence: '0' }],
    ['a fractional sequence', { sequence: '4.5' }],
    ['a sequence past 2^53', { sequence: '90071992547409930' }],
    ['another spec version', { specversion: '0.3' }],
    ['a foreign type', { type: 'com.example.order.message.DeliveryAdded' }],
    ['no subject', { subject: undefined }],
    ['a data that is not an object', { data: 'text' }],
    ['a huge id', { id: 'x'.repeat(5_000) }],
  ])('refuses a structured event with %s', (_case, change) => {
    const event = { ...structuredCloudEventFixture(parcelTrackingDataUpdatedFixture), ...change };
    expect(refused(readPushDelivery(pushBodyFixture(event)))).toMatchObject({
      status: 400,
      code: 'invalid_payload',
      message: 'message.data is not a commercetools CloudEvent',
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a sequence other than the sequenceNumber', { sequence: '5' }, /sequence/],
    ['a subject other than the resource', { subject: 'another-order' }, /subject/],
    [
      'a type for another resource type',
      { type: 'com.commercetools.payment.message.ParcelTrackingDataUpdated' },
      /resource type/,
    ],
    [
      'a type for another message type',
      { type: 'com.commercetools.order.message.DeliveryAdded' },
      /message type/,
    ],
    [
      'a change type on a message',
      { type: 'com.commercetools.order.change.ResourceUpdated' },
      /message\/change/,
    ],
  ])('refuses an event with %s', (_case, change, reason) => {
    const event = { ...structuredCloudEventFixture(parcelTrackingDataUpdatedFixture), ...change };
    const refusal = refused(readPushDelivery(pushBodyFixture(event)));
    expect(refusal).toMatchObject({ status: 400, code: 'invalid_payload' });
    expect(refusal.message).toMatch(reason);
  });

  it('refuses binary attributes that are not a CloudEvent', () => {
    const attributes = {
      ...binaryCloudEventAttributes(parcelTrackingDataUpdatedFixture),
      'ce-sequence': '-1',
    };
    const refusal = refused(
      readPushDelivery(pushBodyFixture(parcelTrackingDataUpdatedFixture, { attributes })),
    );
    expect(refusal).toMatchObject({ status: 400, code: 'invalid_payload' });
    expect(refusal.details?.[0]).toMatch(/^ce-sequence/);
  });

  it('refuses a structured event whose data is not a notification', () => {
    const event = structuredCloudEventFixture(parcelTrackingDataUpdatedFixture);
    event.data = { ...parcelTrackingDataUpdatedFixture, resource: undefined };
    const refusal = refused(readPushDelivery(pushBodyFixture(event)));
    expect(refusal).toMatchObject({ status: 400, code: 'invalid_payload' });
    expect(refusal.message).toMatch(/^message\.data\.data is not a commercetools Message/);
  });
});

describe('readPushDelivery refuses', () => {
  it.each<[string, Buffer, number, string]>([
    ['an empty body', Buffer.alloc(0), 400, 'malformed_json'],
    ['a body that is not JSON', Buffer.from('{"message":'), 400, 'malformed_json'],
    [
      'JSON that cannot be stored',
      Buffer.from('{"message":{},"x":"\\u0000"}'),
      422,
      'unstorable_payload',
    ],
    ['a JSON array', json([1, 2]), 400, 'invalid_payload'],
    [
      'a body without message',
      json({ subscription: FIXTURE_PUBSUB_SUBSCRIPTION }),
      400,
      'invalid_payload',
    ],
    [
      'a body without subscription',
      json({ message: { data: 'e30=', messageId: '1' } }),
      400,
      'invalid_payload',
    ],
    [
      'a message without id',
      json({ message: { data: 'e30=' }, subscription: 's' }),
      400,
      'invalid_payload',
    ],
    [
      'a message with a numeric id',
      json({ message: { data: 'e30=', messageId: 1 }, subscription: 's' }),
      400,
      'invalid_payload',
    ],
    [
      'numeric attribute values',
      json({ message: { data: 'e30=', messageId: '1', attributes: { a: 1 } }, subscription: 's' }),
      400,
      'invalid_payload',
    ],
    [
      'a huge messageId',
      pushBodyFixture(parcelTrackingDataUpdatedFixture, { messageId: '1'.repeat(10_000) }),
      400,
      'invalid_payload',
    ],
    [
      'a huge subscription',
      pushBodyFixture(parcelTrackingDataUpdatedFixture, { subscription: 's'.repeat(10_000) }),
      400,
      'invalid_payload',
    ],
  ])('%s', (_case, body, status, code) => {
    const refusal = refused(readPushDelivery(body));
    expect(refusal).toMatchObject({ ok: false, status, code });
    if (code === 'invalid_payload') expect(refusal.details?.length).toBeGreaterThan(0);
  });

  it.each<[string, string | undefined, string, RegExp]>([
    ['a message without data (attributes only)', undefined, 'invalid_payload', /no data/],
    ['empty data', '', 'invalid_payload', /no data/],
    ['data that is not base64', 'not base64!', 'invalid_payload', /base64/],
    [
      'base64url data',
      Buffer.from('{"a":"??>"}').toString('base64url'),
      'invalid_payload',
      /base64/,
    ],
    ['unpadded base64', 'e30', 'invalid_payload', /base64/],
    ['base64 with stray padding bits', 'e31=', 'invalid_payload', /base64/],
    ['base64 with whitespace', 'e3 0=', 'invalid_payload', /base64/],
    [
      'data that is not JSON',
      Buffer.from('hello').toString('base64'),
      'malformed_json',
      /^message\.data is not valid JSON/,
    ],
    [
      'data that is a JSON string',
      Buffer.from('"text"').toString('base64'),
      'invalid_payload',
      /not a JSON object/,
    ],
    [
      'data that is a JSON array',
      Buffer.from('[{}]').toString('base64'),
      'invalid_payload',
      /not a JSON object/,
    ],
    [
      'data with a NUL',
      Buffer.from('{"a":"\\u0000"}').toString('base64'),
      'unstorable_payload',
      /^message\.data/,
    ],
  ])('%s', (_case, rawData, code, message) => {
    const body = pushEnvelopeFixture(undefined, {
      attributes: { k: 'v' },
      ...(rawData !== undefined ? { rawData } : {}),
    });
    const refusal = refused(readPushDelivery(json(body)));
    expect(refusal).toMatchObject({ ok: false, code });
    expect(refusal.message).toMatch(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['data without notificationType', { hello: 'world' }, 'invalid_payload'],
    [
      'an Event notification',
      { notificationType: 'Event', id: 'e', type: 'CheckoutPaymentCharged' },
      'unsupported_notification',
    ],
    [
      'a message without resource',
      { ...parcelTrackingDataUpdatedFixture, resource: undefined },
      'invalid_payload',
    ],
    [
      'a resource without id',
      { ...parcelTrackingDataUpdatedFixture, resource: { typeId: 'order' } },
      'invalid_payload',
    ],
    [
      'a resource with an odd typeId',
      { ...parcelTrackingDataUpdatedFixture, resource: { typeId: 'Order!', id: 'x' } },
      'invalid_payload',
    ],
    [
      'a message without id',
      { ...parcelTrackingDataUpdatedFixture, id: undefined },
      'invalid_payload',
    ],
    [
      'a negative sequenceNumber',
      { ...parcelTrackingDataUpdatedFixture, sequenceNumber: -1 },
      'invalid_payload',
    ],
    [
      'a zero sequenceNumber',
      { ...parcelTrackingDataUpdatedFixture, sequenceNumber: 0 },
      'invalid_payload',
    ],
    [
      'a fractional sequenceNumber',
      { ...parcelTrackingDataUpdatedFixture, sequenceNumber: 1.5 },
      'invalid_payload',
    ],
    [
      'a sequenceNumber in a string',
      { ...parcelTrackingDataUpdatedFixture, sequenceNumber: '4' },
      'invalid_payload',
    ],
    [
      'a resourceVersion in a string',
      { ...parcelTrackingDataUpdatedFixture, resourceVersion: '7' },
      'invalid_payload',
    ],
    [
      'a message without type or payloadNotIncluded',
      { ...parcelTrackingDataUpdatedFixture, type: undefined },
      'invalid_payload',
    ],
    [
      'a change without version',
      { ...orderChangeFixture('ResourceUpdated'), version: undefined },
      'invalid_payload',
    ],
    [
      'a huge projectKey',
      { ...parcelTrackingDataUpdatedFixture, projectKey: 'p'.repeat(5_000) },
      'invalid_payload',
    ],
    [
      'a huge resource id',
      { ...parcelTrackingDataUpdatedFixture, resource: { typeId: 'order', id: 'i'.repeat(5_000) } },
      'invalid_payload',
    ],
  ])('%s', (_case, data, code) => {
    const refusal = refused(readPushDelivery(pushBodyFixture(data)));
    expect(refusal).toMatchObject({ ok: false, status: 400, code });
    if (code === 'invalid_payload' && 'notificationType' in data) {
      expect(refusal.details?.length).toBeGreaterThan(0);
    }
  });
});
