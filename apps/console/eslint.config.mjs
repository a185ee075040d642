// The shared rules, plus React's hook rules for the console's components.
import reactHooks from 'eslint-plugin-react-hooks';
import shared from '@shiplink/eslint-config';

export default [
  ...shared,
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
];
