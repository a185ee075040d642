import axios from 'axios';

export interface WebhookDelivery {
  id: string;
  url: string;
  event: string;
  attempts: number;
  lastStatus: number | undefined;
  lastError: string | undefined;
  delivered: boolean;
  /** The exact bytes sent, so tests can re-send them. */
  body: string;
  headers: Record<string, string>;
}

export interface WebhookSenderOptions {
  /** Delays before each retry, in ms, as the provider documents them (scaled for simulation). */
  retryDelaysMs: number[];
  timeoutMs?: number;
}

/**
 * Delivers webhooks the way providers do: POST the signed bytes, success on any 2xx, retry on
 * anything else on the provider's schedule, keep a record of every attempt.
 */
export class WebhookSender {
  private readonly deliveries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;

  constructor(private readonly options: WebhookSenderOptions) {}

  send(
    delivery: Omit<WebhookDelivery, 'attempts' | 'lastStatus' | 'lastError' | 'delivered'>,
  ): void {
    const record: WebhookDelivery = {
      ...delivery,
      attempts: 0,
      lastStatus: undefined,
      lastError: undefined,
      delivered: false,
    };
    this.deliveries.push(record);
    void this.attempt(record);
  }

  private async attempt(record: WebhookDelivery): Promise<void> {
    record.attempts += 1;
    this.inFlight += 1;
    try {
      const response = await axios.post(record.url, record.body, {
        headers: { 'content-type': 'application/json', ...record.headers },
        timeout: this.options.timeoutMs ?? 10_000,
        validateStatus: () => true,
        transformRequest: [(data: unknown) => data],
      });
      record.lastStatus = response.status;
      record.lastError = undefined;
      record.delivered = response.status >= 200 && response.status < 300;
    } catch (error) {
      record.lastStatus = undefined;
      record.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      this.inFlight -= 1;
    }
    if (record.delivered) return;
    const delay = this.options.retryDelaysMs[record.attempts - 1];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record);
    }, delay);
    this.timers.add(timer);
  }

  list(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  /** True when nothing is in flight or waiting for a retry. */
  idle(): boolean {
    return this.inFlight === 0 && this.timers.size === 0;
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
