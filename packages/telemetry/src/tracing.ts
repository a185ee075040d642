import { IncomingMessage } from 'node:http';
import { context, propagation, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { tracingEnv, type TracingEnv } from './env';

export interface TracingOptions {
  service: string;
  env?: TracingEnv;
  /** Takes the spans instead of OTLP (tests); spans are exported one by one as they end. */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Sends what is buffered, then stops; call at shutdown. */
  shutdown(): Promise<void>;
}

/** Probe and scrape requests would drown the traces that matter. */
const UNTRACED_PATHS = new Set(['/livez', '/readyz', '/healthz', '/metrics']);

/** Attributes of an incoming span that carry the request's path. */
const PATH_ATTRIBUTES = ['url.path', 'url.full', 'http.target', 'http.url'];

/**
 * Secrets some paths carry: a webhook's secret segment (providers that sign nothing), and the
 * tracking page's link and unsubscribe tokens, which open a customer's order to whoever has them.
 */
export function redactPath(value: string): string {
  return value
    .replace(/(\/webhooks\/[^/?#]+\/[^/?#]+\/)[^/?#]+/, '$1[redacted]')
    .replace(/\/(t|u)\/[^/?#]+/, '/$1/[redacted]');
}

/** Rewrites the path attributes of an incoming span with its secrets redacted. */
function redactIncoming(span: Span): void {
  const attributes = (span as unknown as { attributes?: Record<string, unknown> }).attributes ?? {};
  for (const key of PATH_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string' && redactPath(value) !== value) {
      span.setAttribute(key, redactPath(value));
    }
  }
}

function samplerFrom(env: TracingEnv, exporting: boolean): Sampler {
  // Not exporting: no span is recorded, but trace ids are still made and propagated, so the
  // correlation ids in logs and the audit trail stay one id per webhook across processes.
  if (!exporting) return new AlwaysOffSampler();
  const root =
    env.sampleRatio < 1 ? new TraceIdRatioBasedSampler(env.sampleRatio) : new AlwaysOnSampler();
  return new ParentBasedSampler({ root });
}

/**
 * OpenTelemetry for one process: W3C propagation, spans for HTTP in and out, Express, PostgreSQL
 * and Redis (BullMQ's own spans come through the jobs package). Call it before the app's other
 * modules load (each app's `tracing.ts`, imported first), so the instrumentations can patch them.
 * `OTEL_SDK_DISABLED=true` turns it all off; spans leave only when OTLP is configured.
 */
export function startTracing(options: TracingOptions): Tracing {
  const env = options.env ?? tracingEnv();
  if (env.disabled) return { shutdown: async () => {} };
  if (running) return running;

  const exporter = options.exporter ?? (env.otlp ? new OTLPTraceExporter() : undefined);
  const provider = new BasicTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES (the environment, the cluster) join the service's own name.
    resource: detectResources({ detectors: [envDetector] }).merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: env.serviceName ?? `shiplink-${options.service}`,
        [ATTR_SERVICE_VERSION]: env.version,
      }),
    ),
    sampler: samplerFrom(env, exporter !== undefined),
    spanProcessors: exporter
      ? [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)]
      : [],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0] ?? ''),
        requestHook: (span, request) => {
          if (request instanceof IncomingMessage) redactIncoming(span);
        },
        // Header values may carry credentials; only the method, route and status are kept.
        headersToSpanAttributes: { client: { requestHeaders: [] }, server: { requestHeaders: [] } },
      }),
      new ExpressInstrumentation(),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      // Command names only: arguments hold keys and payloads with customer data.
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });

  running = { shutdown: () => provider.shutdown() };
  return running;
}

let running: Tracing | undefined;

/** Flushes and stops this process's tracing, if it was started; part of every clean shutdown. */
export async function stopTracing(): Promise<void> {
  await running?.shutdown();
  running = undefined;
}

/** The trace id of the active span, when there is one: the correlation id of the work. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
