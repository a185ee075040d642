import express from 'express';
import { defineSimulator } from '../../simulator-kit/definition';
import {
  assembleSimulator,
  listenSimulator,
  type RunningSimulator,
  type Simulator,
} from '../../simulator-kit/simulator';
import { openCommercetoolsAccount } from './account';
import { authRoutes } from './auth-routes';
import { bearerAuth } from './bearer';
import { commercetoolsControl } from './control';
import { ProjectEvents } from './events';
import {
  apiErrorHandler,
  certsRoute,
  commercetoolsFaultResponder,
  lenientJson,
  notFound,
} from './http';
import { messagesRoutes } from './messages-routes';
import { OidcSigner } from './oidc';
import { OrderUpdates } from './order-updates';
import { ordersRoutes } from './orders-routes';
import { PubSubBroker } from './pubsub-broker';
import { pushesSettled } from './pubsub-control';
import { DEFAULT_PUSH_SETTINGS, PushDeliverer, type PushSettings } from './pubsub-push';
import { CommercetoolsSimState } from './state';
import { DEFAULT_PAYLOAD_THRESHOLD_BYTES, SubscriptionDelivery } from './subscription-delivery';
import { subscriptionHealthRoutes, subscriptionsRoutes } from './subscriptions-routes';
import { DEFAULT_TOKEN_VALIDITY_SECONDS, TokenStore } from './tokens';
import { typesRoutes } from './types-routes';

export type {
  CommercetoolsSimAccount,
  CommercetoolsSimCredentials,
  CommercetoolsSimPubSub,
} from './account';
export { HUB_PERMISSIONS, openCommercetoolsAccount } from './account';
export { OrderDraftSchema, type OrderDraft } from './order-factory';
export { CONCURRENT_CLIENT_ID, MAX_UPDATE_ACTIONS } from './order-updates';
export { GOOGLE_ISSUER, ID_TOKEN_LIFETIME_SECONDS } from './oidc';
export type { PublishedMessage, PushSubscription } from './pubsub-broker';
export {
  DEFAULT_PUSH_SETTINGS,
  PUSH_SUCCESS_CODES,
  type PushDelivery,
  type PushSettings,
} from './pubsub-push';
export { defaultPushAccount } from './pubsub-control';
export { CommercetoolsSimState, ProjectData } from './state';
export { DEFAULT_TOKEN_VALIDITY_SECONDS } from './tokens';

/** How to run the simulator: clock, token lifetime, push retries, payload size limit. */
export interface CommercetoolsSimulatorOptions {
  /** The clock for tokens, timestamps and ID tokens (ms). */
  now?: () => number;
  /** API clients' `accessTokenValiditySeconds` unless the control API says otherwise (172800). */
  tokenValiditySeconds?: number;
  /** Pub/Sub push retries: backoff bounds, attempts before dead-lettering, answer timeout. */
  push?: Partial<PushSettings>;
  /** Message payloads above this size are sent with `payloadNotIncluded` (256 KiB). */
  payloadThresholdBytes?: number;
}

/** The assembled simulator and its parts, for tests that need more than HTTP. */
export interface CommercetoolsSimulator extends Simulator {
  state: CommercetoolsSimState;
  broker: PubSubBroker;
  push: PushDeliverer;
  delivery: SubscriptionDelivery;
  /** Resolves once no push is in flight or waiting for a retry (held ones aside); false on timeout. */
  settled(timeoutMs?: number): Promise<boolean>;
  /** Stops pending push retries. */
  close(): void;
}

/**
 * A commercetools Composable Commerce simulator (auth service, orders and in-store orders,
 * Types, Messages, Subscriptions) with the merchant's Google Cloud Pub/Sub push delivery (OIDC
 * tokens, the JWKS at `/oauth2/v3/certs`, retries) as an app, not yet listening.
 */
export function createCommercetoolsSimulator(
  options: CommercetoolsSimulatorOptions = {},
): CommercetoolsSimulator {
  const now = options.now ?? Date.now;
  const state = new CommercetoolsSimState(now);
  const tokens = new TokenStore(now);
  const signer = new OidcSigner(now);
  const push = new PushDeliverer(signer, { ...DEFAULT_PUSH_SETTINGS, ...options.push }, now);
  const broker = new PubSubBroker(push, now);
  const delivery = new SubscriptionDelivery(broker, now);
  const threshold = options.payloadThresholdBytes ?? DEFAULT_PAYLOAD_THRESHOLD_BYTES;
  delivery.limits = { thresholdBytes: threshold, forceNext: 0 };
  const events = new ProjectEvents(state);
  events.subscribe(delivery);
  const updates = new OrderUpdates(state, events);
  const tokenValiditySeconds = options.tokenValiditySeconds ?? DEFAULT_TOKEN_VALIDITY_SECONDS;

  // No mount paths: the kit's request log reads `req.path` when the answer is sent.
  const api = express.Router();
  api.use(authRoutes(state, tokens));
  api.use(certsRoute(signer));
  api.use(subscriptionHealthRoutes(state));
  api.use(bearerAuth(state, tokens));
  api.use(lenientJson());
  api.use(ordersRoutes(updates));
  api.use(typesRoutes(state, events));
  api.use(messagesRoutes());
  api.use(subscriptionsRoutes(state, events, delivery));
  api.use(notFound);

  const simulator = assembleSimulator({
    name: 'commercetools',
    responder: commercetoolsFaultResponder,
    api,
    control: commercetoolsControl({
      state,
      tokens,
      events,
      updates,
      broker,
      push,
      delivery,
      tokenValiditySeconds,
    }),
    reset() {
      state.reset();
      tokens.reset();
      broker.reset();
      delivery.reset();
      delivery.limits = { thresholdBytes: threshold, forceNext: 0 };
      push.settings = { ...DEFAULT_PUSH_SETTINGS, ...options.push };
    },
  });
  simulator.app.use(apiErrorHandler);
  return {
    ...simulator,
    state,
    broker,
    push,
    delivery,
    settled: (timeoutMs = 10_000) => pushesSettled(broker, push, timeoutMs),
    close: () => push.close(),
  };
}

/** A listening simulator. */
export type RunningCommercetoolsSimulator = RunningSimulator<CommercetoolsSimulator>;

/** Creates the simulator and listens (port 0 = any free port). */
export function startCommercetoolsSimulator(
  options: CommercetoolsSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningCommercetoolsSimulator> {
  const { port, host, ...rest } = options;
  return listenSimulator(createCommercetoolsSimulator(rest), { port, host });
}

/** commercetools publishes no request quota for its HTTP API; limits are on objects. */
export const simulator = defineSimulator({
  defaultPort: 4105,
  start: ({ host, port }) => startCommercetoolsSimulator({ host, port }),
  openAccount: openCommercetoolsAccount,
});
