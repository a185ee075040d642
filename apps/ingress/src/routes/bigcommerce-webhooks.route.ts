import { Router } from 'express';
import {
  BigCommerceWebhookSchema,
  interpretBigCommerceWebhook,
  verifyBigCommerceWebhook,
  type BigCommerceWebhookEvent,
} from '@shiplink/connectors/bigcommerce';
import { digest, inboxDedupKey } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { HttpProblem, route } from '../http/problems';
import type { AcceptedEvent } from '../services/intake.service';
import {
  answer,
  inboundRequest,
  parseJsonOrRefuse,
  rawBody,
  refuse,
  type WebhookRouteDeps,
} from './webhook-support';

const ENDPOINT = 'POST /webhooks/bigcommerce/{connectionId}';
/** Shipment events that can bring a new or changed tracking number; deletions are recorded only. */
const SYNCED_SHIPMENT_SCOPES = {
  'store/shipment/created': 'created',
  'store/shipment/updated': 'updated',
} as const;
const syncedChange = (scope: string) =>
  Object.hasOwn(SYNCED_SHIPMENT_SCOPES, scope)
    ? SYNCED_SHIPMENT_SCOPES[scope as keyof typeof SYNCED_SHIPMENT_SCOPES]
    : undefined;

/** The work a delivery asks for: an order import, a store shipment read-back, or none. */
function jobFor(
  event: BigCommerceWebhookEvent,
  connectionId: string,
  trigger: string,
): AcceptedEvent['job'] {
  if (event.kind === 'order') {
    return {
      definition: jobs.orderImport,
      payload: { connectionId, orderId: String(event.orderId), trigger },
    };
  }
  const change = event.kind === 'shipment' ? syncedChange(event.scope) : undefined;
  if (event.kind !== 'shipment' || !change) return undefined;
  return {
    definition: jobs.storeShipmentSync,
    payload: {
      connectionId,
      orderId: String(event.orderId),
      shipmentId: String(event.shipmentId),
      change,
      trigger,
    },
  };
}

/** BigCommerce's signed ("Standard Webhooks") deliveries for one store connection. */
export function bigCommerceWebhooks(deps: WebhookRouteDeps & { toleranceSec: number }): Router {
  const router = Router();
  router.post(
    '/webhooks/bigcommerce/:connectionId',
    rawBody(deps.maxBytes),
    route(async (req, res) => {
      const { correlationId, connection, context } = await inboundRequest(
        deps.repos.tenancy,
        req,
        'bigcommerce',
        ENDPOINT,
      );
      const verdict = verifyBigCommerceWebhook({
        headers: req.headers as Record<string, string | string[] | undefined>,
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        secret: connection.webhookSecret,
        toleranceSec: deps.toleranceSec,
      });
      if (!verdict.ok)
        refuse(
          deps.repos,
          context,
          new HttpProblem(401, verdict.reason, 'webhook signature check failed'),
        );
      const body = parseJsonOrRefuse(deps.repos, context, req.body);
      const envelope = BigCommerceWebhookSchema.safeParse(body);
      if (!envelope.success) {
        refuse(
          deps.repos,
          context,
          new HttpProblem(
            400,
            'invalid_payload',
            'not a BigCommerce webhook',
            envelope.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
          ),
        );
      }
      const storeRef = connection.store.externalRef;
      if (envelope.data.producer !== `stores/${storeRef}`) {
        refuse(
          deps.repos,
          context,
          new HttpProblem(400, 'store_mismatch', 'webhook is for another store'),
        );
      }
      const event = interpretBigCommerceWebhook(envelope.data);
      const job = jobFor(event, connection.id, digest(verdict.webhookId, 16));
      const outcome = await deps.intake.accept({
        connectionId: connection.id,
        provider: 'bigcommerce',
        topic: envelope.data.scope,
        dedupKey: inboxDedupKey('bigcommerce', storeRef, verdict.webhookId),
        payload: envelope.data,
        correlationId,
        ...(event.kind === 'ignored' ? {} : { orderRef: String(event.orderId) }),
        ...(job ? { job } : {}),
      });
      answer(res, outcome);
    }),
  );
  return router;
}
