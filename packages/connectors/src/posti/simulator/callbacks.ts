import { randomUUID } from 'node:crypto';
import axios from 'axios';
import type { WebhookDelivery } from '../../simulator-kit/webhook-sender';
import { signParams } from '../signing';

/**
 * Posti re-sends an unanswered callback after 15 minutes, "multiple times" (no count published).
 * The simulator keeps the shape, not the wait: five retries, doubling from 200 ms, so a flapping
 * receiver's story fits in a test or a demo. Options and `POST /__control/callbacks/settings`
 * change it (pass `[900_000, …]` for the real pace).
 */
export const POSTI_CALLBACK_RETRY_DELAYS_MS = [200, 400, 800, 1_600, 3_200];
/** The receiver has 10 s to answer. */
export const POSTI_CALLBACK_TIMEOUT_MS = 10_000;

/** How callbacks are retried. */
export interface CallbackSettings {
  /** The wait before each retry; its length is the number of retries. */
  retryDelaysMs: number[];
  timeoutMs: number;
  /**
   * Callbacks are signed and recorded but never sent, as if lost on the way: only a status
   * poll can find their events.
   */
  lost?: boolean;
}

/** One attempt to deliver a callback, as the receiver answered it. */
export interface CallbackAttempt {
  at: string;
  status: number | undefined;
  /** The receiver's body (first 1,000 characters). */
  response: string | undefined;
  error: string | undefined;
  /** HTTP 200 with a JSON `{"success": true}`: Posti's only accepted answer. */
  accepted: boolean;
}

/**
 * One callback: the signed form Posti posts to a shipment's 9901 `url`, and every attempt. The
 * first fields are the kit's `WebhookDelivery`, so tools reading kit deliveries read these too.
 */
export interface CallbackDelivery extends WebhookDelivery {
  apiKey: string;
  trackingCode: string;
  /** The form parameters, `object` the JSON text of the event. */
  params: Record<string, string>;
  history: CallbackAttempt[];
  /** Set on a redelivery made through the control API: the delivery it repeats. */
  redeliveryOf: string | undefined;
}

/** What a callback is about; the sender signs it with the merchant's secret. */
export interface CallbackRequest {
  url: string;
  apiKey: string;
  secret: string;
  trackingCode: string;
  statusCode: string;
  /** The event as `/shipment/status` answers it. */
  event: Record<string, string>;
  /** Unix seconds for `timestamp`. */
  timestampSeconds: number;
}

const accepts = (status: number, text: string) => {
  if (status !== 200) return false;
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && 'success' in body && body.success === true;
  } catch {
    return false;
  }
};

/**
 * Delivers tracking callbacks as Posti does: a signed form POST, accepted only as HTTP 200 with
 * `{"success": true}`, re-sent (same bytes, same timestamp and hash) on anything else. The first
 * attempts for one tracking code go out one after the other, in event order; retries do not wait.
 */
export class PostiCallbacks {
  settings: CallbackSettings;
  private readonly deliveries: CallbackDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly queues = new Map<string, Promise<void>>();
  private pending = 0;
  private inFlight = 0;
  private generation = 0;

  constructor(private readonly defaults: CallbackSettings) {
    this.settings = { ...defaults, retryDelaysMs: [...defaults.retryDelaysMs] };
  }

  /** Signs and queues one callback; its record fills in as attempts are made. */
  send(request: CallbackRequest): CallbackDelivery {
    const unsigned: Record<string, string> = {
      api_key: request.apiKey,
      tracking_code: request.trackingCode,
      timestamp: String(request.timestampSeconds),
      event: request.statusCode,
      object: JSON.stringify(request.event),
    };
    const params = { ...unsigned, hash: signParams(unsigned, request.secret) };
    return this.enqueue({
      id: randomUUID(),
      url: request.url,
      event: request.statusCode,
      body: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      apiKey: request.apiKey,
      trackingCode: request.trackingCode,
      params,
      redeliveryOf: undefined,
    });
  }

  /** Sends a delivery's bytes again as a new delivery (a duplicate, as a re-send would be). */
  redeliver(id: string): CallbackDelivery | undefined {
    const original = this.deliveries.find((delivery) => delivery.id === id);
    if (!original) return undefined;
    return this.enqueue({ ...original, id: randomUUID(), redeliveryOf: original.id });
  }

  list(filter: { trackingCode?: string; apiKey?: string } = {}): CallbackDelivery[] {
    return this.deliveries.filter(
      (delivery) =>
        (!filter.trackingCode || delivery.trackingCode === filter.trackingCode) &&
        (!filter.apiKey || delivery.apiKey === filter.apiKey),
    );
  }

  /** True when no attempt is queued, in flight or waiting for a retry. */
  idle(): boolean {
    return this.pending === 0 && this.inFlight === 0 && this.timers.size === 0;
  }

  reset(): void {
    this.close();
    this.deliveries.length = 0;
    this.settings = { ...this.defaults, retryDelaysMs: [...this.defaults.retryDelaysMs] };
  }

  /** Stops queued attempts and pending retries. */
  close(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
  }

  private enqueue(
    fields: Omit<
      CallbackDelivery,
      'attempts' | 'lastStatus' | 'lastError' | 'delivered' | 'history'
    >,
  ): CallbackDelivery {
    const record: CallbackDelivery = {
      ...fields,
      attempts: 0,
      lastStatus: undefined,
      lastError: undefined,
      delivered: false,
      history: [],
    };
    this.deliveries.push(record);
    if (this.settings.lost) return record;
    const generation = this.generation;
    const previous = this.queues.get(record.trackingCode) ?? Promise.resolve();
    this.pending += 1;
    const first = previous.then(async () => {
      if (generation === this.generation) await this.attempt(record, generation);
      this.pending -= 1;
    });
    this.queues.set(record.trackingCode, first);
    return record;
  }

  private async attempt(record: CallbackDelivery, generation: number): Promise<void> {
    record.attempts += 1;
    const attempt: CallbackAttempt = {
      at: new Date().toISOString(),
      status: undefined,
      response: undefined,
      error: undefined,
      accepted: false,
    };
    this.inFlight += 1;
    try {
      const response = await axios.post<string>(record.url, record.body, {
        headers: record.headers,
        timeout: this.settings.timeoutMs,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
      });
      const text = typeof response.data === 'string' ? response.data : '';
      attempt.status = response.status;
      attempt.response = text.slice(0, 1_000);
      attempt.accepted = accepts(response.status, text);
      if (!attempt.accepted) attempt.error = 'not answered HTTP 200 {"success": true}';
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.inFlight -= 1;
    }
    record.history.push(attempt);
    record.lastStatus = attempt.status;
    record.lastError = attempt.error;
    record.delivered = attempt.accepted;
    if (record.delivered || generation !== this.generation) return;
    const delay = this.settings.retryDelaysMs[record.attempts - 1];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record, generation);
    }, delay);
    this.timers.add(timer);
  }
}
