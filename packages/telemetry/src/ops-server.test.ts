import { metrics } from './metrics';
import { startOpsServer, type OpsServer } from './ops-server';
import { registerSampler } from './samplers';

describe('the operations port', () => {
  let server: OpsServer;
  let ready = true;
  const errors: string[] = [];
  const base = () => `http://127.0.0.1:${server.port()}`;

  beforeAll(async () => {
    server = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      readiness: async () => ({ ok: ready, database: ready, redis: true }),
      onError: (message) => errors.push(message),
    });
  });
  afterAll(() => server.close());

  it('answers liveness from the process alone, with the event loop delay', async () => {
    const response = await fetch(`${base()}/livez`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; delayMs: number };
    expect(body.ok).toBe(true);
    expect(body.delayMs).toBeGreaterThanOrEqual(0);
  });

  it('reports readiness and names what is missing, with a retry hint', async () => {
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
    ready = false;
    const down = await fetch(`${base()}/readyz`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toEqual({ ok: false, database: false, redis: true });
    ready = true;
  });

  it('serves the metrics in Prometheus text, sampled just before the scrape', async () => {
    const stop = registerSampler(async () => {
      metrics.inboxLag.set(42);
    });
    const failing = registerSampler(async () => {
      throw new Error('source away');
    });
    const response = await fetch(`${base()}/metrics`);
    stop();
    failing();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('shiplink_inbox_lag_seconds 42');
    expect(text).toContain('process_cpu_seconds_total');
    // A failing source is reported and the scrape still answers.
    expect(errors).toContain('metrics sampler failed');
  });

  it('answers 404 for anything else and never serves writes', async () => {
    expect((await fetch(`${base()}/admin`)).status).toBe(404);
    expect((await fetch(`${base()}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
