export * from './event';
export * from './local-time';
export * from './status';
export * from './transition';
export * from './shipment-progress';
