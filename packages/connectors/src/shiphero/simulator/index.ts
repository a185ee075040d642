import express, { type NextFunction, type Request, type Response } from 'express';
import { defineSimulator } from '../../simulator-kit/definition';
import type { FaultResponder } from '../../simulator-kit/faults';
import {
  assembleSimulator,
  listenSimulator,
  type RunningSimulator,
  type Simulator,
} from '../../simulator-kit/simulator';
import { openShipHeroAccount } from './account';
import { authRoutes } from './auth-routes';
import { shipHeroControl } from './control';
import { CreditBuckets, SHIPHERO_CREDITS, type CreditSettings } from './credits';
import { httpErrorBody } from './errors';
import { graphqlRoute } from './graphql-route';
import { RollingRequestCap, SHIPHERO_REQUEST_CAP, type RequestCapSettings } from './request-cap';
import { ShipHeroSimState } from './state';
import { TokenStore } from './tokens';
import { ShipHeroWebhooks } from './webhooks';

export type { ShipHeroSimAccount, ShipHeroSimCredentials } from './account';
export { openShipHeroAccount } from './account';
export { SHIPHERO_CREDITS, type CreditSettings } from './credits';
export { SHIPHERO_REQUEST_CAP, type RequestCapSettings } from './request-cap';
export { SHIPHERO_SUBSET_SDL, shipHeroSubsetSchema } from './schema';
export { AccountData, ShipHeroSimState } from './state';
export {
  SHIPHERO_MESSAGE_ID_HEADER,
  SHIPHERO_SIGNATURE_HEADER,
  SHIPHERO_SIM_RETRY_DELAYS_MS,
  signShipHeroBody,
} from './webhooks';

export interface ShipHeroSimulatorOptions {
  /** The clock for token expiry, credits, the request cap and every timestamp. */
  now?: () => number;
  /** Default: ShipHero's 4,004 credits refilling at 60 per second. */
  credits?: Partial<CreditSettings>;
  /** Default: 7,000 requests per rolling 5 minutes per account. */
  requestCap?: Partial<RequestCapSettings>;
  /** Delays before each of the (up to 5) retries of a failed delivery. */
  webhookRetryDelaysMs?: number[];
  /** Per delivery attempt; ShipHero's is 10 s. */
  webhookTimeoutMs?: number;
}

export interface ShipHeroSimulator extends Simulator {
  state: ShipHeroSimState;
  webhooks: ShipHeroWebhooks;
  credits: CreditBuckets;
  requestCap: RollingRequestCap;
  /** Stops held-back deliveries and pending retries. */
  close(): void;
}

const responder: FaultResponder = {
  rateLimited(res, withHeaders, resetMs) {
    if (withHeaders) res.setHeader('Retry-After', String(Math.ceil(resetMs / 1_000)));
    res.status(429).json(httpErrorBody('Too many requests', 429));
  },
  serverError(res, status) {
    res.status(status).json(httpErrorBody('Internal Server Error', status));
  },
};

/** A ShipHero Public API simulator (GraphQL, auth service, webhooks) as an app, not yet listening. */
export function createShipHeroSimulator(options: ShipHeroSimulatorOptions = {}): ShipHeroSimulator {
  const now = options.now ?? Date.now;
  const creditSettings = { ...SHIPHERO_CREDITS, ...options.credits };
  const capSettings = { ...SHIPHERO_REQUEST_CAP, ...options.requestCap };
  const state = new ShipHeroSimState(now);
  const tokens = new TokenStore(now);
  const credits = new CreditBuckets(creditSettings, now);
  const requestCap = new RollingRequestCap(capSettings, now);
  const webhooks = new ShipHeroWebhooks({
    retryDelaysMs: options.webhookRetryDelaysMs,
    timeoutMs: options.webhookTimeoutMs,
  });
  const deps = { state, tokens, credits, requestCap, webhooks };

  const api = express.Router();
  api.use(authRoutes(state, tokens));
  api.use(graphqlRoute(deps));
  api.use((_req, res) => void res.status(404).json(httpErrorBody('Not Found', 404)));

  const simulator = assembleSimulator({
    name: 'shiphero',
    responder,
    api,
    control: shipHeroControl(deps),
    webhooks: webhooks.sender,
    reset() {
      state.reset();
      tokens.reset();
      credits.reset(creditSettings);
      requestCap.reset(capSettings);
      webhooks.reset();
    },
  });
  // A body that is not JSON gets graphene's answer instead of Express's HTML page.
  simulator.app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status =
      typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    if (status >= 400 && status < 500) {
      return void res.status(400).json({ errors: [{ message: 'POST body sent invalid JSON.' }] });
    }
    res.status(500).json(httpErrorBody('Internal Server Error', 500));
  });
  return { ...simulator, state, webhooks, credits, requestCap, close: () => webhooks.close() };
}

export type RunningShipHeroSimulator = RunningSimulator<ShipHeroSimulator>;

export function startShipHeroSimulator(
  options: ShipHeroSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningShipHeroSimulator> {
  const { port, host, ...rest } = options;
  return listenSimulator(createShipHeroSimulator(rest), { port, host });
}

/** ShipHero throttles by credits and a request cap of its own, not by a kit quota. */
export const simulator = defineSimulator({
  defaultPort: 4104,
  start: ({ host, port }) => startShipHeroSimulator({ host, port }),
  openAccount: openShipHeroAccount,
});
