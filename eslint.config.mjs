import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint/layers.mjs';

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    'storybook-static/',
    'coverage/',
    '.data/',
    'custom-elements.json',
    'scripts/*.d.mts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      // Lit binds `this` for @event listeners in templates.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
    // Without this the wc/* rules ignore Lit classes.
    settings: { wc: { elementBaseClasses: ['LitElement', 'PortalElement'] } },
  },
  {
    // Runtime imports follow the layer arrows: model ← contract ← rules ← adapters; ui ← core ←
    // controllers ← elements; the server never reaches the browser's code (scripts/eslint/layers.mjs).
    files: ['src/**/*.ts', 'examples/server/src/**/*.ts'],
    plugins: { portal: layers },
    rules: { 'portal/layers': 'error' },
  },
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  wcConfigs['flat/best-practice'],
  // Every base here is LitElement, which implements all lifecycle callbacks.
  { rules: { 'wc/guard-super-call': 'off' } },
  {
    // The framework examples import the built package (`npm run build` first): tsc and vue-tsc check
    // their types then, in examples/test, so the lint, which runs before the build, reads their syntax only.
    files: ['examples/react/**/*.{ts,tsx}', 'examples/vue/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: [
      'examples/server/**/*.ts',
      'examples/test/**/*.ts',
      'e2e/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: [
      'test/**/*.ts',
      'examples/server/test/**/*.ts',
      'examples/test/**/*.ts',
      'e2e/**/*.ts',
      'src/adapters/conformance/**/*.ts',
    ],
    rules: {
      // chai's expression style and @open-wc's typings.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
