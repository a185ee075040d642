import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { Client } from 'pg';
import { loadIngressEnv } from '@shiplink/ingress/env';
import { waitFor } from '@shiplink/testing';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';
import {
  fuzzAfterShip,
  fuzzBigCommerce,
  fuzzShipStation,
  type FuzzCase,
  type FuzzContext,
  type RouteFuzz,
  type RouteName,
} from './fuzz';

/*
 * Every webhook route gets a burst of generated hostile requests with valid deliveries mixed in,
 * a few dozen in flight at once. A correct ingress answers each one promptly with a 2xx or the
 * right 4xx, never stalls its event loop, and lets the valid deliveries through untouched
 * whatever arrived next to them.
 */

/** Generated hostile requests per route, on top of the sweep of every envelope field. */
const GENERATED_PER_ROUTE = 900;
const VALID_PER_ROUTE = 200;
/** Valid deliveries sent a second time in the same burst: the repeat is answered 200. */
const REPEATS_PER_ROUTE = 20;
/** How far behind its original a repeat is sent: near enough to be in flight alongside it. */
const REPEAT_LAG = 7;
const IN_FLIGHT = 20;
const ANSWER_BUDGET_MS = 2_000;
const MAX_EVENT_LOOP_LAG_MS = 1_000;
const HEALTH_PROBE_EVERY_MS = 100;
/** A request unanswered after this is given up on (and counted as a failure). */
const GIVE_UP_MS = 15_000;
/** No new requests after this: one pathological input must not hold the suite for hours. */
const BURST_BUDGET_MS = 60_000;
const ORDERS = 20;
/** Set FUZZ_SEED to replay a run; the seed is in every failure message and in the report. */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REPORT_PATH = path.join(tmpdir(), 'shiplink-webhook-fuzz-report.json');

const ROUTES: { route: RouteName; fuzz(ctx: FuzzContext): RouteFuzz }[] = [
  { route: 'bigcommerce', fuzz: fuzzBigCommerce },
  { route: 'shipstation', fuzz: fuzzShipStation },
  { route: 'aftership', fuzz: fuzzAfterShip },
];

interface Outcome {
  fuzz: FuzzCase;
  status: number | 'no answer';
  ms: number;
  retryAfter: boolean;
  eventId?: string;
  error?: string;
}

interface RouteRun {
  outcomes: Outcome[];
  unsent: number;
  maxLagMs: number;
  health: { probes: number; failures: number; slowestMs: number };
  durationMs: number;
}

async function send(baseUrl: string, fuzz: FuzzCase): Promise<Outcome> {
  const request = fuzz.request();
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.append(name, value);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: 'POST',
      headers,
      body: request.body,
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    const text = await response.text();
    return {
      fuzz,
      status: response.status,
      ms: performance.now() - started,
      retryAfter: response.headers.has('retry-after'),
      ...answerOf(text),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      fuzz,
      status: 'no answer',
      ms: performance.now() - started,
      retryAfter: false,
      error: cause ?? (error instanceof Error ? error.name : String(error)),
    };
  }
}

function answerOf(text: string): { eventId?: string } {
  try {
    const body = JSON.parse(text) as { eventId?: unknown };
    return typeof body.eventId === 'string' ? { eventId: body.eventId } : {};
  } catch {
    return {};
  }
}

