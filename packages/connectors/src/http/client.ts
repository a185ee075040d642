import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';
import type { z } from 'zod';
import { classifyHttpFailure, PermanentError, RateLimitedError } from '@shiplink/errors';
import { currentLogContext, redact, silentLogger, type Logger } from '@shiplink/logger';
import { metrics } from '@shiplink/telemetry';
import { noAudit, type AuditSink } from './audit';
import type { ProviderProfile } from './profile';
import type { RateLimiter } from './rate-limiter';

export interface HttpClientOptions {
  profile: ProviderProfile;
  baseUrl: string;
  /** Authentication and fixed headers. Never logged: the audit trail redacts them. */
  headers: Record<string, string>;
  /** Identifies the provider account for the shared budget, e.g. the store hash. */
  accountKey: string;
  connectionId?: string;
  limiter?: RateLimiter;
  audit?: AuditSink;
  logger?: Logger;
  timeoutMs?: number;
  /** Waits up to this long in-process for budget; longer waits become RateLimitedError. */
  maxInlineWaitMs?: number;
  /** In-process retries of transient failures before the job runtime's own retries take over. */
  retries?: number;
  retryBaseDelayMs?: number;
}

export interface RequestSpec<T> {
  method: Method;
  /** Path relative to the base URL, already filled in (`/v2/orders/42`), or an absolute URL. */
  path: string;
  /** The endpoint template for budgets and the audit trail (`GET /v2/orders/{id}`). */
  endpoint: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema: z.ZodType<T>;
  /**
   * Statuses answered instead of thrown (a 404 on a lookup, a 422 whose body names the refused
   * item): `data` is undefined and `problem` holds the provider's error body as it came.
   */
  allowStatus?: number[];
  /** POSTs that are safe to repeat (upserts) may be retried in-process too. */
  idempotent?: boolean;
  /**
   * In-process retries of this request (the client's setting when absent). 0 for a create whose
   * repeat could make a second one even after a network failure (the request may have arrived).
   */
  retries?: number;
  /** Headers of this request only (a token that changes); never logged, like the fixed ones. */
  headers?: Record<string, string>;
}

