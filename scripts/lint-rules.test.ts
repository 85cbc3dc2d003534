import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

/** The dependency rule is only real if a wrong import fails lint: prove it for each boundary. */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('dependency rule', () => {
  test.each([
    ['src/analysis/x.ts', "import { browser } from '../platform/browser';\nexport const y = browser;"],
    ['src/analysis/x.ts', "import Dexie from 'dexie';\nexport const y = Dexie;"],
    ['src/model/x.ts', "import { t } from '../analysis/domain';\nexport const y = t;"],
    ['src/analysis/x.ts', "import { firstRows } from '../view/view-wire';\nexport const y = firstRows;"],
    ['src/view/x.ts', "import { browser } from '../platform/browser';\nexport const y = browser;"],
    ['src/view/x.ts', "import { h } from 'preact';\nexport const y = h;"],
    ['src/report/x.ts', "import { q } from '../db/queries';\nexport const y = q;"],
    ['src/db/x.ts', "import { browser } from '../platform/browser';\nexport const y = browser;"],
    ['src/ui/x.tsx', "import { w } from '../background/index';\nexport const y = w;"],
    ['src/ui/x.tsx', "import { LogWriter } from '../db/writer';\nexport const y = LogWriter;"],
    ['src/pages/popup/x.tsx', "import browser from 'webextension-polyfill';\nexport const y = browser;"],
    ['src/background/x.ts', "import { Shell } from '../ui/Shell';\nexport const y = Shell;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toContain('no-restricted-imports');
  });

  test.each([
    [
      'src/analysis/x.ts',
      "import { getDomain } from 'tldts';\nimport type { Finding } from '../model/finding';\nexport type F = Finding;\nexport const y = getDomain;",
    ],
    ['src/ui/x.tsx', "import { t } from '../platform/i18n';\nexport const y = t;"],
    ['src/view/x.ts', "import { analyze } from '../analysis/findings';\nexport const y = analyze;"],
    ['src/background/x.ts', "import { browser } from '../platform/browser';\nexport const y = browser;"],
  ])('%s may: %s', async (file, code) => {
    expect(await errorsFor(file, code)).not.toContain('no-restricted-imports');
  });

  test('only platform/ touches chrome.* and browser.* globals', async () => {
    expect(await errorsFor('src/ui/x.tsx', 'export const y = chrome.runtime.id;')).toContain('no-restricted-globals');
    expect(await errorsFor('src/platform/x.ts', 'export const y = chrome.runtime.id;')).not.toContain('no-restricted-globals');
  });

  test('HTML sinks are rejected everywhere', async () => {
    expect(await errorsFor('src/ui/x.tsx', 'export const f = (el: HTMLElement, v: string) => { el.innerHTML = v; };')).toContain(
      'no-restricted-properties',
    );
    expect(
      await errorsFor('src/ui/x.tsx', 'export const C = (p: { v: string }) => <div dangerouslySetInnerHTML={{ __html: p.v }} />;'),
    ).toContain('no-restricted-syntax');
  });

  test.each([
    ["el['inner' + 'HTML'] = v", 'no-restricted-syntax'],
    ['el[`${"inner"}HTML`] = v', 'no-restricted-syntax'],
    ["el['innerHTML'] = v", 'no-restricted-syntax'],
    ["el['insert' + 'AdjacentHTML']('beforeend', v)", 'no-restricted-syntax'],
    ["Reflect.set(el, 'inner' + 'HTML', v)", 'no-restricted-syntax'],
    ['(el as HTMLIFrameElement).srcdoc = v', 'no-restricted-properties'],
    ["new DOMParser().parseFromString(v, 'text/html')", 'no-restricted-syntax'],
    ['document.createRange().createContextualFragment(v)', 'no-restricted-properties'],
    ['document.write(v)', 'no-restricted-properties'],
  ])('HTML sink reached another way is rejected: %s', async (body, rule) => {
    expect(await errorsFor('src/ui/x.tsx', `export const f = (el: HTMLElement, v: string) => { ${body}; };`)).toContain(rule);
  });

  test('srcdoc in JSX is rejected; ordinary computed access is not', async () => {
    expect(await errorsFor('src/ui/x.tsx', 'export const C = (p: { v: string }) => <iframe srcdoc={p.v} />;')).toContain(
      'no-restricted-syntax',
    );
    expect(
      await errorsFor(
        'src/ui/x.ts',
        'export const f = (m: Record<string, number>, a: string, i: number, b: number[]) => { b[i * 2 + 1] = 0; return m[`${a}|x`] ?? m[a + 1]; };',
      ),
    ).not.toContain('no-restricted-syntax');
  });
});
