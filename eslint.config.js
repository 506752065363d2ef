// Lint for the extension and its tests. no-unsanitized guards every place
// HTML could reach the DOM; each exception must be justified on its line.
import js from '@eslint/js';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/**', 'bench-results.json', 'test/bench/zz-*'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', performance: 'readonly', console: 'readonly',
        process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly',
        structuredClone: 'readonly', navigator: 'readonly', globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // With noUncheckedIndexedAccess, `list[i]!` after a bounds check is the
      // honest way to say "present"; the compiler still checks everything else.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
