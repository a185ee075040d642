import express from 'express';
import { defineSimulator } from '../../simulator-kit/definition';
import {
  assembleSimulator,
  listenSimulator,
  type RunningSimulator,
  type Simulator,
} from '../../simulator-kit/simulator';
import { openTwilioAccount } from './account';
import { twilioApi } from './api';
import { twilioControl } from './control';
import {
  TWILIO_SIM_RETRY_DELAYS_MS,
  TWILIO_SIM_WEBHOOK_TIMEOUT_MS,
  TwilioDeliveries,
} from './deliveries';
import { apiErrorHandler, notFound, twilioFaultResponder } from './http';
import { MessageLifecycle, type LifecycleSettings } from './lifecycle';
import { TwilioSimState } from './state';

export type { TwilioSimAccount, TwilioSimCredentials } from './account';
export { openTwilioAccount } from './account';
export { TWILIO_SIM_RETRY_DELAYS_MS, TWILIO_SIM_WEBHOOK_TIMEOUT_MS } from './deliveries';
export { MOVABLE_STATUSES, type LifecycleSettings, type MovableStatus } from './lifecycle';
export { MAGIC_RECIPIENTS, MAX_BODY_CHARACTERS } from './messages';
export { KEYWORD_REPLIES } from './replies';
export { TwilioSimState, type SimAccount, type SimMessage } from './state';

export interface TwilioSimulatorOptions {
  /** `auto` (default): messages are sent and delivered on their own, `stepMs` (200) apart. */
  lifecycle?: LifecycleSettings['mode'];
  stepMs?: number;
  /** Waits before each webhook retry (default `TWILIO_SIM_RETRY_DELAYS_MS`). */
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /** The clock for messages' dates. */
  now?: () => number;
}

/** The assembled simulator and its parts, for tests that need more than HTTP. */
export interface TwilioSimulator extends Simulator {
  state: TwilioSimState;
  lifecycle: MessageLifecycle;
  deliveries: TwilioDeliveries;
  /** Resolves once no automatic step or webhook attempt is pending; false on timeout. */
  settled(timeoutMs?: number): Promise<boolean>;
  /** Stops automatic steps and webhook retries. */
  close(): void;
}

/**
 * A Twilio Programmable Messaging simulator: accounts with a number and a Messaging Service,
 * Basic auth (account SID and auth token, or an API key), `POST|GET …/Messages.json` and `GET
 * …/Messages/{Sid}.json` with Twilio's validation and error codes, opt-outs by STOP/START,
 * delivery statuses with signed status callbacks, and signed incoming-message webhooks.
 */
export function createTwilioSimulator(options: TwilioSimulatorOptions = {}): TwilioSimulator {
  const state = new TwilioSimState(options.now ?? Date.now);
  const deliveries = new TwilioDeliveries({
    retryDelaysMs: options.webhookRetryDelaysMs ?? TWILIO_SIM_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? TWILIO_SIM_WEBHOOK_TIMEOUT_MS,
  });
  const initial: LifecycleSettings = {
    mode: options.lifecycle ?? 'auto',
    stepMs: options.stepMs ?? 200,
  };
  const lifecycle = new MessageLifecycle(state, deliveries, { ...initial });

  // No mount paths: the kit's request log reads `req.path` when the answer is sent.
  const api = express.Router();
  api.use(twilioApi({ state, lifecycle }));
  api.use(notFound);

  const simulator = assembleSimulator({
    name: 'twilio',
    responder: twilioFaultResponder,
    api,
    control: twilioControl({ state, lifecycle, deliveries }),
    webhooks: deliveries.sender,
    reset() {
      lifecycle.close();
      deliveries.sender.close();
      lifecycle.settings = { ...initial };
      state.reset();
    },
  });
  simulator.app.use(apiErrorHandler);

  const settled = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(lifecycle.idle() && deliveries.sender.idle())) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  };
  return {
    ...simulator,
    state,
    lifecycle,
    deliveries,
    settled,
    close: () => {
      lifecycle.close();
      deliveries.sender.close();
    },
  };
}

/** A listening simulator. */
export type RunningTwilioSimulator = RunningSimulator<TwilioSimulator>;

/** Creates the simulator and listens (port 0 = any free port). */
export function startTwilioSimulator(
  options: TwilioSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningTwilioSimulator> {
  const { port, host, ...rest } = options;
  return listenSimulator(createTwilioSimulator(rest), { port, host });
}

/** Twilio publishes no request quota (only a concurrency limit), so none is enforced. */
export const simulator = defineSimulator({
  defaultPort: 4107,
  start: ({ host, port }) => startTwilioSimulator({ host, port }),
  openAccount: openTwilioAccount,
});
