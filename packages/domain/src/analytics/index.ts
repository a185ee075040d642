export * from './stats';
export * from './delivery-signals';
export * from './delivery';
export * from './delivery-series';
export * from './delivery-csv';
