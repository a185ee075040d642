import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { WebhookSender } from '../../simulator-kit/webhook-sender';
import { AFTERSHIP_WEBHOOK_VERSION } from '../profile';
import type { AfterShipTracking } from '../schemas';
import {
  AFTERSHIP_SIGNATURE_HEADER,
  AFTERSHIP_WEBHOOK_VERSION_HEADER,
  signAfterShipWebhook,
} from '../webhook';

/**
 * AfterShip's retry schedule: after a non-2xx, the delay before attempt n+1 is 2^(n-1) × 30 s,
 * 13 retries (14 attempts, ≈ 68 h in all). `scale` shrinks it for simulation.
 */
export function afterShipRetryScheduleMs(scale = 1): number[] {
  return Array.from({ length: 13 }, (_, retry) => 2 ** retry * 30_000 * scale);
}

/** By default a thousandth of the real schedule: 30 ms, 60 ms, … 123 s. */
export const AFTERSHIP_SIM_RETRY_DELAYS_MS = afterShipRetryScheduleMs(1 / 1_000);

export const WebhookEndpointSchema = z
  .object({
    url: z.url(),
    secret: z.string().min(1),
    /** The webhook version pinned on this URL; only the 2025-01 shape is simulated. */
    version: z.literal(AFTERSHIP_WEBHOOK_VERSION).default(AFTERSHIP_WEBHOOK_VERSION),
  })
  .strict();
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export interface EmittedEvent {
  eventId: string;
  trackingId: string;
  tag: string;
  subtag: string | null | undefined;
  /** The exact bytes sent, re-sent unchanged on redelivery. */
  body: string;
}

/**
 * Posts `tracking_update` events to the URLs registered through the control API (AfterShip
 * configures them in its admin, not its API). Every event carries the whole tracking, checkpoint
 * list included, exactly as AfterShip does.
 */
export class AfterShipWebhooks {
  readonly sender: WebhookSender;
  private endpoints: WebhookEndpoint[] = [];
  private events = new Map<string, EmittedEvent>();
  private sent = 0;

  constructor(
    retryDelaysMs: number[],
    private readonly now: () => number,
  ) {
    this.sender = new WebhookSender({ retryDelaysMs, timeoutMs: 5_000 });
  }

  addEndpoint(endpoint: WebhookEndpoint): void {
    this.endpoints = this.endpoints.filter((e) => e.url !== endpoint.url);
    this.endpoints.push(endpoint);
  }

  listEndpoints(): { url: string; version: string }[] {
    return this.endpoints.map(({ url, version }) => ({ url, version }));
  }

  clearEndpoints(): void {
    this.endpoints = [];
  }

  listEvents(): Omit<EmittedEvent, 'body'>[] {
    return [...this.events.values()].map(({ body: _body, ...event }) => event);
  }

  emit(tracking: AfterShipTracking, firstTag: boolean): EmittedEvent {
    const eventId = randomUUID();
    const body = JSON.stringify({
      event: 'tracking_update',
      event_id: eventId,
      is_tracking_first_tag: firstTag,
      msg: tracking,
      ts: Math.floor(this.now() / 1000),
    });
    const event = {
      eventId,
      trackingId: tracking.id,
      tag: tracking.tag,
      subtag: tracking.subtag,
      body,
    };
    this.events.set(eventId, event);
    this.deliver(event);
    return event;
  }

  /** Sends an earlier event again, byte for byte (same `event_id`), as a duplicate delivery. */
  redeliver(eventId: string): EmittedEvent | undefined {
    const event = this.events.get(eventId);
    if (event) this.deliver(event);
    return event;
  }

  private deliver(event: EmittedEvent): void {
    for (const endpoint of this.endpoints) {
      this.sender.send({
        id: `${event.eventId}.${++this.sent}`,
        url: endpoint.url,
        event: 'tracking_update',
        body: event.body,
        headers: {
          [AFTERSHIP_SIGNATURE_HEADER]: signAfterShipWebhook(event.body, endpoint.secret),
          [AFTERSHIP_WEBHOOK_VERSION_HEADER]: endpoint.version,
        },
      });
    }
  }

  reset(): void {
    this.endpoints = [];
    this.events.clear();
    this.sender.clear();
  }

  close(): void {
    this.sender.close();
  }
}
