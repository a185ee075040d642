import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { activeTraceId, redactPath, startTracing, stopTracing } from './tracing';

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment=test';
    startTracing({
      service: 'test',
      exporter,
      env: { disabled: false, version: 'test', otlp: false, sampleRatio: 1 },
    });
  });
  afterAll(() => stopTracing());

  it('records spans under the service name and gives the active trace id', async () => {
    const tracer = trace.getTracer('test');
    let inside: string | undefined;
    await tracer.startActiveSpan('work', async (span) => {
      inside = activeTraceId();
      span.end();
    });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('work');
    expect(inside).toBe(span?.spanContext().traceId);
    expect(span?.resource.attributes['service.name']).toBe('shiplink-test');
    expect(span?.resource.attributes['deployment.environment']).toBe('test');
    expect(activeTraceId()).toBeUndefined();
  });

  it('carries the trace in W3C traceparent headers, so another process continues it', () => {
    const tracer = trace.getTracer('test');
    const carrier: Record<string, string> = {};
    tracer.startActiveSpan('outgoing', (span) => {
      propagation.inject(context.active(), carrier);
      span.end();
    });
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const continued = propagation.extract(context.active(), carrier);
    expect(trace.getSpanContext(continued)?.traceId).toBe(carrier.traceparent!.split('-')[1]);
  });

  it('redacts the secrets some paths carry before a span keeps them', () => {
    expect(redactPath('/webhooks/shipstation/9c1e/Zk3sEcReT?x=1')).toBe(
      '/webhooks/shipstation/9c1e/[redacted]?x=1',
    );
    expect(redactPath('/webhooks/bigcommerce/9c1e')).toBe('/webhooks/bigcommerce/9c1e');
    expect(redactPath('https://track.example.com/s/nordic/t/0Bs8YkzmqFvg')).toBe(
      'https://track.example.com/s/nordic/t/[redacted]',
    );
    expect(redactPath('/u/0Bs8YkzmqFvg')).toBe('/u/[redacted]');
  });
});
