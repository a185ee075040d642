export * from './rules';
export * from './order-notifications';
export * from './quiet-hours';
export * from './recipients';
export * from './sms-length';
