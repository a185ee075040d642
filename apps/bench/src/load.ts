import http from 'node:http';

export interface LoadResult {
  sent: number;
  accepted: number;
  seconds: number;
  latenciesMs: number[];
}

export interface Request {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** POST unless told (pages are read with GET). */
  method?: 'GET' | 'POST';
}

/** Closed-loop load: `connections` keep-alive clients each send the next request as soon as the last returns. */
export async function closedLoop(
  port: number,
  nextRequest: () => Request,
  { connections, durationMs }: { connections: number; durationMs: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let sent = 0;
  let accepted = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const request = nextRequest();
      const t0 = performance.now();
      const status = await send(agent, port, request);
      latencies.push(performance.now() - t0);
      sent += 1;
      if (status >= 200 && status < 300) accepted += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  return { sent, accepted, seconds: (performance.now() - started) / 1000, latenciesMs: latencies };
}

/**
 * Open-loop load: requests sent at `rate` a second whatever the answers' pace, as customers
 * arrive; latencies grow without bound once the server falls behind.
 */
export async function openLoop(
  port: number,
  nextRequest: () => Request,
  { rate, durationMs }: { rate: number; durationMs: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true });
  const latencies: number[] = [];
  let accepted = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const total = Math.round((rate * durationMs) / 1000);
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = nextRequest();
    const t0 = performance.now();
    pending.push(
      send(agent, port, request).then((status) => {
        latencies.push(performance.now() - t0);
        if (status >= 200 && status < 400) accepted += 1;
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return {
    sent: total,
    accepted,
    seconds: (performance.now() - started) / 1000,
    latenciesMs: latencies,
  };
}

/** An open-loop run as the capacity ramp reads it: every request answered, none refused. */
export const answeredRun = (result: LoadResult) => ({
  latenciesMs: result.latenciesMs,
  completed: result.accepted === result.sent,
});

export function send(agent: http.Agent, port: number, request: Request): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: request.path,
        method: request.method ?? 'POST',
        agent,
        headers: { 'content-type': 'application/json', ...request.headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(request.body);
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
