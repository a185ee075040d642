export * from './carriers';
export * from './client';
export * from './credentials';
export * from './custom-fields';
export * from './dates';
export {
  fromShipStationShipment,
  orderStatusFor,
  SHIPSTATION_STATUS_FOR,
  toShipStationOrder,
  type InboundShipment,
  type ToShipStationContext,
} from './mapping';
export * from './ports';
export * from './profile';
export * from './schemas';
export { assertSameOrigin, parseShipStationWebhook, verifyShipStationToken } from './webhook';
export * from './descriptor';
export * from './settings';
