// One lint configuration for every package; each package runs `eslint src` (and `test`) with it
// from its own folder, so the package is told by the working directory.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const packageDir = process.cwd();
const packageName = `${path.basename(path.dirname(packageDir))}/${path.basename(packageDir)}`;

/** Packages that exist to test, simulate or demonstrate: they may use the testing kit. */
const HARNESS = new Set([
  'apps/demo',
  'apps/bench',
  'apps/e2e',
  'apps/simulators',
  'packages/testing',
  'packages/test-world',
]);
const isHarness = HARNESS.has(packageName);

const TESTS = ['**/*.test.ts', '**/test/**'];
/** Inside connectors: the simulators, fixtures and contract battery, which tests and demos use. */
const CONNECTOR_HARNESS = [
  '**/simulator/**',
  '**/simulator-kit/**',
  '**/fixtures/**',
  '**/testing/**',
  '**/simulators.ts',
];

const harnessImports = {
  paths: [
    { name: '@shiplink/testing', message: 'Testing helpers are for tests and harness apps.' },
    { name: '@shiplink/test-world', message: 'The test world is for tests and harness apps.' },
    { name: '@shiplink/connectors/simulators', message: 'Simulators stay out of production.' },
    { name: '@shiplink/connectors/testing', message: 'The contract battery is for tests.' },
  ],
  patterns: [
    {
      group: ['@shiplink/connectors/*/simulator', '**/simulator', '**/simulator/**'],
      message: 'Simulators stay out of production code.',
    },
    { group: ['**/fixtures', '**/fixtures/**'], message: 'Fixtures are for tests.' },
  ],
};

/** Who may import what: each rule names the one package that owns a dependency. */
const ownership = [
  ...(packageName === 'packages/db'
    ? []
    : [
        {
          group: ['@prisma/*', '**/generated/prisma/**'],
          message: 'Only packages/db uses Prisma.',
        },
      ]),
  ...(packageName === 'packages/jobs'
    ? []
    : [{ group: ['bullmq'], message: 'Only packages/jobs uses BullMQ.' }]),
  ...(packageName === 'packages/domain'
    ? [{ group: ['@shiplink/*'], message: 'The domain imports no other workspace package.' }]
    : []),
  ...(packageName === 'packages/connectors'
    ? [
        {
          group: ['@shiplink/db', '@shiplink/db/*', '@shiplink/jobs', '@shiplink/jobs/*'],
          message: 'Connectors speak HTTP; storage and queues are the apps’ business.',
        },
      ]
    : []),
];

const restrictedImports = (extra = { paths: [], patterns: [] }) => [
  'error',
  { paths: extra.paths, patterns: [...ownership, ...extra.patterns] },
];

export default tseslint.config(
  { ignores: ['**/generated/**', '**/node_modules/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-restricted-imports': restrictedImports(isHarness ? undefined : harnessImports),
      // Each app parses its environment once, in its env.ts; everything else is handed values.
      'no-restricted-properties': isHarness
        ? 'off'
        : [
            'error',
            { object: 'process', property: 'env', message: 'Read process.env in env.ts only.' },
          ],
    },
  },
  {
    files: ['**/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests, and the connectors' own simulators and fixtures, may use the harness.
    files: [...TESTS, ...(packageName === 'packages/connectors' ? CONNECTOR_HARNESS : [])],
    rules: {
      'no-restricted-imports': restrictedImports(),
      'no-restricted-properties': 'off',
    },
  },
  {
    // Processors stay thin: they call services, never the I/O libraries directly.
    files: ['**/processors/**'],
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: [...harnessImports.paths, 'axios', 'bullmq', '@prisma/client', 'ioredis'],
        patterns: [
          ...harnessImports.patterns,
          { group: ['**/generated/**'], message: 'Processors call services.' },
        ],
      }),
    },
  },
  {
    // Command-line entry points and benchmarks talk to a terminal.
    files: ['**/cli/**', '**/demo/**'],
    rules: { 'no-console': 'off' },
  },
);
