export * from './rules';
export * from './quiet-hours';
export * from './recipients';
export * from './sms-length';
