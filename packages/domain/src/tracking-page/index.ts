export * from './settings';
export * from './status-words';
