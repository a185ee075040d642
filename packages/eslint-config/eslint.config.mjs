// One lint configuration for every package; each package runs `eslint src` with it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    },
  },
  {
    // Processors stay thin: they call services, never the I/O libraries directly.
    files: ['**/processors/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['axios', 'bullmq', '@prisma/client', 'ioredis'], patterns: ['**/generated/**'] },
      ],
    },
  },
  {
    // Command-line entry points and benchmarks talk to a terminal.
    files: ['**/cli/**', '**/demo/**'],
    rules: { 'no-console': 'off' },
  },
);
