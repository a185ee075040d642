// Shared jest preset: SWC transpiles TypeScript (type checking is its own task), the services
// PostgreSQL and Redis are started once if they are down.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      require.resolve('@swc/jest'),
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  globalSetup: path.join(__dirname, 'global-setup.js'),
  testTimeout: 30000,
  // Integration tests share two local servers; a few files at a time keep a 2-core box responsive.
  maxWorkers: 2,
};