/** Polls /healthz through the burst: a blocked or crashed ingress shows up as slow or failed probes. */
function probeHealth(baseUrl: string) {
  const health = { probes: 0, failures: 0, slowestMs: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/healthz`, {
          signal: AbortSignal.timeout(GIVE_UP_MS),
        });
        await response.arrayBuffer();
        if (response.status !== 200) health.failures += 1;
      } catch {
        health.failures += 1;
      }
      health.probes += 1;
      health.slowestMs = Math.max(health.slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_PROBE_EVERY_MS));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return health;
  };
}

async function runBurst(baseUrl: string, cases: FuzzCase[]): Promise<RouteRun> {
  // The hub runs in this process, so a blocked ingress shows up as lag here.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const stopProbing = probeHealth(baseUrl);
  const started = performance.now();
  const deadline = started + BURST_BUDGET_MS;
  const outcomes: Outcome[] = [];
  let next = 0;
  const sender = async () => {
    while (next < cases.length && performance.now() < deadline) {
      outcomes.push(await send(baseUrl, cases[next++]!));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  const durationMs = performance.now() - started;
  const health = await stopProbing();
  lag.disable();
  return { outcomes, unsent: cases.length - next, maxLagMs: lag.max / 1e6, health, durationMs };
}

/** `extra` spread evenly through `base`. */
function spread(base: FuzzCase[], extra: FuzzCase[]): FuzzCase[] {
  const every = (base.length + 1) / (extra.length + 1);
  const out: FuzzCase[] = [];
  let e = 0;
  base.forEach((fuzz, i) => {
    out.push(fuzz);
    while (e < extra.length && (e + 1) * every <= i + 1) out.push(extra[e++]!);
  });
  return [...out, ...extra.slice(e)];
}

/** Valid deliveries spread through the hostile ones; some sent again a few requests later. */
function withValid(hostile: FuzzCase[], valid: FuzzCase[]): FuzzCase[] {
  let repeated = 0;
  const pairs: [FuzzCase, FuzzCase][] = [];
  const firsts = valid.map((fuzz) => {
    if (!fuzz.valid?.repeatable || repeated >= REPEATS_PER_ROUTE) return fuzz;
    repeated += 1;
    // Either copy may be stored first; the pair check asks for one 202 and one 200.
    const first = { ...fuzz, expected: [200, 202] };
    pairs.push([first, { ...first, inputClass: `${fuzz.inputClass}, sent again` }]);
    return first;
  });
  const out = spread(hostile, firsts);
  for (const [first, again] of pairs) out.splice(out.indexOf(first) + REPEAT_LAG, 0, again);
  return out;
}

const short = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** Every broken promise of one burst, one line per input class and kind of failure. */
function findingsOf(run: RouteRun): string[] {
  const counts = new Map<string, number>();
  const note = (line: string) => counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const { fuzz, status, ms, retryAfter, error } of run.outcomes) {
    const what = short(fuzz.inputClass);
    if (status === 'no answer') note(`${what}: no answer (${error})`);
    else if (status >= 500) note(`${what}: ${status}${retryAfter ? ' (with Retry-After)' : ''}`);
    else if (!fuzz.expected.includes(status))
      note(`${what}: ${status}, expected ${fuzz.expected.join('/')}`);
    if (ms > ANSWER_BUDGET_MS) note(`${what}: slower than ${ANSWER_BUDGET_MS} ms`);
  }
  const byIdentity = new Map<string, Outcome[]>();
  for (const outcome of run.outcomes) {
    const identity = outcome.fuzz.valid?.identity;
    if (identity) byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), outcome]);
  }
  for (const pair of byIdentity.values()) {
    if (pair.length < 2) continue;
    const statuses = pair.map((o) => String(o.status)).sort();
    if (statuses.join() !== '200,202')
      note(`valid delivery sent twice answered ${statuses.join(' and ')}`);
  }
  const findings = [...counts].map(([line, count]) => `${line} ×${count}`);
  if (run.unsent > 0) {
    findings.push(`${run.unsent} requests not sent: the burst ran past ${BURST_BUDGET_MS} ms`);
  }
  if (run.maxLagMs >= MAX_EVENT_LOOP_LAG_MS) {
    findings.push(`event loop blocked for ${Math.round(run.maxLagMs)} ms`);
  }
  if (run.health.failures > 0 || run.health.slowestMs > ANSWER_BUDGET_MS) {
    findings.push(
      `/healthz: ${run.health.failures} of ${run.health.probes} probes failed, slowest ${Math.round(run.health.slowestMs)} ms`,
    );
  }
  return findings.sort();
}

function tally(run: RouteRun) {
  const byClass: Record<string, Record<string, number>> = {};
  const byStatus: Record<string, number> = {};
  for (const { fuzz, status } of run.outcomes) {
    const statuses = (byClass[fuzz.inputClass] ??= {});
    statuses[status] = (statuses[status] ?? 0) + 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  return { byStatus, byClass };
}

describe('webhook routes under fuzzed input', () => {
  let world: TestWorld;
  let ctx: FuzzContext;
  let database: Client;
  const runs = new Map<RouteName, RouteRun>();
  const report: Record<string, unknown> = { seed: SEED };

  beforeAll(async () => {
    world = await startWorld({ tracking: true, workers: ['worker-orders'] });
    const { tenancy } = world.hub.platform.repos;
    const { connections } = world.setup;
    const secretOf = async (id: string) => (await tenancy.findConnection(id))!.webhookSecret;
    // The store's own hooks stay quiet, so only this suite's deliveries can import an order.
    const store = await tenancy.findConnection(connections.bigcommerce.id);
    const storeClient = world.hub.platform.clients.bigcommerce(store!);
    for (const hook of await storeClient.listHooks()) {
      await storeClient.updateHook(hook.id, { is_active: false });
    }
    const orderIds: number[] = [];
    for (let i = 0; i < ORDERS; i += 1) orderIds.push(await world.placeOrder(multiLineOrder()));
    ctx = {
      storeHash: world.storeHash,
      orderIds,
      toleranceSec: loadIngressEnv(world.hub.env).WEBHOOK_TOLERANCE_SEC,
      bigcommerce: {
        connectionId: connections.bigcommerce.id,
        secret: await secretOf(connections.bigcommerce.id),
      },
      shipstation: {
        connectionId: world.setup.fulfilment.id,
        token: await secretOf(world.setup.fulfilment.id),
        apiBaseUrl: world.simulators.urls.shipstation,
      },
      aftership: {
        connectionId: connections.aftership!.id,
        secret: await secretOf(connections.aftership!.id),
      },
    };
    const url = new URL(world.database.url);
    url.search = '';
    database = new Client({ connectionString: url.toString() });
    await database.connect();
    await database.query(`SET search_path TO "${world.database.schema}"`);
  }, 60_000);

  afterAll(async () => {
    writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2));
    await database?.end();
    await world?.close();
  });

  it.each(ROUTES)(
    '$route: answers every request within the budget with a 2xx or the right 4xx, and lets the valid deliveries through',
    async ({ route, fuzz }) => {
      const { sweep, hostile, valid } = fuzz(ctx);
      const cases = withValid(
        spread(fc.sample(hostile, { numRuns: GENERATED_PER_ROUTE, seed: SEED }), sweep),
        fc.sample(valid, { numRuns: VALID_PER_ROUTE, seed: SEED + 1 }),
      );
      const run = await runBurst(world.hub.ingressUrl, cases);
      runs.set(route, run);
      const findings = findingsOf(run);
      report[route] = {
        requests: run.outcomes.length,
        durationMs: Math.round(run.durationMs),
        maxLagMs: Math.round(run.maxLagMs),
        slowestMs: Math.round(Math.max(...run.outcomes.map((o) => o.ms))),
        health: run.health,
        findings,
        ...tally(run),
      };
      expect({ seed: SEED, route, findings }).toEqual({ seed: SEED, route, findings: [] });
    },
    BURST_BUDGET_MS + GIVE_UP_MS + 30_000,
  );

  it('recorded every accepted valid delivery in the inbox, and nothing it refused', async () => {
    const missing: string[] = [];
    const overRecorded: string[] = [];
    for (const { route } of ROUTES) {
      const run = runs.get(route);
      if (!run) continue;
      const accepted = run.outcomes.filter(
        (o) => o.fuzz.valid && typeof o.status === 'number' && o.status < 300,
      );
      const rows = await database.query<{ id: string; connection_id: string; identity: string }>(
        `SELECT id::text, connection_id::text, payload->>$2 AS identity
         FROM inbox_events WHERE id = ANY($1::uuid[])`,
        [accepted.flatMap((o) => o.eventId ?? []), accepted[0]?.fuzz.valid?.identityField ?? ''],
      );
      const byId = new Map(rows.rows.map((row) => [row.id, row]));
      for (const { eventId, fuzz } of accepted) {
        const row = eventId ? byId.get(eventId) : undefined;
        if (
          row?.identity !== fuzz.valid?.identity ||
          row?.connection_id !== ctx[route].connectionId
        ) {
          missing.push(`${route} ${fuzz.valid?.identityField} ${fuzz.valid?.identity}`);
        }
      }
      // A delivery refused with a 4xx leaves no row. Rows are not tied to requests, so this
      // counts: duplicates share a row, and a request that failed otherwise may have left one.
      const notRefused = run.outcomes.filter(
        (o) => o.status === 'no answer' || o.status < 400 || o.status >= 500,
      );
      const stored = await database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM inbox_events WHERE provider = $1',
        [route],
      );
      if (stored.rows[0]!.n > notRefused.length) {
        overRecorded.push(
          `${route}: ${stored.rows[0]!.n} rows for ${notRefused.length} requests not refused with a 4xx`,
        );
      }
    }
    report.inbox = { missing, overRecorded };
    expect({ seed: SEED, missing, overRecorded }).toEqual({
      seed: SEED,
      missing: [],
      overRecorded: [],
    });
  });

  it('exported every order named by an accepted valid BigCommerce delivery to ShipStation', async () => {
    const run = runs.get('bigcommerce');
    const orderIds = new Set(
      (run?.outcomes ?? [])
        .filter((o) => o.status === 202 && o.fuzz.valid?.orderId !== undefined)
        .map((o) => o.fuzz.valid!.orderId!),
    );
    expect(orderIds.size).toBeGreaterThan(0);
    const keys = [...orderIds].map((id) => `bc-${world.storeHash}-${id}`);
    let exported = new Set<string>();
    await waitFor(
      async () => {
        exported = new Set((await world.shipStationOrders()).map((o) => o.orderKey));
        return keys.every((key) => exported.has(key));
      },
      { timeoutMs: 45_000, what: 'every order in ShipStation' },
    ).catch(() => undefined);
    const missing = keys.filter((key) => !exported.has(key));
    report.exports = { expected: keys.length, missing };
    expect({ seed: SEED, missing }).toEqual({ seed: SEED, missing: [] });
  }, 60_000);
});
