export * from './env';
export * from './hooks';
export * from './platform';
export * from './shutdown';
export * from './worker-app';
export * from './health';
export * from './operations';
export * from './store-notes';
