import express from 'express';
import { defineSimulator } from '../../simulator-kit/definition';
import {
  assembleSimulator,
  listenSimulator,
  type RunningSimulator,
  type Simulator,
} from '../../simulator-kit/simulator';
import { openPostiAccount } from './account';
import {
  POSTI_CALLBACK_RETRY_DELAYS_MS,
  POSTI_CALLBACK_TIMEOUT_MS,
  PostiCallbacks,
} from './callbacks';
import { postiControl } from './control';
import { apiErrorHandler, formBodies, notFound, postiFaultResponder } from './http';
import { LookupDelays } from './lookup-delays';
import { lookupRoutes } from './lookup-routes';
import { ParcelEvents } from './parcel-events';
import { PrinettiFaults } from './prinetti-faults';
import { prinettiRoutes } from './prinetti-routes';
import { PrinettiShipments } from './prinetti-shipments';
import { shipmentRoutes } from './shipment-routes';
import { signedParams } from './signed-params';
import { PostiSimState } from './state';
import { staticAssets } from './static-assets';
import { TrackingCodes } from './tracking-codes';

export type { PostiSimAccount, PostiSimCredentials } from './account';
export { openPostiAccount } from './account';
export {
  POSTI_CALLBACK_RETRY_DELAYS_MS,
  POSTI_CALLBACK_TIMEOUT_MS,
  type CallbackAttempt,
  type CallbackDelivery,
  type CallbackSettings,
} from './callbacks';
export type { ParcelEventJson } from './parcel-events';
export { PICKUP_POINTS, type PickupPoint } from './pickup-points-seed';
export { PRINETTI_STATUS, type PrinettiStatus } from './prinetti-xml';
export { SHIPPING_METHODS } from './shipping-methods';
export { TEST_TRACKING_CODE } from './shipment-routes';
export { TIMESTAMP_SKEW_SECONDS } from './signed-params';
export { JOURNEYS, POSTI_STATUS_CODES, type PostiStatusCode } from './status-codes';
export { POSTI_TEST_ACCOUNT, PostiSimState, type PostiSettings } from './state';

/** How to run the simulator: clock, Routing.Id idempotency, callback retries. */
export interface PostiSimulatorOptions {
  /** The clock for signatures' timestamps, events and callbacks (ms). */
  now?: () => number;
  /**
   * A repeated Routing.Id answers the shipment it created (default false: another shipment, as
   * the real service most probably does; see `PostiSettings`).
   */
  idempotentRoutingIds?: boolean;
  /** Waits before each callback retry (default `POSTI_CALLBACK_RETRY_DELAYS_MS`). */
  callbackRetryDelaysMs?: number[];
  /** Per callback attempt; Posti's is 10 s. */
  callbackTimeoutMs?: number;
}

/** The assembled simulator and its parts, for tests that need more than HTTP. */
export interface PostiSimulator extends Simulator {
  state: PostiSimState;
  callbacks: PostiCallbacks;
  events: ParcelEvents;
  /** Resolves once no callback is queued, in flight or waiting for a retry; false on timeout. */
  settled(timeoutMs?: number): Promise<boolean>;
  /** Stops pending callback retries, journeys under way and held-back lookups. */
  close(): void;
}

/**
 * A Posti Shipping (Pakettikauppa) API simulator: signed form-parameter JSON endpoints
 * (shipping methods, pickup points, shipment status and cancel), Prinetti XML shipment creation
 * with real PDF labels, and signed tracking callbacks with retries, as an app, not yet listening.
 */
export function createPostiSimulator(options: PostiSimulatorOptions = {}): PostiSimulator {
  const now = options.now ?? Date.now;
  const state = new PostiSimState(now, {
    idempotentRoutingIds: options.idempotentRoutingIds ?? false,
  });
  const callbacks = new PostiCallbacks({
    retryDelaysMs: options.callbackRetryDelaysMs ?? POSTI_CALLBACK_RETRY_DELAYS_MS,
    timeoutMs: options.callbackTimeoutMs ?? POSTI_CALLBACK_TIMEOUT_MS,
  });
  const events = new ParcelEvents(state, callbacks, now);
  const prinettiFaults = new PrinettiFaults();
  const lookupDelays = new LookupDelays();
  const shipments = new PrinettiShipments(state, new TrackingCodes(), now);

  // No mount paths: the kit's request log reads `req.path` when the answer is sent.
  const api = express.Router();
  api.use(staticAssets());
  api.use(prinettiRoutes({ state, shipments, faults: prinettiFaults, now }));
  api.use(formBodies());
  api.use(signedParams(state, now));
  api.use(lookupRoutes(lookupDelays));
  api.use(shipmentRoutes(state, now));
  api.use(notFound);

  const simulator = assembleSimulator({
    name: 'posti',
    responder: postiFaultResponder,
    api,
    control: postiControl({ state, events, callbacks, prinettiFaults, lookupDelays }),
    reset() {
      events.close();
      callbacks.reset();
      prinettiFaults.clear();
      lookupDelays.clear();
      state.reset();
    },
  });
  simulator.app.use(apiErrorHandler);

  const settled = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(callbacks.idle() && events.idle())) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  };
  return {
    ...simulator,
    state,
    callbacks,
    events,
    settled,
    close: () => {
      events.close();
      callbacks.close();
      lookupDelays.close();
    },
  };
}

/** A listening simulator. */
export type RunningPostiSimulator = RunningSimulator<PostiSimulator>;

/** Creates the simulator and listens (port 0 = any free port). */
export function startPostiSimulator(
  options: PostiSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningPostiSimulator> {
  const { port, host, ...rest } = options;
  return listenSimulator(createPostiSimulator(rest), { port, host });
}

/** Pakettikauppa publishes no request quota. */
export const simulator = defineSimulator({
  defaultPort: 4106,
  start: ({ host, port }) => startPostiSimulator({ host, port }),
  openAccount: openPostiAccount,
});
