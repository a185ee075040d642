export * from './errors';
export * from './http-status';
