import { defineSimulator } from '../../simulator-kit/definition';
import { SHIPSTATION_DEFAULT_BUDGET } from '../profile';
import { openShipStationAccount } from './account';
import { startShipStationSimulator } from './server';

export {
  createShipStationSimulator,
  startShipStationSimulator,
  type RunningShipStationSimulator,
  type ShipStationSimulator,
  type ShipStationSimulatorOptions,
} from './server';
export { ShipStationState } from './state';
export type { ShipStationSimAccount } from './account';
export { trackingNumberFor } from './shipping';
export { DEFAULT_WEBHOOK_RETRY_DELAYS_MS } from './webhooks';

/** ShipStation allows 40 requests per 60 s per API key. */
export const simulator = defineSimulator({
  defaultPort: 4102,
  quota: SHIPSTATION_DEFAULT_BUDGET,
  start: (options) => startShipStationSimulator(options),
  openAccount: openShipStationAccount,
});
