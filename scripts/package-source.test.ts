import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildInstructions } from './package-source';

test('the source archive names build commands that package.json has', () => {
  const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const text = buildInstructions('1.2.3', '>=20.19');
  for (const [, name] of text.matchAll(/npm run ([\w:]+)/g)) expect(scripts).toHaveProperty(name!);
  expect(text).toContain('npm ci');
});
