import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { FaultInjector, FaultSchema, type FaultResponder } from './faults';
import { RequestLog } from './request-log';
import type { WebhookSender } from './webhook-sender';

export interface SimulatorParts {
  name: string;
  /** Provider-shaped 429 and 5xx answers. */
  responder: FaultResponder;
  /** The provider's API, mounted after faults and logging. */
  api: Router;
  /** Provider-specific control routes (place orders, ship, advance…), mounted at /__control. */
  control: Router;
  webhooks?: WebhookSender;
  /** Clears provider state for /__control/reset. */
  reset(): void;
}

export interface Simulator {
  app: Express;
  faults: FaultInjector;
  requests: RequestLog;
}

/**
 * Assembles a simulator: request log → faults → provider API, plus the shared control API:
 * `GET /__control/health`, `POST|GET|DELETE /__control/faults`, `GET|DELETE /__control/requests`,
 * `GET /__control/webhooks`, `POST /__control/reset`, and the provider's own control routes.
 */
export function assembleSimulator(parts: SimulatorParts): Simulator {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const faults = new FaultInjector();
  const requests = new RequestLog();

  app.use(express.json({ limit: '5mb' }));
  app.use(requests.middleware());

  const control = express.Router();
  control.get('/health', (_req, res) => {
    res.json({ simulator: parts.name, ok: true });
  });
  control.get('/faults', (_req, res) => {
    res.json(faults.list());
  });
  control.post('/faults', (req: Request, res: Response) => {
    const parsed = FaultSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid fault', issues: parsed.error.issues });
      return;
    }
    faults.add(parsed.data);
    res.status(201).json(faults.list());
  });
  control.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  control.get('/requests', (req, res) => {
    res.json(
      requests.list({
        method: typeof req.query.method === 'string' ? req.query.method : undefined,
        path: typeof req.query.path === 'string' ? req.query.path : undefined,
      }),
    );
  });
  control.delete('/requests', (_req, res) => {
    requests.clear();
    res.status(204).end();
  });
  control.get('/webhooks', (_req, res) => {
    res.json(parts.webhooks?.list() ?? []);
  });
  control.post('/reset', (_req, res) => {
    faults.clear();
    requests.clear();
    parts.webhooks?.clear();
    parts.reset();
    res.status(204).end();
  });
  control.use(parts.control);
  app.use('/__control', control);

  app.use(faults.middleware(parts.responder));
  app.use(parts.api);
  return { app, faults, requests };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0 = any free port) and resolves with the base URL. */
export function listen(app: Express, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A simulator listening for requests, as its provider's `start…Simulator` answers it. */
export interface RunningSimulator<S> {
  url: string;
  port: number;
  simulator: S;
  close(): Promise<void>;
}

/**
 * Listens with a created simulator (port 0 = any free port); closing stops the simulator's own
 * timers (held-back deliveries, retries) first, then the server.
 */
export async function listenSimulator<S extends Simulator & { close(): void }>(
  simulator: S,
  options: { port?: number; host?: string },
): Promise<RunningSimulator<S>> {
  const server = await listen(simulator.app, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    url: server.url,
    port: server.port,
    simulator,
    async close() {
      simulator.close();
      await server.close();
    },
  };
}

/** A control request's parsed body, or undefined once a 400 naming the issues has been sent. */
export function parseControlBody<S extends z.ZodType>(
  schema: S,
  req: Request,
  res: Response,
): z.infer<S> | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  res.status(400).json({ error: 'invalid body', issues: parsed.error.issues });
  return undefined;
}
