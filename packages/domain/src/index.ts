export * from './keys';
export * from './money';
export * from './order';
export * from './tracking';
