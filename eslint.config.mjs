// Lint rules for the library: typescript-eslint's recommended set, plus a few rules that keep
// the layers honest (no console output from library code; warnings go through annotations).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['lib/**/*.ts', 'stacks/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
);
