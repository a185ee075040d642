export * from './contract';
export * from './control';
