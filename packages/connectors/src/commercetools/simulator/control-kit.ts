import type { Request, Response } from 'express';
import { parseControlBody } from '../../simulator-kit/simulator';
import { CommercetoolsApiError } from './errors';
import type { ProjectEvents } from './events';
import type { OrderUpdates } from './order-updates';
import type { PubSubBroker } from './pubsub-broker';
import type { PushDeliverer } from './pubsub-push';
import type { CommercetoolsSimState, ProjectData } from './state';
import type { SubscriptionDelivery } from './subscription-delivery';
import type { TokenStore } from './tokens';

/** What the control routes work with. */
export interface ControlDeps {
  state: CommercetoolsSimState;
  tokens: TokenStore;
  events: ProjectEvents;
  updates: OrderUpdates;
  broker: PubSubBroker;
  push: PushDeliverer;
  delivery: SubscriptionDelivery;
  /** API clients' token lifetime unless the control request says otherwise. */
  tokenValiditySeconds: number;
}

/** The parsed body, or undefined once a 400 naming the issues has been sent. */
export const parseBody = parseControlBody;

/** The project named by `:projectKey`, or undefined once a 404 was sent. */
export function projectOf(deps: ControlDeps, req: Request, res: Response): ProjectData | undefined {
  const project = deps.state.project(String(req.params.projectKey));
  if (!project) res.status(404).json({ error: 'no such project' });
  return project;
}

/** Runs a control change; an API refusal is answered with the API's own error body. */
export function attempt(res: Response, change: () => void): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof CommercetoolsApiError)) throw error;
    res.status(error.statusCode).json({
      statusCode: error.statusCode,
      message: error.message,
      errors: error.errors,
    });
  }
}
