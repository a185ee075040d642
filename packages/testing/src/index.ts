export * from './database';
export * from './ports';
export * from './processes';
export * from './redis';
export * from './servers';
export * from './test-logs';
export * from './wait';
export * from './env';
