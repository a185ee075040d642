import { digest } from '@shiplink/domain';
import {
  clientOptions,
  defineConnector,
  readWebhookJson,
  webhookRefusal,
  type WebhookHandler,
} from '../descriptor';
import { createAfterShipClient } from './client';
import { AfterShipCredentialsSchema } from './credentials';
import { AFTERSHIP_PROVIDER } from './profile';
import { afterShipTrackingProvider } from './ports';
import type { AfterShipWebhook } from './schemas';
import { AfterShipSettingsSchema } from './settings';
import { afterShipWebhookRef, parseAfterShipWebhook, verifyAfterShipWebhook } from './webhook';

/** What a job id can carry of AfterShip's references (see the catalog's `ref`). */
const SAFE_REF = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Tracking webhooks for one connection. The HMAC covers the raw body only (no timestamp), so
 * repeats are caught by `event_id` in the inbox. Every event carries the whole tracking; the
 * tracking worker reads it back from the inbox rather than from the job.
 */
const webhook: WebhookHandler = {
  secretInPath: false,
  dedupScope: 'connection',
  handle(request, connection) {
    const verdict = verifyAfterShipWebhook({
      headers: request.headers,
      rawBody: request.rawBody,
      secret: connection.webhookSecret,
    });
    if (!verdict.ok) return webhookRefusal(401, verdict.reason, 'webhook signature check failed');
    const json = readWebhookJson(request.rawBody);
    if (!json.ok) return json;
    let event: AfterShipWebhook;
    try {
      event = parseAfterShipWebhook(json.body);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'not an AfterShip webhook';
      return webhookRefusal(400, 'invalid_payload', message);
    }
    if (!SAFE_REF.test(event.event_id) || !SAFE_REF.test(event.msg.id)) {
      return webhookRefusal(400, 'invalid_payload', 'unexpected event or tracking id');
    }
    const orderRef = event.msg.order_number ?? event.msg.order_id ?? undefined;
    return {
      ok: true,
      topic: event.event,
      eventRef: afterShipWebhookRef(event),
      payload: event,
      ...(orderRef === undefined ? {} : { orderRef }),
      intent: { kind: 'tracking.updated', trackingRef: event.msg.id, eventRef: event.event_id },
    };
  },
};

export const afterShip = defineConnector({
  id: AFTERSHIP_PROVIDER,
  name: 'AfterShip',
  roles: ['tracking'],
  credentials: AfterShipCredentialsSchema,
  settings: AfterShipSettingsSchema,
  // AfterShip issues the webhook secret in its admin; the hub cannot derive or choose it.
  secrets: (credentials, given) =>
    given
      ? { ok: true, webhookSecret: given, accountKey: digest(credentials.apiKey) }
      : {
          ok: false,
          message:
            'AfterShip connections need the webhook secret from AfterShip → Settings → Webhooks',
        },
  newSecretFrom: 'the webhook secret AfterShip shows in Settings → Webhooks',
  rotateSecret: (_credentials, given) =>
    given
      ? { ok: true, webhookSecret: given }
      : {
          ok: false,
          message: `a ${AFTERSHIP_PROVIDER} secret comes from the provider: send it as webhookSecret`,
        },
  createClient: (connection, deps) => createAfterShipClient(clientOptions(connection, deps)),
  ports: { tracking: afterShipTrackingProvider },
  webhook,
  manualWebhookSetup:
    'AfterShip webhooks are added in its admin (Settings → Webhooks) with this URL',
  polls: ['trackings'],
});
