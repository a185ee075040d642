import { Router } from 'express';
import {
  assertSameOrigin,
  parseShipStationWebhook,
  verifyShipStationToken,
} from '@shiplink/connectors/shipstation';
import { digest, inboxDedupKey } from '@shiplink/domain';
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

const ENDPOINT = 'POST /webhooks/shipstation/{connectionId}/{token}';
/** Events whose resource_url lists shipments. */
const SHIPMENT_EVENTS = new Set(['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY']);

/**
 * ShipStation V1 webhooks carry no signature: the per-connection secret in the URL
 * authenticates them, and the body is only a pointer that is re-fetched from ShipStation itself.
 */
export function shipStationWebhooks(deps: WebhookRouteDeps): Router {
  const router = Router();
  router.post(
    '/webhooks/shipstation/:connectionId/:token',
    rawBody(deps.maxBytes),
    route(async (req, res) => {
      const { correlationId, connection, context } = await inboundRequest(
        deps.repos.tenancy,
        req,
        'shipstation',
        ENDPOINT,
      );
      if (!verifyShipStationToken(String(req.params.token), connection.webhookSecret)) {
        refuse(
          deps.repos,
          context,
          new HttpProblem(401, 'bad_token', 'webhook URL token is wrong'),
        );
      }
      const body = parseJsonOrRefuse(deps.repos, context, req.body);
      const parsed = parseShipStationWebhook(body);
      if (!parsed.success) {
        refuse(
          deps.repos,
          context,
          new HttpProblem(
            400,
            'invalid_payload',
            'not a ShipStation webhook',
            parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
          ),
        );
      }
      const { resource_url: resourceUrl, resource_type: resourceType } = parsed.data;
      try {
        assertSameOrigin(resourceUrl, connection.baseUrl);
      } catch {
        refuse(
          deps.repos,
          context,
          new HttpProblem(
            400,
            'foreign_resource_url',
            "resource_url is not on this connection's ShipStation host",
          ),
        );
      }
      const common = {
        connectionId: connection.id,
        provider: 'shipstation' as const,
        topic: resourceType,
        dedupKey: inboxDedupKey(
          'shipstation',
          connection.id,
          `${resourceType}:${digest(resourceUrl)}`,
        ),
        payload: parsed.data,
        correlationId,
      };
      const outcome = SHIPMENT_EVENTS.has(resourceType)
        ? await deps.intake.accept({
            ...common,
            job: {
              definition: jobs.shipmentsFetch,
              payload: { connectionId: connection.id, resourceUrl },
            },
          })
        : await deps.intake.accept(common);
      answer(res, outcome);
    }),
  );
  return router;
}
