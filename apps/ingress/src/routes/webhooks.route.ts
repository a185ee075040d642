import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import {
  findConnector,
  type AnyConnector,
  type ProviderId,
  type WebhookHandler,
} from '@shiplink/connectors';
import type { ConnectionRecord, Repos } from '@shiplink/db';
import { inboxDedupKey } from '@shiplink/domain';
import { activeTraceId } from '@shiplink/telemetry';
import { isUuid } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import type { InstallsService } from '../services/installs.service';
import type { IntakeService } from '../services/intake.service';
import { jobForIntent } from '../services/intents';
import { observeWebhook, setWebhookOutcome } from './webhook-metrics';

export interface WebhookRouteDeps {
  repos: Repos;
  intake: IntakeService;
  /** A store that uninstalled the app is disconnected as soon as its delivery is recorded. */
  installs: InstallsService;
  maxBytes: number;
  /** Accepted clock difference for signed timestamps. */
  toleranceSec: number;
  /** Where providers reach the hub: each connection's webhook URL starts with it. */
  publicUrl: string;
}

interface Served {
  connector: AnyConnector;
  handler: WebhookHandler;
}

interface RefusalContext {
  provider: ProviderId;
  connectionId: string;
  endpoint: string;
  correlationId: string;
}

/** Raw bytes for signature checks; anything bigger than the limit is a 413 before parsing. */
const rawBody = (limit: number) => express.raw({ type: () => true, limit });

/** The request's trace id when tracing runs (one id in traces, logs and the audit trail). */
function correlationIdOf(req: Request): string {
  const traceId = activeTraceId();
  if (traceId) return traceId;
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
}

/**
 * The provider whose handler serves this path: providers that sign nothing are reached only with
 * a secret segment, the others only without one. Anything else is no endpoint at all.
 */
function servedBy(req: Request, withSecret: boolean): Served | undefined {
  const connector = findConnector(String(req.params.provider));
  const handler = connector?.webhook;
  if (!connector || !handler || handler.secretInPath !== withSecret) return undefined;
  return { connector, handler };
}

/** The active connection named in the URL, of the provider the path names, or a 404. */
async function connectionFor(
  repos: Repos,
  req: Request,
  provider: ProviderId,
): Promise<ConnectionRecord> {
  const id = String(req.params.connectionId);
  // Ids that cannot exist never reach the database; the answer is the same as for unknown ones.
  if (!isUuid(id)) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
  // The tenancy repo caches look-ups (misses too), so a webhook costs no query per request.
  const connection = await repos.tenancy.findConnection(id);
  if (!connection?.active || connection.provider !== provider) {
    throw new HttpProblem(404, 'unknown_connection', 'no such connection');
  }
  return connection;
}

/** Records a refused delivery in the audit trail (bad input is recorded too), then throws. */
function refuse(repos: Repos, context: RefusalContext, problem: HttpProblem): never {
  repos.audit.record({
    direction: 'inbound',
    kind: 'webhook.rejected',
    provider: context.provider,
    connectionId: context.connectionId,
    correlationId: context.correlationId,
    endpoint: context.endpoint,
    status: problem.status,
    error: `${problem.code}: ${problem.message}`,
  });
  throw problem;
}

/**
 * Verify → record → enqueue → answer, for one delivery. The provider's descriptor authenticates
 * and reads it; the ingress records the refusal or accepts the event and queues its intent.
 */
async function receive(deps: WebhookRouteDeps, req: Request, res: Response, served: Served) {
  const { connector, handler } = served;
  const provider = connector.id;
  const correlationId = correlationIdOf(req);
  const connection = await connectionFor(deps.repos, req, provider);
  const context: RefusalContext = {
    provider,
    connectionId: connection.id,
    endpoint: `POST /webhooks/${provider}/{connectionId}${handler.secretInPath ? '/{token}' : ''}`,
    correlationId,
  };
  const request = {
    headers: req.headers,
    rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    pathSecret: req.params.secret === undefined ? undefined : String(req.params.secret),
    toleranceSec: deps.toleranceSec,
  };
  const known = {
    id: connection.id,
    baseUrl: connection.baseUrl,
    webhookSecret: connection.webhookSecret,
    storeRef: connection.store.externalRef,
    settings: connection.settings,
    credentials: connection.credentials,
    webhookUrl: `${deps.publicUrl.replace(/\/+$/, '')}/webhooks/${provider}/${connection.id}`,
  };
  const refusal = handler.authenticate ? await handler.authenticate(request, known) : undefined;
  const verdict = refusal ?? handler.handle(request, known);
  if (!verdict.ok) {
    refuse(
      deps.repos,
      context,
      new HttpProblem(verdict.status, verdict.code, verdict.message, verdict.details),
    );
  }
  const account = handler.dedupScope === 'store' ? connection.store.externalRef : connection.id;
  const outcome = await deps.intake.accept({
    connectionId: connection.id,
    provider,
    topic: verdict.topic,
    dedupKey: inboxDedupKey(provider, account, verdict.eventRef),
    payload: verdict.payload,
    correlationId,
    ...(verdict.orderRef === undefined ? {} : { orderRef: verdict.orderRef }),
    ...(verdict.intent
      ? { job: jobForIntent(verdict.intent, connection.id, verdict.eventRef) }
      : {}),
  });
  // Idempotent, so a redelivery finishes what a crash after recording left undone.
  if (verdict.intent?.kind === 'store.uninstalled') {
    await deps.installs.disconnect(provider, connection.store.externalRef);
  }
  setWebhookOutcome(res, outcome.status);
  const ack = handler.acknowledgement;
  if (ack && 'contentType' in ack) {
    res.status(ack.status).type(ack.contentType).send(ack.body);
    return;
  }
  if (ack) {
    res.status(ack.status).json(ack.body);
    return;
  }
  res.status(outcome.status === 'duplicate' ? 200 : 202).json(outcome);
}

/**
 * Every provider's webhooks: `/webhooks/:provider/:connectionId`, plus a secret segment for
 * providers that sign nothing. A path no descriptor serves falls through to the 404 handler.
 */
export function webhooks(deps: WebhookRouteDeps): Router {
  const router = Router();
  for (const withSecret of [false, true]) {
    router.post(
      withSecret
        ? '/webhooks/:provider/:connectionId/:secret'
        : '/webhooks/:provider/:connectionId',
      (req, _res, next) => {
        if (servedBy(req, withSecret)) next();
        else next('route');
      },
      observeWebhook,
      rawBody(deps.maxBytes),
      route(async (req, res) => {
        const served = servedBy(req, withSecret);
        // Checked by the first handler of this route; kept for the type.
        if (!served) throw new HttpProblem(404, 'not_found', 'no such endpoint');
        await receive(deps, req, res, served);
      }),
    );
  }
  return router;
}
