import { freePort, startApp, waitFor, type AppProcess } from '@shiplink/testing';
import {
  accountOf,
  multiLineOrder,
  startOtlpReceiver,
  startWorld,
  type OtlpReceiver,
  type ReceivedSpan,
  type TestWorld,
} from '@shiplink/test-world';
import type { BigCommerceSimAccount } from '@shiplink/connectors/bigcommerce/simulator';

/** OTLP span kinds. */
const SERVER = 2;
const CLIENT = 3;

describe('one trace from a webhook to the provider call in the worker', () => {
  let world: TestWorld;
  let receiver: OtlpReceiver;
  let ingress: AppProcess;
  let worker: AppProcess;
  let ingressUrl: string;
  let ingressOps: number;
  let workerOps: number;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // The ingress and the worker run as their own processes, as deployed: tracing patches the
    // HTTP, Express, PostgreSQL and Redis modules as they load, and exports over OTLP.
    world = await startWorld({ workers: [] });
    const port = await freePort();
    ingressUrl = `http://127.0.0.1:${port}`;
    const traced = {
      ...world.hub.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
    };
    ingressOps = await freePort();
    workerOps = await freePort();
    ingress = startApp('ingress', {
      ...traced,
      PORT: String(port),
      PUBLIC_URL: ingressUrl,
      OPS_PORT: String(ingressOps),
    });
    worker = startApp('worker-orders', { ...traced, OPS_PORT: String(workerOps) });
    await Promise.all([
      ingress.waitForOutput('ingress listening'),
      worker.waitForOutput('worker ready'),
    ]);
    // The store's webhooks go to the traced ingress from now on.
    const account = accountOf<BigCommerceSimAccount>(world.accounts, 'bigcommerce')!;
    const hooksUrl = `${world.simulators.urls.bigcommerce}/stores/${world.storeHash}/v3/hooks`;
    const headers = {
      'X-Auth-Token': account.credentials.accessToken,
      'Content-Type': 'application/json',
    };
    const hooks = (await (await fetch(hooksUrl, { headers })).json()) as {
      data: { id: number; destination: string }[];
    };
    for (const hook of hooks.data) {
      const destination = new URL(hook.destination);
      const moved = `${ingressUrl}${destination.pathname}`;
      const response = await fetch(`${hooksUrl}/${hook.id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ destination: moved }),
      });
      expect(response.status).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await ingress?.stop('SIGTERM');
    await world?.close();
    await receiver?.close();
  });

  it('follows a BigCommerce order webhook through the queue to ShipStation, on one trace id', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    await world.shipStationOrder(orderId, 30_000);
    const shipstationPort = new URL(world.simulators.urls.shipstation).port;
    const isShipStationCall = (span: ReceivedSpan) =>
      span.kind === CLIENT &&
      span.service === 'shiplink-worker-orders' &&
      String(span.attributes['server.port'] ?? span.attributes['net.peer.port']) ===
        shipstationPort;

    const webhookSpan = await waitFor(
      async () =>
        receiver
          .spans()
          .find(
            (span) =>
              span.service === 'shiplink-ingress' &&
              span.kind === SERVER &&
              String(span.attributes['url.path'] ?? '').startsWith('/webhooks/bigcommerce/'),
          ),
      { what: 'the ingress span of the webhook', timeoutMs: 15_000 },
    );
    const trace = await waitFor(
      async () => {
        const spans = receiver.spans().filter((span) => span.traceId === webhookSpan.traceId);
        // The job's own span ends last, after the call: the trace is whole once it is in.
        const processed = spans.some(
          (s) => s.service === 'shiplink-worker-orders' && /process/.test(s.name),
        );
        return spans.some(isShipStationCall) && processed ? spans : undefined;
      },
      { what: 'the ShipStation call on the webhook’s trace', timeoutMs: 15_000 },
    );

    const services = new Set(trace.map((span) => span.service));
    expect(services).toEqual(new Set(['shiplink-ingress', 'shiplink-worker-orders']));
    const names = trace.map((span) => span.name);
    // BullMQ's own spans: the ingress adds the job, the worker processes it on the same trace.
    expect(names.some((name) => /^add/.test(name) || /addBulk/.test(name))).toBe(true);
    expect(
      trace.some((s) => s.service === 'shiplink-worker-orders' && /process/.test(s.name)),
    ).toBe(true);
    // PostgreSQL and Redis, in both processes.
    for (const service of services) {
      const mine = trace.filter((span) => span.service === service);
      expect(
        mine.some(
          (span) =>
            span.attributes['db.system'] === 'postgresql' ||
            span.attributes['db.system.name'] === 'postgresql',
        ),
      ).toBe(true);
      expect(
        mine.some(
          (span) =>
            span.attributes['db.system'] === 'redis' ||
            span.attributes['db.system.name'] === 'redis',
        ),
      ).toBe(true);
    }
    // The BigCommerce read and the ShipStation write are both on it.
    const bigcommercePort = new URL(world.simulators.urls.bigcommerce).port;
    expect(
      trace.some(
        (s) => s.kind === CLIENT && String(s.attributes['server.port']) === bigcommercePort,
      ),
    ).toBe(true);

    // The trace id is the correlation id: in the audit trail and in the worker's log lines.
    // The worker writes its audit entries in batches of its own, shortly after the call.
    const audited = await waitFor(
      async () => {
        await world.hub.platform.repos.audit.flush();
        const rows = await world.hub.platform.repos.db.auditEvent.findMany({
          where: { correlationId: webhookSpan.traceId },
        });
        const outbound = rows.some(
          (row) => row.direction === 'outbound' && row.provider === 'shipstation',
        );
        return outbound ? rows : undefined;
      },
      { what: 'the audit of the ShipStation call', timeoutMs: 10_000 },
    );
    expect(audited.map((row) => row.kind)).toEqual(
      expect.arrayContaining([expect.stringMatching(/webhook/)]),
    );
    expect(
      audited.some((row) => row.direction === 'outbound' && row.provider === 'shipstation'),
    ).toBe(true);
    const workerLines = worker
      .output()
      .split('\n')
      .filter((line) => line.includes(webhookSpan.traceId));
    expect(workerLines.length).toBeGreaterThan(0);
    expect(workerLines.every((line) => line.includes(`"traceId":"${webhookSpan.traceId}"`))).toBe(
      true,
    );
  }, 60_000);

  it('serves probes and the metrics of what it just did on each process’s operations port', async () => {
    for (const port of [ingressOps, workerOps]) {
      expect((await fetch(`http://127.0.0.1:${port}/livez`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ ok: true, database: true, redis: true, schema: true });
    }
    const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const ingressMetrics = await scrape(ingressOps);
    expect(ingressMetrics).toMatch(
      /shiplink_webhooks_total\{provider="bigcommerce",outcome="accepted"\} [1-9]/,
    );
    expect(ingressMetrics).toMatch(
      /shiplink_webhook_ack_seconds_count\{provider="bigcommerce"\} [1-9]/,
    );
    // Every queue's depth, named by its key prefix with the cluster hash tag.
    expect(ingressMetrics).toContain(
      `shiplink_queue_jobs{queue="orders",prefix="${world.prefix}:{orders}",state="prioritized"}`,
    );
    expect(ingressMetrics).toContain(
      `shiplink_queue_jobs{queue="orders-dlq",prefix="${world.prefix}:{orders}",state="failed"}`,
    );
    expect(ingressMetrics).toMatch(/shiplink_inbox_lag_seconds \d/);
    expect(ingressMetrics).toMatch(
      /shiplink_webhook_last_received_timestamp_seconds\{provider="bigcommerce",connection="[0-9a-f-]{36}"\}/,
    );
    const workerMetrics = await scrape(workerOps);
    expect(workerMetrics).toMatch(
      /shiplink_job_duration_seconds_count\{queue="orders",job="[\w.-]+",outcome="completed"\} [1-9]/,
    );
    expect(workerMetrics).toMatch(
      /shiplink_provider_requests_total\{provider="shipstation",endpoint="[^"]+",status="20\d"\} [1-9]/,
    );
    expect(workerMetrics).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps no webhook secret from a URL in its spans', async () => {
    const { pathname } = new URL(world.setup.fulfilment.webhookUrl);
    const secret = pathname.split('/').at(-1)!;
    const response = await fetch(`${ingressUrl}${pathname}`, { method: 'POST', body: '{}' });
    expect(response.status).toBeLessThan(500);
    const span = await waitFor(
      async () =>
        receiver
          .spans()
          .find((s) => String(s.attributes['url.path'] ?? '').startsWith('/webhooks/shipstation/')),
      { what: 'the span of the ShipStation webhook', timeoutMs: 15_000 },
    );
    expect(span.attributes['url.path']).toMatch(/\/\[redacted\]$/);
    expect(JSON.stringify(receiver.spans())).not.toContain(secret);
  });
});
