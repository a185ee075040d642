import { randomInt } from 'node:crypto';
import type { PushDeliverer, PushDelivery } from './pubsub-push';

/**
 * The merchant's Google Cloud Pub/Sub, as far as commercetools and the hub meet it: topics
 * (`projects/{project}/topics/{topic}`), push subscriptions on them, and publishing. A message
 * published to a topic without subscriptions is dropped, as Pub/Sub does; publishing to a topic
 * that does not exist fails (commercetools then refuses to create the Subscription).
 */

export interface PushSubscription {
  name: string;
  topic: string;
  pushEndpoint: string;
  audience: string;
  serviceAccountEmail: string;
  createdAt: string;
}

/** One message published to a topic, as the control API lists it. */
export interface PublishedMessage {
  messageId: string;
  topic: string;
  /** The payload as published (UTF-8 JSON); the push body carries its base64. */
  data: string;
  attributes: Record<string, string>;
  publishTime: string;
  /** Lost by the drop fault: no subscription ever hears of it. */
  dropped: boolean;
  deliveries: string[];
}

/** Switches for tests: lost, duplicated, held or reordered deliveries. */
export interface BrokerFaults {
  drop: number;
  duplicate: number;
  hold: boolean;
  reorder: boolean;
}

/** The full name of a topic: `projects/{project}/topics/{topic}`. */
export const topicName = (project: string, topic: string): string =>
  `projects/${project}/topics/${topic}`;

/** `projects/p/topics/t` → its parts, or undefined. */
export function parseTopicName(name: string): { project: string; topic: string } | undefined {
  const match = /^projects\/([^/]+)\/topics\/([^/]+)$/.exec(name);
  return match ? { project: match[1]!, topic: match[2]! } : undefined;
}

/** Publishing to a topic that does not exist (NOT_FOUND in Pub/Sub). */
export class TopicNotFoundError extends Error {
  constructor(readonly topic: string) {
    super(`Topic not found: ${topic}`);
    this.name = 'TopicNotFoundError';
  }
}

const NO_FAULTS: BrokerFaults = { drop: 0, duplicate: 0, hold: false, reorder: false };

/** Topics, push subscriptions, publishing and the delivery faults. */
export class PubSubBroker {
  readonly topics = new Set<string>();
  readonly subscriptions = new Map<string, PushSubscription>();
  readonly published: PublishedMessage[] = [];
  readonly deliveries: PushDelivery[] = [];
  faults: BrokerFaults = { ...NO_FAULTS };
  private held: PushDelivery[] = [];
  private nextMessageId = BigInt(randomInt(1_000_000, 9_000_000)) * 1_000_000_000n;
  private releasing: Promise<void> = Promise.resolve();

  constructor(
    private readonly push: PushDeliverer,
    private readonly now: () => number,
  ) {}

  createTopic(name: string): void {
    this.topics.add(name);
  }

  deleteTopic(name: string): boolean {
    return this.topics.delete(name);
  }

  /** Creates (or replaces) a push subscription; its topic is created if it does not exist. */
  subscribe(subscription: Omit<PushSubscription, 'createdAt'>): PushSubscription {
    this.topics.add(subscription.topic);
    const created = { ...subscription, createdAt: new Date(this.now()).toISOString() };
    this.subscriptions.set(created.name, created);
    return created;
  }

  unsubscribe(name: string): boolean {
    return this.subscriptions.delete(name);
  }

  /** Publishes; the message id. Delivery to push subscriptions is asynchronous. */
  publish(topic: string, data: string, attributes: Record<string, string> = {}): string {
    if (!this.topics.has(topic)) throw new TopicNotFoundError(topic);
    this.nextMessageId += BigInt(randomInt(1, 5_000));
    const messageId = this.nextMessageId.toString();
    const publishTime = new Date(this.now()).toISOString();
    const message: PublishedMessage = {
      messageId,
      topic,
      data,
      attributes,
      publishTime,
      dropped: false,
      deliveries: [],
    };
    this.published.push(message);
    if (this.faults.drop > 0) {
      this.faults.drop -= 1;
      message.dropped = true;
      return messageId;
    }
    const copies = this.faults.duplicate > 0 ? 2 : 1;
    if (copies === 2) this.faults.duplicate -= 1;
    for (const subscription of this.subscriptions.values()) {
      if (subscription.topic !== topic) continue;
      for (let copy = 0; copy < copies; copy += 1) {
        this.deliver(message, subscription, copy > 0);
      }
    }
    return messageId;
  }

  private deliver(
    message: PublishedMessage,
    subscription: PushSubscription,
    duplicate: boolean,
  ): void {
    const body = JSON.stringify({
      message: {
        ...(Object.keys(message.attributes).length > 0 ? { attributes: message.attributes } : {}),
        data: Buffer.from(message.data, 'utf8').toString('base64'),
        messageId: message.messageId,
        message_id: message.messageId,
        publishTime: message.publishTime,
        publish_time: message.publishTime,
      },
      subscription: subscription.name,
    });
    const delivery: PushDelivery = {
      id: `${message.messageId}#${this.deliveries.length + 1}`,
      messageId: message.messageId,
      subscription: subscription.name,
      topic: message.topic,
      pushEndpoint: subscription.pushEndpoint,
      audience: subscription.audience,
      serviceAccountEmail: subscription.serviceAccountEmail,
      body,
      duplicate,
      state: 'held',
      attempts: [],
    };
    this.deliveries.push(delivery);
    message.deliveries.push(delivery.id);
    if (this.faults.hold || this.faults.reorder) this.held.push(delivery);
    else void this.push.attempt(delivery);
  }

  /**
   * Sends what the hold or reorder fault kept back (newest first under reorder), each first
   * attempt after the previous one ended so the receiver sees that order; both switches go off.
   */
  release(): Promise<{ released: number }> {
    const batch = this.faults.reorder ? [...this.held].reverse() : [...this.held];
    this.held = [];
    this.faults = { ...this.faults, hold: false, reorder: false };
    this.releasing = this.releasing.then(async () => {
      for (const delivery of batch) await this.push.attempt(delivery);
    });
    return this.releasing.then(() => ({ released: batch.length }));
  }

  heldCount(): number {
    return this.held.length;
  }

  clearFaults(): void {
    this.faults = { ...NO_FAULTS };
    this.push.setTokenFlaw(undefined);
  }

  reset(): void {
    this.topics.clear();
    this.subscriptions.clear();
    this.published.length = 0;
    this.deliveries.length = 0;
    this.held = [];
    this.clearFaults();
    this.push.close();
  }
}
