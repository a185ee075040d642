import type { AllocationCache } from './allocation';
import type { RootFieldCost } from './complexity';
import type { AccountData, ShipHeroSimState } from './state';
import type { ShipHeroWebhooks } from './webhooks';

/** What every resolver of one GraphQL request sees: the caller's account and the request's costs. */
export interface RequestContext {
  state: ShipHeroSimState;
  data: AccountData;
  webhooks: ShipHeroWebhooks;
  requestId: string;
  /** By response key (alias or field name). */
  roots: Map<string, RootFieldCost>;
  allocations: AllocationCache;
}
