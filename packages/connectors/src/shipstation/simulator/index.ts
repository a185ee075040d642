export {
  createShipStationSimulator,
  startShipStationSimulator,
  type RunningShipStationSimulator,
  type ShipStationSimulator,
  type ShipStationSimulatorOptions,
} from './server';
export { ShipStationState } from './state';
export { trackingNumberFor } from './shipping';
export { DEFAULT_WEBHOOK_RETRY_DELAYS_MS } from './webhooks';
