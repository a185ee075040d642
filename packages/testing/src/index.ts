export * from './database';
export * from './processes';
export * from './redis';
export * from './servers';
export * from './wait';
