import type { ChangeNotice, EventSink } from './events';
import {
  changeCloudEvent,
  changePayload,
  messageCloudEvent,
  messagePayload,
  payloadNotIncluded,
  wantsChange,
  wantsMessage,
} from './notifications';
import { TopicNotFoundError, topicName, type PubSubBroker } from './pubsub-broker';
import type { MessageRecord, SubscriptionRecord } from './records';
import type { ProjectData } from './state';

/** Pub/Sub structured content mode for CloudEvents (the CloudEvents Pub/Sub protocol binding). */
const CLOUDEVENTS_ATTRIBUTES = { 'content-type': 'application/cloudevents+json; charset=utf-8' };

/** Subscriptions in these states deliver nothing. */
const STOPPED = new Set(['ConfigurationErrorDeliveryStopped', 'ManuallySuspended']);

/** One notification handed to a destination, for the control API. */
export interface SentNotification {
  at: string;
  projectKey: string;
  subscriptionId: string;
  destinationType: string;
  payload: Record<string, unknown>;
  /** The Pub/Sub message id, when the destination is Google Cloud Pub/Sub and it was published. */
  pubsubMessageId?: string;
  error?: string;
}

/** When message payloads are sent with `payloadNotIncluded`. */
export interface PayloadLimits {
  /** Payloads above this many bytes are sent with `payloadNotIncluded`. */
  thresholdBytes: number;
  /** The next this many message payloads are sent with `payloadNotIncluded`, whatever their size. */
  forceNext: number;
}

/** SQS's 256 KB message size, the smallest of the destinations' limits. */
export const DEFAULT_PAYLOAD_THRESHOLD_BYTES = 256 * 1_024;

/**
 * Delivers every stored message and change notice to the project's matching Subscriptions, in
 * each one's format. Only Google Cloud Pub/Sub destinations reach anything; the others are
 * recorded and go nowhere.
 */
export class SubscriptionDelivery implements EventSink {
  readonly sent: SentNotification[] = [];
  limits: PayloadLimits = { thresholdBytes: DEFAULT_PAYLOAD_THRESHOLD_BYTES, forceNext: 0 };

  constructor(
    private readonly broker: PubSubBroker,
    private readonly now: () => number,
  ) {}

  messages(project: ProjectData, messages: MessageRecord[]): void {
    for (const subscription of project.subscriptions.values()) {
      if (STOPPED.has(subscription.status)) continue;
      for (const message of messages) {
        if (!wantsMessage(subscription, message)) continue;
        this.send(project.key, subscription, this.messageBody(project.key, subscription, message));
      }
    }
  }

  change(project: ProjectData, change: ChangeNotice): void {
    for (const subscription of project.subscriptions.values()) {
      if (STOPPED.has(subscription.status) || !wantsChange(subscription, change)) continue;
      const payload =
        subscription.format.type === 'CloudEvents'
          ? changeCloudEvent(project.key, change)
          : changePayload(project.key, change);
      this.send(project.key, subscription, payload);
    }
  }

  /**
   * The test notification sent on creation: a ResourceCreated change payload of the
   * Subscription itself (resource.subscriptions.raml: "The payload of the test notification is
   * of type ResourceCreated for the resourceTypeId subscription"). Throws TopicNotFoundError
   * when the Pub/Sub topic does not exist.
   */
  sendTest(projectKey: string, subscription: SubscriptionRecord): void {
    const change: ChangeNotice = {
      notificationType: 'ResourceCreated',
      resource: { typeId: 'subscription', id: subscription.id },
      resourceUserProvidedIdentifiers:
        subscription.key !== undefined ? { key: subscription.key } : {},
      version: subscription.version,
      modifiedAt: subscription.lastModifiedAt,
    };
    const payload =
      subscription.format.type === 'CloudEvents'
        ? changeCloudEvent(projectKey, change)
        : changePayload(projectKey, change);
    this.send(projectKey, subscription, payload, true);
  }

  private messageBody(
    projectKey: string,
    subscription: SubscriptionRecord,
    message: MessageRecord,
  ): Record<string, unknown> {
    const wrap = (data: Record<string, unknown>) =>
      subscription.format.type === 'CloudEvents'
        ? messageCloudEvent(projectKey, message, data)
        : data;
    const full = wrap(messagePayload(projectKey, message));
    const tooLarge = Buffer.byteLength(JSON.stringify(full)) > this.limits.thresholdBytes;
    if (this.limits.forceNext > 0 || tooLarge) {
      if (!tooLarge) this.limits.forceNext -= 1;
      return wrap(payloadNotIncluded(projectKey, message));
    }
    return full;
  }

  private send(
    projectKey: string,
    subscription: SubscriptionRecord,
    payload: Record<string, unknown>,
    rethrow = false,
  ): void {
    const record: SentNotification = {
      at: new Date(this.now()).toISOString(),
      projectKey,
      subscriptionId: subscription.id,
      destinationType: subscription.destination.type,
      payload,
    };
    this.sent.push(record);
    const { destination } = subscription;
    if (destination.type !== 'GoogleCloudPubSub') return;
    const topic = topicName(String(destination.projectId), String(destination.topic));
    const attributes = subscription.format.type === 'CloudEvents' ? CLOUDEVENTS_ATTRIBUTES : {};
    try {
      record.pubsubMessageId = this.broker.publish(topic, JSON.stringify(payload), attributes);
    } catch (error) {
      if (!(error instanceof TopicNotFoundError)) throw error;
      record.error = error.message;
      if (rethrow) throw error;
      // The platform keeps retrying a destination it cannot reach and reports it in `status`.
      subscription.status = 'ConfigurationError';
    }
  }

  reset(): void {
    this.sent.length = 0;
    this.limits = { thresholdBytes: DEFAULT_PAYLOAD_THRESHOLD_BYTES, forceNext: 0 };
  }
}
