import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EventLoopWatch } from './event-loop';
import { registry } from './metrics';
import { sampleAll } from './samplers';

export interface Readiness {
  ok: boolean;
  [check: string]: boolean;
}

export interface OpsServerOptions {
  port: number;
  host: string;
  /** PostgreSQL, Redis, the schema: what must answer before the process takes work. */
  readiness(): Promise<Readiness>;
  onError(message: string, error: unknown): void;
  /** Event-loop delay above which the process counts as stuck (liveness fails). */
  maxEventLoopDelayMs?: number;
}

export interface OpsServer {
  port(): number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, JSON.stringify(body), 'application/json');

/**
 * The operations port every app serves beside its work: `/livez` (the process and its event
 * loop, never a dependency, so a database outage restarts nothing), `/readyz` (dependencies and
 * schema) and `/metrics` (Prometheus text). Kept off the public port, so it needs no auth.
 */
export function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const loop = new EventLoopWatch();
  const maxDelayMs = options.maxEventLoopDelayMs ?? 5_000;

  const routes: Record<string, (res: ServerResponse) => Promise<void> | void> = {
    '/livez': (res) => {
      const delayMs = Math.round(loop.maxDelayMs());
      json(res, delayMs > maxDelayMs ? 503 : 200, { ok: delayMs <= maxDelayMs, delayMs });
    },
    '/readyz': async (res) => {
      const report = await options.readiness();
      if (!report.ok) res.setHeader('Retry-After', '5');
      json(res, report.ok ? 200 : 503, report);
    },
    '/metrics': async (res) => {
      await sampleAll((error) => options.onError('metrics sampler failed', error));
      send(res, 200, await registry.metrics(), registry.contentType);
    },
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = req.method === 'GET' ? routes[path] : undefined;
    if (!route) return json(res, 404, { error: 'not_found' });
    Promise.resolve(route(res)).catch((error: unknown) => {
      options.onError('operations endpoint failed', error);
      if (!res.headersSent) json(res, 500, { error: 'internal' });
    });
  });
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve({
        port: () => {
          const address = server.address();
          return typeof address === 'object' && address ? address.port : options.port;
        },
        close: () =>
          new Promise<void>((done) => {
            loop.stop();
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
