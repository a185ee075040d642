export * from './app-install';
export * from './credential-vault';
export * from './descriptor';
export * from './factory';
export * from './http';
export * from './ports';
export * from './registry';
export * from './settings';
// Kept at the package root for the services that read them from here; each is also exported
// from its provider's own subpath.
export * from './aftership/settings';
export * from './bigcommerce/settings';
export * from './shipstation/settings';
