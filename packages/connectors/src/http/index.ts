export * from './audit';
export * from './client';
export * from './profile';
export * from './rate-limiter';
export * from './connector-options';
export * from './base-url';
export * from './credit-budget';
