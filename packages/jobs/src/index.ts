export * from './catalog/index';
export * from './dead-letter';
export * from './define';
export * from './producer';
export * from './queue-metrics';
export * from './queues';
export * from './redis';
export * from './runtime';
