export * from './context';
export * from './log-file';
export * from './logger';
export * from './redact';
