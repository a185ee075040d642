export * from './admin-client';
export * from './hub';
export * from './sandbox';
export * from './scenario';
export * from './tracking-world';
export * from './world';
export * from './shiphero';
export * from './commercetools';
