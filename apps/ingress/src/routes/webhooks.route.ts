import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  findConnector,
  type AnyConnector,
  type ProviderId,
  type WebhookHandler,
} from '@shiplink/connectors';
import type { ConnectionRecord, Repos } from '@shiplink/db';
import { inboxDedupKey } from '@shiplink/domain';
import type { Logger } from '@shiplink/logger';
import { activeTraceId } from '@shiplink/telemetry';
import type { Lane } from '../http/front-door';
import { isUuid } from '../http/params';
import { answerError, HttpProblem } from '../http/problems';
import { readBody } from '../http/request-body';
import { sendJson, sendText } from '../http/send';
import type { InstallsService } from '../services/installs.service';
import type { IntakeService } from '../services/intake.service';
import { jobForIntent } from '../services/intents';
import { observeWebhook, type Outcome } from './webhook-metrics';
import { webhookTargetOf, type WebhookTarget } from './webhook-path';

export interface WebhookRouteDeps {
  repos: Repos;
  intake: IntakeService;
  /** A store that uninstalled the app is disconnected as soon as its delivery is recorded. */
  installs: InstallsService;
  logger: Logger;
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

/** The request's trace id when tracing runs (one id in traces, logs and the audit trail). */
function correlationIdOf(req: IncomingMessage): string {
  const traceId = activeTraceId();
  if (traceId) return traceId;
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
}

/**
 * The provider whose handler serves this path: providers that sign nothing are reached only with
 * a secret segment, the others only without one. Anything else is no endpoint at all.
 */
function servedBy(target: WebhookTarget): Served | undefined {
  const connector = findConnector(target.provider);
  const handler = connector?.webhook;
  if (!connector || !handler || handler.secretInPath !== (target.secret !== undefined)) {
    return undefined;
  }
  return { connector, handler };
}

/** The active connection named in the URL, of the provider the path names, or a 404. */
async function connectionFor(
  repos: Repos,
  id: string,
  provider: ProviderId,
): Promise<ConnectionRecord> {
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
async function receive(
  deps: WebhookRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  target: WebhookTarget,
  { connector, handler }: Served,
): Promise<Outcome> {
  const provider = connector.id;
  const rawBody = await readBody(req, deps.maxBytes);
  const correlationId = correlationIdOf(req);
  const connection = await connectionFor(deps.repos, target.connectionId, provider);
  const context: RefusalContext = {
    provider,
    connectionId: connection.id,
    endpoint: `POST /webhooks/${provider}/{connectionId}${handler.secretInPath ? '/{token}' : ''}`,
    correlationId,
  };
  const request = {
    headers: req.headers,
    rawBody,
    pathSecret: target.secret,
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
  const ack = handler.acknowledgement;
  if (ack && 'contentType' in ack) sendText(res, ack.status, ack.contentType, ack.body);
  else if (ack) sendJson(res, ack.status, ack.body);
  else sendJson(res, outcome.status === 'duplicate' ? 200 : 202, outcome);
  return outcome.status;
}

/**
 * Every provider's webhooks: `POST /webhooks/:provider/:connectionId`, plus a secret segment for
 * providers that sign nothing. They are answered straight off Node's HTTP server (see
 * `frontDoor`); a path no descriptor serves is left to the app, which answers 404.
 */
export function webhooks(deps: WebhookRouteDeps): Lane {
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const target = webhookTargetOf(req.url ?? '');
    if (!target) return false;
    if (target instanceof HttpProblem) {
      answerError(res, target, deps.logger);
      return true;
    }
    const served = servedBy(target);
    if (!served) return false;
    const answered = observeWebhook(served.connector.id);
    receive(deps, req, res, target, served).then(
      (outcome) => answered(res.statusCode, outcome),
      (error: unknown) => {
        if (res.headersSent) res.destroy();
        else answerError(res, error, deps.logger);
        answered(res.statusCode);
      },
    );
    return true;
  };
}
