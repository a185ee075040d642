export * from './fulfilment-system';
export * from './store-platform';
export * from './store-refunds';
export * from './tracking-provider';
export * from './stock-source';
export * from './pickup-points';
export * from './shipment-carrier';
export * from './message-channel';
