import axios from 'axios';
import type { Fault } from '../simulator-kit/faults';
import type { RecordedRequest } from '../simulator-kit/request-log';
import type { WebhookDelivery } from '../simulator-kit/webhook-sender';

/** Talks to any simulator's control API (`/__control`), as tests and the demo do. */
export class SimulatorControl {
  constructor(readonly baseUrl: string) {}

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/__control${path}`;
  }

  async addFault(fault: Fault): Promise<void> {
    await axios.post(this.url('/faults'), fault);
  }

  async clearFaults(): Promise<void> {
    await axios.delete(this.url('/faults'));
  }

  async requests(filter: { method?: string; path?: string } = {}): Promise<RecordedRequest[]> {
    const response = await axios.get<RecordedRequest[]>(this.url('/requests'), { params: filter });
    return response.data;
  }

  async clearRequests(): Promise<void> {
    await axios.delete(this.url('/requests'));
  }

  async webhooks(): Promise<WebhookDelivery[]> {
    return (await axios.get<WebhookDelivery[]>(this.url('/webhooks'))).data;
  }

  async reset(): Promise<void> {
    await axios.post(this.url('/reset'));
  }

  /** Provider-specific control routes (place order, ship, advance tracking …). */
  async post<T>(path: string, body?: unknown): Promise<T> {
    return (await axios.post<T>(this.url(path), body)).data;
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return (await axios.patch<T>(this.url(path), body)).data;
  }

  async get<T>(path: string): Promise<T> {
    return (await axios.get<T>(this.url(path))).data;
  }
}
