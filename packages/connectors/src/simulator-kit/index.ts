export * from './account';
export * from './faults';
export * from './fixed-window';
export * from './request-log';
export * from './simulator';
export * from './webhook-sender';
