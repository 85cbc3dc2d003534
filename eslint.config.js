// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule of the architecture (README → Architecture), enforced here so that a
 * wrong import fails `npm run lint`:
 *   model/      imports nothing of ours
 *   analysis/   imports model/ only (and tldts) — no browser API, no Dexie
 *   report/     imports model/ and analysis/ only
 *   db/         imports model/ (and dexie); no browser API
 *   messaging/  imports model/ (and, as types only, what analysis returns); runtime injected
 *   platform/   the only code that imports webextension-polyfill or touches chrome.* / browser.*
 *   ui/, pages/ never import background/ or db writes; they read through db/queries
 *   background/ never imports ui/ or pages/
 */
const ours = (dirs) => dirs.flatMap((d) => [`**/${d}/**`, `../${d}/*`, `../../${d}/*`, `./${d}/*`]);
const restrict = (files, patterns, message, allowTypeImports = false) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports }] }],
  },
});

const browserGlobalsBan = {
  'no-restricted-globals': [
    'error',
    { name: 'chrome', message: 'Reach the browser through src/platform/.' },
    { name: 'browser', message: 'Reach the browser through src/platform/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'dist-floors/**', 'node_modules/**', 'artifacts/**', '*.zip', 'web-ext-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Cookie values are rendered as text, never as markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text; cookie values are hostile input.' },
        { property: 'outerHTML', message: 'Render text; cookie values are hostile input.' },
        { property: 'insertAdjacentHTML', message: 'Render text; cookie values are hostile input.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  { files: ['src/**'], rules: browserGlobalsBan },
  { files: ['src/platform/**', 'tests/**', 'bench/**', 'scripts/**'], rules: { 'no-restricted-globals': 'off' } },
  restrict(
    ['src/model/**'],
    [...ours(['analysis', 'report', 'platform', 'db', 'messaging', 'background', 'ui', 'pages']), 'dexie', 'webextension-polyfill', 'preact', 'preact/*'],
    'model/ imports nothing: it is the vocabulary every context shares.',
  ),
  restrict(
    ['src/analysis/**'],
    [...ours(['report', 'platform', 'db', 'messaging', 'background', 'ui', 'pages']), 'dexie', 'webextension-polyfill', 'preact', 'preact/*'],
    'analysis/ is pure: model/ and tldts only (no browser API, no Dexie, no clock).',
  ),
  restrict(
    ['src/report/**'],
    [...ours(['platform', 'db', 'messaging', 'background', 'ui', 'pages']), 'dexie', 'webextension-polyfill', 'preact', 'preact/*'],
    'report/ serializers are pure: model/ and analysis/ only.',
  ),
  restrict(
    ['src/db/**'],
    [...ours(['platform', 'messaging', 'background', 'ui', 'pages', 'report']), 'webextension-polyfill', 'preact', 'preact/*'],
    'db/ is storage only: model/, analysis/ and dexie.',
  ),
  restrict(
    ['src/messaging/**'],
    [...ours(['platform', 'db', 'background', 'ui', 'pages', 'report', 'analysis']), 'dexie', 'preact', 'preact/*'],
    'messaging/ is the protocol: model/ (and types of analysis results), runtime injected.',
    true,
  ),
  restrict(
    ['src/ui/**', 'src/pages/**'],
    [...ours(['background']), '**/db/writer*', '**/db/retention*', 'dexie', 'webextension-polyfill'],
    'UIs read through db/queries and act through the message client; they never write or import the background.',
  ),
  restrict(
    ['src/background/**'],
    [...ours(['ui', 'pages']), 'preact', 'preact/*'],
    'The background has no UI.',
  ),
);
