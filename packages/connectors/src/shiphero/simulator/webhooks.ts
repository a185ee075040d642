import { createHmac, randomUUID } from 'node:crypto';
import { WebhookSender, type WebhookDelivery } from '../../simulator-kit/webhook-sender';
import type { ShipHeroWebhookType } from './payloads';
import type { AccountData } from './state';

export const SHIPHERO_SIGNATURE_HEADER = 'x-shiphero-hmac-sha256';
export const SHIPHERO_MESSAGE_ID_HEADER = 'X-Shiphero-Message-ID';

/**
 * ShipHero retries a failed delivery 5 times (6 attempts) and documents no schedule; these short
 * delays keep a flapping receiver's story readable in a demo. Tests pass a few milliseconds.
 */
export const SHIPHERO_SIM_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
/** ShipHero gives a receiver 10 s to answer. */
export const SHIPHERO_WEBHOOK_TIMEOUT_MS = 10_000;

/** base64(HMAC-SHA256(key = the webhook's shared_signature_secret, message = the raw body)). */
export const signShipHeroBody = (body: string, secret: string): string =>
  createHmac('sha256', secret).update(body, 'utf8').digest('base64');

/** One trigger to one registered webhook: what the receiver gets, however many attempts it takes. */
export interface ShipHeroTrigger {
  messageId: string;
  webhookType: ShipHeroWebhookType;
  webhookId: string;
  accountId: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Every delivery of this trigger (the first, then redeliveries), attempts included. */
  deliveries: string[];
}

export interface FireOptions {
  /** Only webhooks registered for this shop hear it (order events); undefined = every one. */
  shopName?: string;
  /** Holds the first delivery back, so that a later event can overtake it. */
  delayMs?: number;
}

export class ShipHeroWebhooks {
  readonly sender: WebhookSender;
  private triggers = new Map<string, ShipHeroTrigger>();
  private timers = new Set<NodeJS.Timeout>();

  constructor(options: { retryDelaysMs?: number[]; timeoutMs?: number } = {}) {
    this.sender = new WebhookSender({
      retryDelaysMs: options.retryDelaysMs ?? SHIPHERO_SIM_RETRY_DELAYS_MS,
      timeoutMs: options.timeoutMs ?? SHIPHERO_WEBHOOK_TIMEOUT_MS,
    });
  }

  /** Posts `payload` to every matching webhook of the account; the message ids, one per webhook. */
  fire(
    data: AccountData,
    type: ShipHeroWebhookType,
    payload: unknown,
    options: FireOptions = {},
  ): string[] {
    const body = JSON.stringify(payload);
    const hooks = data.webhooks.filter(
      (hook) =>
        hook.name === type &&
        (options.shopName === undefined || hook.shop_name === options.shopName),
    );
    return hooks.map((hook) => {
      const messageId = randomUUID();
      const trigger: ShipHeroTrigger = {
        messageId,
        webhookType: type,
        webhookId: hook.id,
        accountId: data.account.id,
        url: hook.url,
        body,
        headers: {
          [SHIPHERO_SIGNATURE_HEADER]: signShipHeroBody(body, hook.shared_signature_secret),
          [SHIPHERO_MESSAGE_ID_HEADER]: messageId,
        },
        deliveries: [],
      };
      this.triggers.set(messageId, trigger);
      this.deliver(trigger, options.delayMs ?? 0);
      return messageId;
    });
  }

  /** Sends a trigger again, same bytes, signature and message id: a duplicate, as ShipHero may. */
  redeliver(messageId: string): ShipHeroTrigger | undefined {
    const trigger = this.triggers.get(messageId);
    if (trigger) this.deliver(trigger, 0);
    return trigger;
  }

  list(
    accountId?: string,
  ): (Omit<ShipHeroTrigger, 'deliveries'> & { attempts: WebhookDelivery[] })[] {
    const byId = new Map(this.sender.list().map((delivery) => [delivery.id, delivery]));
    return [...this.triggers.values()]
      .filter((trigger) => accountId === undefined || trigger.accountId === accountId)
      .map(({ deliveries, ...trigger }) => ({
        ...trigger,
        attempts: deliveries.flatMap((id) => byId.get(id) ?? []),
      }));
  }

  private deliver(trigger: ShipHeroTrigger, delayMs: number): void {
    const id = `${trigger.messageId}#${trigger.deliveries.length + 1}`;
    trigger.deliveries.push(id);
    const send = () =>
      this.sender.send({
        id,
        url: trigger.url,
        event: trigger.webhookType,
        body: trigger.body,
        headers: trigger.headers,
      });
    if (delayMs <= 0) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, delayMs);
    this.timers.add(timer);
  }

  /** True when nothing is held back, in flight or waiting for a retry. */
  idle(): boolean {
    return this.timers.size === 0 && this.sender.idle();
  }

  reset(): void {
    this.close();
    this.triggers.clear();
    this.sender.clear();
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.sender.close();
  }
}
