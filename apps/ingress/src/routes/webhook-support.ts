import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { ConnectionRecord, Provider, Repos, TenancyRepo } from '@shiplink/db';
import { unstorableJson } from '@shiplink/domain';
import { HttpProblem, sendProblem } from '../http/problems';
import { isUuid } from '../http/params';
import type { IntakeOutcome, IntakeService } from '../services/intake.service';

/** Raw bytes for signature checks; anything bigger than the limit is a 413 before parsing. */
export const rawBody = (limit: number) => express.raw({ type: () => true, limit });

export function correlationIdOf(req: Request): string {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
}

/** The active connection named in the URL, of the provider the route serves, or a 404. */
export async function connectionFor(
  tenancy: TenancyRepo,
  req: Request,
  provider: Provider,
): Promise<ConnectionRecord> {
  const id = String(req.params.connectionId);
  // Ids that cannot exist never reach the database; the answer is the same as for unknown ones.
  if (!isUuid(id)) throw new HttpProblem(404, 'unknown_connection', 'no such connection');
  // The tenancy repo caches look-ups (misses too), so a webhook costs no query per request.
  const connection = await tenancy.findConnection(id);
  if (!connection?.active || connection.provider !== provider) {
    throw new HttpProblem(404, 'unknown_connection', 'no such connection');
  }
  return connection;
}

/** What every webhook route is built from. */
export interface WebhookRouteDeps {
  repos: Repos;
  intake: IntakeService;
  maxBytes: number;
}

/** What every webhook route starts with: its correlation id, connection, and refusal context. */
export async function inboundRequest(
  tenancy: TenancyRepo,
  req: Request,
  provider: Provider,
  endpoint: string,
) {
  const correlationId = correlationIdOf(req);
  const connection = await connectionFor(tenancy, req, provider);
  return {
    correlationId,
    connection,
    context: { provider, connectionId: connection.id, endpoint, correlationId },
  };
}

export function parseJson(raw: unknown): unknown {
  if (!Buffer.isBuffer(raw) || raw.length === 0) {
    throw new HttpProblem(400, 'malformed_json', 'request body is empty');
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, 'malformed_json', 'request body is not valid JSON');
  }
  // Refused here, alone, rather than failing the inbox batch it would be written with.
  const unstorable = unstorableJson(body);
  if (unstorable) throw new HttpProblem(422, 'unstorable_payload', `request body ${unstorable}`);
  return body;
}

/** Records a refused delivery in the audit trail (bad input is recorded too), then throws. */
export function refuse(
  repos: Repos,
  details: { provider: Provider; connectionId?: string; endpoint: string; correlationId: string },
  problem: HttpProblem,
): never {
  repos.audit.record({
    direction: 'inbound',
    kind: 'webhook.rejected',
    provider: details.provider,
    connectionId: details.connectionId,
    correlationId: details.correlationId,
    endpoint: details.endpoint,
    status: problem.status,
    error: `${problem.code}: ${problem.message}`,
  });
  throw problem;
}

/** The body as JSON, or a recorded 400. */
export function parseJsonOrRefuse(
  repos: Repos,
  details: Parameters<typeof refuse>[1],
  raw: unknown,
): unknown {
  try {
    return parseJson(raw);
  } catch (error) {
    return refuse(repos, details, error as HttpProblem);
  }
}

export function answer(res: Response, outcome: IntakeOutcome): void {
  res.status(outcome.status === 'duplicate' ? 200 : 202).json(outcome);
}

export { sendProblem };
