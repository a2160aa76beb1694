// @ts-check
import eslint from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const apps = readdirSync(new URL('./apps', import.meta.url));

/** Apps talk to each other only over NATS: an app importing another app's files is an error. */
const appBoundary = (app) => ({
  group: [
    '**/apps/**',
    ...apps.filter((other) => other !== app).map((other) => `**/${other}/src/**`),
  ],
  message: 'Apps must not import other apps; move shared code to libs/.',
});
const libBoundary = { group: ['**/apps/**'], message: 'Libraries must not depend on apps.' };

/**
 * Pure rules (`domain/` and `rules/` folders) load no framework, driver or decorated DTO: only
 * the framework-free contracts entry. A type-only import of a DTO class is erased when compiled,
 * so it stays allowed (view shapes that pure code returns).
 */
const PURE_FOLDERS = ['**/domain/**', '**/rules/**'];
const FRAMEWORK_MESSAGE =
  'Pure code (domain/, rules/) must not import Nest, TypeORM, NATS, pg or decorators; keep it at the edges.';
const CONTRACTS_MESSAGE =
  'Pure code imports @sales-suite/contracts/core (framework-free); the main entry loads the decorated DTOs.';
const pureCode = {
  paths: [
    ...['typeorm', 'nats', 'pg', 'class-validator', 'class-transformer'].map((name) => ({
      name,
      message: FRAMEWORK_MESSAGE,
    })),
    { name: '@sales-suite/contracts', message: CONTRACTS_MESSAGE, allowTypeImports: true },
  ],
  patterns: [
    { group: ['@nestjs/*', 'typeorm/*', 'nats/*', 'pg/*'], message: FRAMEWORK_MESSAGE },
    {
      group: ['@sales-suite/contracts/*', '!@sales-suite/contracts/core'],
      message: CONTRACTS_MESSAGE,
      allowTypeImports: true,
    },
  ],
};

/**
 * `no-restricted-imports` of a folder (a later block replaces an earlier one's options, so each
 * block lists everything that applies to its files), and the same plus `pureCode` for its pure
 * folders.
 */
function importBoundaries(root, boundary) {
  const rule = (pure) => ({
    'no-restricted-imports': [
      'error',
      {
        paths: pure ? pureCode.paths : [],
        patterns: [...(boundary ? [boundary] : []), ...(pure ? pureCode.patterns : [])],
      },
    ],
  });
  return [
    ...(root ? [{ files: [`${root}/**/*.ts`], rules: rule(false) }] : []),
    {
      files: PURE_FOLDERS.map((folder) => (root ? `${root}/${folder}` : folder)),
      rules: rule(true),
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'helm/**', 'docker/**'] },
  eslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...importBoundaries(null, null),
  ...importBoundaries('libs', libBoundary),
  ...apps.flatMap((app) => importBoundaries(`apps/${app}`, appBoundary(app))),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
