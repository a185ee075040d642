export * from './conditions';
export * from './rule-set';
export * from './evaluate';
