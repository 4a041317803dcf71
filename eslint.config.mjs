// ESLint for the whole house: typescript-eslint with type information, no import cycles, and the architecture's
// import rules (vscode only in extension/, no Node built-ins in the core, hosts reach the core through src/index.ts).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const nodeBuiltins = {
  paths: [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `node:${m}`)].map((name) => ({
    name,
    message: 'The core runs in Obsidian and on mobile too: no Node built-ins outside src/cli/ and the hosts.',
  })),
};
const noVscode = { name: 'vscode', message: 'Only extension/ (and its integration tests) may import vscode.' };
const deepCore = { group: ['**/src/*', '**/src/**', '!**/src/index'], message: 'Hosts reach the core through src/index.ts only.' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.e2e-cache/**',
      '.vscode-test/**',
      '.bench/**',
      'scratch/**',
      'test-artifacts/**',
      'coverage/**',
      '*.vsix',
    ],
  },
  js.configs.recommended,
  { files: ['**/*.mjs', '**/*.js', '**/*.cjs'], languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      'no-restricted-imports': ['error', { paths: [noVscode] }],
    },
  },
  // the core: no vscode, no Node built-ins
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, ...nodeBuiltins.paths] }] },
  },
  // the hosts: the core only through src/index.ts
  {
    files: ['extension/**/*.ts', 'media/**/*.ts', 'server/**/*.ts', 'obsidian/**/*.ts', 'src/cli.ts', 'src/cli/**/*.ts'],
    ignores: ['extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [deepCore] }] },
  },
  {
    files: ['extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepCore] }] },
  },
  // the Obsidian plugin runs on mobile: no Node, no Electron
  {
    files: ['obsidian/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode, ...nodeBuiltins.paths, { name: 'electron', message: 'The plugin runs on mobile too: no Electron.' }],
          patterns: [deepCore],
        },
      ],
    },
  },
  // the webview has no Node either
  {
    files: ['media/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, ...nodeBuiltins.paths], patterns: [deepCore] }] },
  },
  {
    files: ['test/integration/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