export interface HttpResult<T> {
  status: number;
  data: T | undefined;
  headers: Record<string, unknown>;
  /** The error body of an allowed failure status (see `allowStatus`). */
  problem?: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The one way connectors talk HTTP: shared budgets, retries, classified errors, an audit record. */
export class HttpClient {
  private readonly axios: AxiosInstance;
  private readonly profile: ProviderProfile;
  private readonly audit: AuditSink;
  private readonly log: Logger;
  private readonly maxInlineWaitMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.profile = options.profile;
    this.audit = options.audit ?? noAudit;
    this.log = options.logger ?? silentLogger;
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 2_000;
    this.axios = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 15_000,
      headers: { Accept: 'application/json', ...options.headers },
      validateStatus: () => true,
      maxRedirects: 0,
    });
    this.axios.interceptors.response.use((response) => {
      // validateStatus accepts everything so that budgets see every response; 5xx become errors
      // here so that axios-retry can retry them.
      if (response.status >= 500) {
        const error = new axios.AxiosError(
          `HTTP ${response.status}`,
          'ERR_BAD_RESPONSE',
          response.config,
          response.request,
          response,
        );
        return Promise.reject(error);
      }
      return response;
    });
    // Registered after the 5xx interceptor: response interceptors run in registration order.
    axiosRetry(this.axios, {
      retries: options.retries ?? 2,
      retryDelay: (count, error) => exponentialDelay(count, error, options.retryBaseDelayMs ?? 200),
      retryCondition: (error) => {
        const config = error.config as { shiplinkIdempotent?: boolean } | undefined;
        if (config?.shiplinkIdempotent && (!error.response || error.response.status >= 500)) {
          return true;
        }
        return isNetworkOrIdempotentRequestError(error);
      },
      shouldResetTimeout: true,
    });
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async request<T>(spec: RequestSpec<T>): Promise<HttpResult<T>> {
    const { bucket, defaults } = this.profile.budget(spec.endpoint);
    const budgetKey = `${this.profile.provider}:${this.options.accountKey}:${bucket}`;
    for (let attempt = 1; ; attempt++) {
      await this.waitForBudget(budgetKey, defaults, spec.endpoint);
      const response = await this.send(spec);
      const headers = response?.headers ?? {};
      const limit = response ? this.profile.readRateLimit(headers) : undefined;
      if (limit && this.options.limiter) await this.options.limiter.observe(budgetKey, limit);
      if (response?.status !== 429) return this.finish(spec, response);
      metrics.rateLimited.inc({ provider: this.profile.provider, endpoint: spec.endpoint });

      const asked = this.profile.retryAfterMs(headers);
      const waitMs = this.options.limiter
        ? await this.options.limiter.cooldown(budgetKey, asked)
        : (asked ?? 2_000);
      this.log.warn('provider rate limited', {
        provider: this.profile.provider,
        endpoint: spec.endpoint,
        waitMs,
        withHeaders: asked !== undefined,
      });
      if (waitMs > this.maxInlineWaitMs || attempt >= 3) {
        throw new RateLimitedError(`${this.profile.provider} rate limited`, waitMs, {
          provider: this.profile.provider,
          endpoint: spec.endpoint,
          status: 429,
          reason: `${this.profile.provider}.rate_limited`,
        });
      }
    }
  }

  private async waitForBudget(
    budgetKey: string,
    defaults: Parameters<RateLimiter['acquire']>[1],
    endpoint: string,
  ): Promise<void> {
    const limiter = this.options.limiter;
    if (!limiter) return;
    let waited = 0;
    for (;;) {
      const waitMs = await limiter.acquire(budgetKey, defaults);
      if (waitMs === 0) return;
      if (waited + waitMs > this.maxInlineWaitMs) {
        throw new RateLimitedError(`${this.profile.provider} budget exhausted`, waitMs, {
          provider: this.profile.provider,
          endpoint,
          reason: `${this.profile.provider}.budget_exhausted`,
        });
      }
      // A little jitter so waiting workers do not all fire at the same instant.
      const pause = waitMs + Math.floor(Math.random() * 50);
      metrics.rateLimitWaits.observe({ provider: this.profile.provider }, pause / 1000);
      waited += pause;
      await sleep(pause);
    }
  }

  /** Sends once (plus axios-retry's transient retries); never throws for an HTTP status. */
  private async send<T>(spec: RequestSpec<T>): Promise<AxiosResponse | undefined> {
    const started = Date.now();
    let response: AxiosResponse | undefined;
    let failure: string | undefined;
    try {
      response = await this.axios.request({
        method: spec.method,
        url: spec.path,
        params: spec.query,
        data: spec.body,
        ...(spec.headers ? { headers: spec.headers } : {}),
        shiplinkIdempotent: spec.idempotent === true,
        ...(spec.retries === undefined ? {} : { 'axios-retry': { retries: spec.retries } }),
      } as Parameters<AxiosInstance['request']>[0]);
    } catch (error) {
      if (axios.isAxiosError(error) && error.response) response = error.response;
      else failure = error instanceof Error ? error.message : String(error);
    }
    this.record(spec, response, Date.now() - started, failure);
    if (!response) {
      throw classifyHttpFailure({
        provider: this.profile.provider,
        endpoint: spec.endpoint,
        status: undefined,
        message: `${this.profile.provider} unreachable: ${failure ?? 'no response'}`,
      });
    }
    return response;
  }

  private finish<T>(spec: RequestSpec<T>, response: AxiosResponse | undefined): HttpResult<T> {
    if (!response) throw new Error('unreachable: no response');
    const { status, data } = response;
    const headers = response.headers as Record<string, unknown>;
    const ok = status < 300 || this.profile.isSuccess?.(status, data) === true;
    if (!ok) {
      if (spec.allowStatus?.includes(status)) {
        return { status, data: undefined, headers, problem: data };
      }
      const described = this.profile.describeError(status, data);
      throw classifyHttpFailure({
        provider: this.profile.provider,
        endpoint: spec.endpoint,
        status,
        message: `${this.profile.provider} ${spec.endpoint} → ${status}: ${described.message}`,
        retryAfterMs: this.profile.retryAfterMs(headers),
        ...(described.reason ? { reason: described.reason } : {}),
      });
    }
    if (status === 204 || data === '' || data === undefined) {
      return { status, data: undefined, headers };
    }
    const parsed = spec.schema.safeParse(data);
    if (!parsed.success) {
      throw new PermanentError(
        `${this.profile.provider} ${spec.endpoint} answered an unexpected shape: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
        {
          provider: this.profile.provider,
          endpoint: spec.endpoint,
          status,
          reason: `${this.profile.provider}.unexpected_response`,
        },
      );
    }
    return { status, data: parsed.data, headers };
  }

  private record<T>(
    spec: RequestSpec<T>,
    response: AxiosResponse | undefined,
    durationMs: number,
    failure: string | undefined,
  ): void {
    const status = response?.status;
    const { provider } = this.profile;
    metrics.providerRequests.inc({
      provider,
      endpoint: spec.endpoint,
      status: status ?? 'network',
    });
    metrics.providerRequestDuration.observe(
      { provider, endpoint: spec.endpoint },
      durationMs / 1000,
    );
    const error =
      failure ??
      (status !== undefined && status >= 400
        ? this.profile.describeError(status, response?.data).message
        : undefined);
    const context = currentLogContext();
    this.audit.outbound({
      provider: this.profile.provider,
      connectionId: this.options.connectionId,
      correlationId: context.correlationId,
      orderRef: context.orderRef,
      method: spec.method.toUpperCase(),
      endpoint: spec.endpoint,
      status,
      durationMs,
      error,
      metadata: redact({
        path: spec.path,
        query: spec.query,
        jobId: context.jobId,
        rateLimit: response ? this.profile.readRateLimit(response.headers) : undefined,
        responseBody: status !== undefined && status >= 400 ? response?.data : undefined,
      }) as Record<string, unknown>,
    });
  }
}
