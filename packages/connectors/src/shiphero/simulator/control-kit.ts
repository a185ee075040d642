import type { Request, Response } from 'express';
import { parseControlBody } from '../../simulator-kit/simulator';
import type { CreditBuckets } from './credits';
import { SHIPHERO_ERROR_CODES, ShipHeroApiError } from './errors';
import type { RollingRequestCap } from './request-cap';
import type { AccountData, ShipHeroSimState } from './state';
import type { TokenStore } from './tokens';
import type { ShipHeroWebhooks } from './webhooks';

export interface ControlDeps {
  state: ShipHeroSimState;
  tokens: TokenStore;
  credits: CreditBuckets;
  requestCap: RollingRequestCap;
  webhooks: ShipHeroWebhooks;
}

/** The parsed body, or undefined once a 400 naming the issues has been sent. */
export const parseBody = parseControlBody;

export function accountOf(deps: ControlDeps, req: Request, res: Response): AccountData | undefined {
  const data = deps.state.account(String(req.params.accountId));
  if (!data) res.status(404).json({ error: 'no such account' });
  return data;
}

/** Runs a state change; a refusal becomes 404 (unknown entity) or 409 (not possible now). */
export function attempt(res: Response, change: () => void): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof ShipHeroApiError)) throw error;
    const status = error.code === SHIPHERO_ERROR_CODES.notFound ? 404 : 409;
    res.status(status).json({ error: error.message });
  }
}
