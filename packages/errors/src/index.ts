export * from './errors';
export * from './http-status';
export * from './outage';
