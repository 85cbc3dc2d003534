// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule of the architecture (README → Architecture), enforced here so that a
 * wrong import fails `npm run lint`:
 *   model/      imports nothing of ours
 *   analysis/   imports model/ only (and tldts) — no browser API, no Dexie
 *   view/       pure view models, rows, wire format: model/ and analysis/ only
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
        { property: 'srcdoc', message: 'Render text; cookie values are hostile input.' },
        { property: 'createContextualFragment', message: 'Render text; cookie values are hostile input.' },
        { property: 'setHTMLUnsafe', message: 'Render text; cookie values are hostile input.' },
        { object: 'document', property: 'write', message: 'Render text; cookie values are hostile input.' },
        { object: 'document', property: 'writeln', message: 'Render text; cookie values are hostile input.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
        { selector: 'JSXAttribute[name.name=/^src[dD]oc$/]', message: 'Render text, never HTML.' },
        // The same sinks reached by a computed name (el['inner' + 'HTML'], el[`${a}HTML`]), which
        // no-restricted-properties cannot see; a property name built at run time has no other use here.
        {
          selector:
            "MemberExpression[computed=true][property.type='Literal'][property.value=/^(innerHTML|outerHTML|insertAdjacentHTML|srcdoc|createContextualFragment|setHTMLUnsafe)$/]",
          message: 'Render text, never HTML.',
        },
        {
          selector:
            ":matches(AssignmentExpression > MemberExpression.left, CallExpression > MemberExpression.callee)[computed=true]:matches([property.type='TemplateLiteral'], [property.operator='+'][property.left.value=/[A-Za-z]/], [property.operator='+'][property.right.value=/[A-Za-z]/])",
          message: 'A property written or called by a name built at run time can be an HTML sink; name the property.',
        },
        {
          selector: "CallExpression[callee.object.name='Reflect'][callee.property.name=/^(set|apply)$/]",
          message: 'Reflect.set/apply can reach an HTML sink by a computed name; name the property.',
        },
        { selector: "NewExpression[callee.name='DOMParser']", message: 'Parsing HTML turns hostile text into markup; render text.' },
        { selector: "CallExpression[callee.property.name='parseHTMLUnsafe']", message: 'Render text, never HTML.' },
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
    [
      ...ours(['analysis', 'view', 'report', 'platform', 'db', 'messaging', 'background', 'ui', 'pages']),
      'dexie',
      'webextension-polyfill',
      'preact',
      'preact/*',
    ],
    'model/ imports nothing: it is the vocabulary every context shares.',
  ),
  restrict(
    ['src/analysis/**'],
    [
      ...ours(['view', 'report', 'platform', 'db', 'messaging', 'background', 'ui', 'pages']),
      'dexie',
      'webextension-polyfill',
      'preact',
      'preact/*',
    ],
    'analysis/ is pure: model/ and tldts only (no browser API, no Dexie, no clock).',
  ),
  restrict(
    ['src/view/**'],
    [
      ...ours(['report', 'platform', 'db', 'messaging', 'background', 'ui', 'pages']),
      'dexie',
      'webextension-polyfill',
      'preact',
      'preact/*',
    ],
    'view/ is pure: view models, rows and their wire format from model/ and analysis/ only.',
  ),
  restrict(
    ['src/report/**'],
    [...ours(['view', 'platform', 'db', 'messaging', 'background', 'ui', 'pages']), 'dexie', 'webextension-polyfill', 'preact', 'preact/*'],
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
  restrict(['src/background/**'], [...ours(['ui', 'pages']), 'preact', 'preact/*'], 'The background has no UI.'),
);
