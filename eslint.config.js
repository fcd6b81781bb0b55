// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**', 'scripts/**', 'src/cli/**', 'tests/**', '*.js', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The layers of GUIDE.md, enforced: the engine and the knowledge base run in Node (CLI,
      // tests, bench) as well as in the page, so they must not reach the DOM side, the UI or
      // the browser API; only src/platform touches `browser`.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/match', from: ['./src/page', './src/ui', './src/platform', './src/settings', './extension'], message: 'src/match is pure text matching: no DOM, UI or browser API.' },
            { target: './src/knowledge', from: ['./src/page', './src/ui', './src/platform', './src/settings', './src/match', './extension'], message: 'src/knowledge is data and its compiler only.' },
            { target: './src/page', from: ['./src/ui', './src/platform', './extension'], message: 'src/page is the DOM side; it does not render UI or call the browser API.' },
            { target: './src/ui', from: ['./src/platform', './extension'], message: 'UI components get browser-backed services passed in, they do not import src/platform.' },
            { target: './src', from: ['./extension'], message: 'extension/ holds entry points; nothing in src imports them.' },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'Use src/platform: it is the one module that touches the browser API.' }] },
      ],
    },
  },
  {
    files: ['src/platform/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'extension/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'browser', message: 'Use src/platform.' }, { name: 'chrome', message: 'Use src/platform.' }],
    },
  },
);
