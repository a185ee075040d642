// Shared jest preset: SWC transpiles TypeScript (type checking is its own task), the services
// PostgreSQL and Redis are started once if they are down, and each test file's logs go to a file
// of its own whose tail is printed only when one of its tests fails (test-logs.js).
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
  setupFilesAfterEnv: [path.join(__dirname, 'test-log-setup.js')],
  reporters: ['default', path.join(__dirname, 'log-tail-reporter.js')],
  testTimeout: 30000,
  // Integration tests share two local servers; a few files at a time keep a 2-core box responsive.
  maxWorkers: 2,
};
