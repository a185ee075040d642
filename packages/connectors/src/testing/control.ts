import axios from 'axios';
import type { Fault } from '../simulator-kit/faults';
import type { RecordedRequest } from '../simulator-kit/request-log';
import type { WebhookDelivery } from '../simulator-kit/webhook-sender';

/** Talks to any simulator's control API (`/__control`), as tests and the demo do. */
export class SimulatorControl {
  private readonly http = axios.create();

  constructor(readonly baseUrl: string) {
    // Failures carry the simulator's explanation, not just a status code.
    this.http.interceptors.response.use(undefined, (error: unknown) => {
      if (axios.isAxiosError(error) && error.response) {
        const detail = JSON.stringify(error.response.data).slice(0, 500);
        const request = `${error.config?.method?.toUpperCase()} ${error.config?.url}`;
        const { status, data } = error.response;
        // The status and body stay readable for tests that assert on a refusal.
        const failure = Object.assign(new Error(`${request} → ${status}: ${detail}`), {
          response: { status, data },
        });
        return Promise.reject(failure);
      }
      return Promise.reject(error);
    });
  }

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/__control${path}`;
  }

  async addFault(fault: Fault): Promise<void> {
    await this.http.post(this.url('/faults'), fault);
  }

  async clearFaults(): Promise<void> {
    await this.http.delete(this.url('/faults'));
  }

  async requests(filter: { method?: string; path?: string } = {}): Promise<RecordedRequest[]> {
    const response = await this.http.get<RecordedRequest[]>(this.url('/requests'), {
      params: filter,
    });
    return response.data;
  }

  async clearRequests(): Promise<void> {
    await this.http.delete(this.url('/requests'));
  }

  async webhooks(): Promise<WebhookDelivery[]> {
    return (await this.http.get<WebhookDelivery[]>(this.url('/webhooks'))).data;
  }

  async reset(): Promise<void> {
    await this.http.post(this.url('/reset'));
  }

  /** Provider-specific control routes (place order, ship, advance tracking …). */
  async post<T>(path: string, body?: unknown): Promise<T> {
    return (await this.http.post<T>(this.url(path), body)).data;
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return (await this.http.put<T>(this.url(path), body)).data;
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return (await this.http.patch<T>(this.url(path), body)).data;
  }

  async get<T>(path: string): Promise<T> {
    return (await this.http.get<T>(this.url(path))).data;
  }

  async delete(path: string): Promise<void> {
    await this.http.delete(this.url(path));
  }
}
