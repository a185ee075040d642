export * from './env';
export * from './redis-url';
