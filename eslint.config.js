// ESLint: typescript-eslint's recommended type-aware rules (npm test runs it, with Prettier for the layout).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noUnsafe = {
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
};

export default tseslint.config(
  // Migrations are never edited once landed; generated and vendored files are not ours to lint.
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'migrations/', 'web/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `const { secret: _secret, ...rest } = row` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  // Tests and benchmarks read HTTP response bodies and SQL rows as they come (supertest's body is `any`): typing
  // every one would add noise, not safety.
  { files: ['test/**/*.ts', '**/*.spec.ts', 'scripts/**/*.ts', 'seeds/**/*.ts'], rules: noUnsafe },
  // A test's stand-in for an async dependency may well answer at once.
  { files: ['test/**/*.ts', '**/*.spec.ts'], rules: { '@typescript-eslint/require-await': 'off' } },
);
