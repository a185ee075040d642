export * from './keys';
export * from './money';
export * from './order';
export * from './tracking';
export * from './micro-batch';
export * from './storable';
export * from './ports';
export * from './carriers';
