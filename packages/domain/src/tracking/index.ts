export * from './event';
export * from './fixtures';
export * from './local-time';
export * from './status';
export * from './transition';
