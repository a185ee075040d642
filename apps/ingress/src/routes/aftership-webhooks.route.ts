import { Router } from 'express';
import {
  afterShipWebhookRef,
  parseAfterShipWebhook,
  verifyAfterShipWebhook,
  type AfterShipWebhook,
} from '@shiplink/connectors/aftership';
import type { Repos } from '@shiplink/db';
import { inboxDedupKey } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { HttpProblem, route } from '../http/problems';
import {
  answer,
  inboundRequest,
  parseJsonOrRefuse,
  rawBody,
  refuse,
  type WebhookRouteDeps,
} from './webhook-support';

const ENDPOINT = 'POST /webhooks/aftership/{connectionId}';

/** What a job id can carry of AfterShip's references (see the catalog's `ref`). */
const SAFE_REF = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * AfterShip tracking webhooks for one connection. The HMAC covers the raw body only (no
 * timestamp), so repeats are caught by `event_id` in the inbox. Every event carries the whole
 * tracking; the tracking worker reads it back from the inbox rather than from the job.
 */
export function afterShipWebhooks(deps: WebhookRouteDeps): Router {
  const router = Router();
  router.post(
    '/webhooks/aftership/:connectionId',
    rawBody(deps.maxBytes),
    route(async (req, res) => {
      const { correlationId, connection, context } = await inboundRequest(
        deps.repos.tenancy,
        req,
        'aftership',
        ENDPOINT,
      );
      const verdict = verifyAfterShipWebhook({
        headers: req.headers,
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        secret: connection.webhookSecret,
      });
      if (!verdict.ok) {
        refuse(
          deps.repos,
          context,
          new HttpProblem(401, verdict.reason, 'webhook signature check failed'),
        );
      }
      const webhook = parseOrRefuse(deps.repos, context, req.body);
      const outcome = await deps.intake.accept({
        connectionId: connection.id,
        provider: 'aftership',
        topic: webhook.event,
        dedupKey: inboxDedupKey('aftership', connection.id, afterShipWebhookRef(webhook)),
        payload: webhook,
        correlationId,
        orderRef: webhook.msg.order_number ?? webhook.msg.order_id ?? undefined,
        job: {
          definition: jobs.trackingEvent,
          payload: {
            connectionId: connection.id,
            trackingId: webhook.msg.id,
            eventId: webhook.event_id,
          },
        },
      });
      answer(res, outcome);
    }),
  );
  return router;
}

function parseOrRefuse(
  repos: Repos,
  context: Parameters<typeof refuse>[1],
  raw: unknown,
): AfterShipWebhook {
  const body = parseJsonOrRefuse(repos, context, raw);
  let webhook: AfterShipWebhook;
  try {
    webhook = parseAfterShipWebhook(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'not an AfterShip webhook';
    return refuse(repos, context, new HttpProblem(400, 'invalid_payload', message));
  }
  if (!SAFE_REF.test(webhook.event_id) || !SAFE_REF.test(webhook.msg.id)) {
    refuse(
      repos,
      context,
      new HttpProblem(400, 'invalid_payload', 'unexpected event or tracking id'),
    );
  }
  return webhook;
}
