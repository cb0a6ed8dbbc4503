import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'out/', 'coverage/', '**/*.js', '!eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Only addin/office/ touches Office.js; the engine runs in Node and in the browser alike.
    files: ['importer/engine/**/*.ts', 'addin/**/*.ts', 'addin/**/*.tsx'],
    ignores: ['addin/office/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Office.js si usa solo in addin/office/.' }, { name: 'Excel', message: 'Office.js si usa solo in addin/office/.' }],
    },
  },
  {
    files: ['importer/engine/**/*.ts', 'addin/flags/**/*.ts', 'addin/sheet/**/*.ts', 'addin/office/**/*.ts'],
    // scripts npm runs in Node to generate engine files, not part of the engine
    ignores: ['importer/engine/reference/generate.ts', 'importer/engine/schema/write-json-schema.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(node:|fs$|path$|exceljs$|papaparse$|react|@fluentui/)', message: 'Il motore e l\'adattatore sono puri: niente Node, lettori o interfaccia.' }] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
