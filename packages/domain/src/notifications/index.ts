export * from './rules';
export * from './quiet-hours';
