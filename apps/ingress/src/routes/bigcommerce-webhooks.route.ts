import { Router } from 'express';
import {
  BigCommerceWebhookSchema,
  interpretBigCommerceWebhook,
  verifyBigCommerceWebhook,
} from '@shiplink/connectors/bigcommerce';
import type { Repos } from '@shiplink/db';
import { digest, inboxDedupKey } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { HttpProblem, route } from '../http/problems';
import type { ConnectionCache } from '../services/connection-cache';
import type { IntakeService } from '../services/intake.service';
import {
  answer,
  connectionFor,
  correlationIdOf,
  parseJsonOrRefuse,
  rawBody,
  refuse,
} from './webhook-support';

const ENDPOINT = 'POST /webhooks/bigcommerce/{connectionId}';

/** BigCommerce's signed ("Standard Webhooks") deliveries for one store connection. */
export function bigCommerceWebhooks(deps: {
  repos: Repos;
  connections: ConnectionCache;
  intake: IntakeService;
  maxBytes: number;
  toleranceSec: number;
}): Router {
  const router = Router();
  router.post(
    '/webhooks/bigcommerce/:connectionId',
    rawBody(deps.maxBytes),
    route(async (req, res) => {
      const correlationId = correlationIdOf(req);
      const connection = await connectionFor(deps.connections, req, 'bigcommerce');
      const context = { provider: 'bigcommerce' as const, connectionId: connection.id, endpoint: ENDPOINT, correlationId };
      const verdict = verifyBigCommerceWebhook({
        headers: req.headers as Record<string, string | string[] | undefined>,
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        secret: connection.webhookSecret,
        toleranceSec: deps.toleranceSec,
      });
      if (!verdict.ok) refuse(deps.repos, context, new HttpProblem(401, verdict.reason, 'webhook signature check failed'));
      const body = parseJsonOrRefuse(deps.repos, context, req.body);
      const envelope = BigCommerceWebhookSchema.safeParse(body);
      if (!envelope.success) {
        refuse(deps.repos, context, new HttpProblem(400, 'invalid_payload', 'not a BigCommerce webhook',
          envelope.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`)));
      }
      const storeRef = connection.store.externalRef;
      if (envelope.data.producer !== `stores/${storeRef}`) {
        refuse(deps.repos, context, new HttpProblem(400, 'store_mismatch', 'webhook is for another store'));
      }
      const event = interpretBigCommerceWebhook(envelope.data);
      const common = {
        connectionId: connection.id,
        provider: 'bigcommerce' as const,
        topic: envelope.data.scope,
        dedupKey: inboxDedupKey('bigcommerce', storeRef, verdict.webhookId),
        payload: envelope.data,
        correlationId,
      };
      const outcome =
        event.kind === 'order'
          ? await deps.intake.accept({
              ...common,
              orderRef: String(event.orderId),
              job: {
                definition: jobs.orderImport,
                payload: {
                  connectionId: connection.id,
                  orderId: String(event.orderId),
                  trigger: digest(verdict.webhookId, 16),
                },
              },
            })
          : await deps.intake.accept(common);
      answer(res, outcome);
    }),
  );
  return router;
}
