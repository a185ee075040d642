export * from './client';
export * from './credentials';
export * from './descriptor';
export * from './mapping';
export * from './parcel-type';
export * from './profile';
export * from './settings';
