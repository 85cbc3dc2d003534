import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { FINDING_IDS } from '../src/model/finding';
import { FINDINGS_DOC, findingsMarkdown } from './findings-doc';

test('docs/FINDINGS.md is what the catalogue gives (run `npm run docs:findings` after changing it)', () => {
  expect(readFileSync(FINDINGS_DOC, 'utf8')).toBe(findingsMarkdown());
});

test('every finding id has a row', () => {
  const doc = findingsMarkdown();
  for (const id of FINDING_IDS) expect(doc).toContain(`| \`${id}\` |`);
});
