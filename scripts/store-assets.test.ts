import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { manifestFor } from '../vite.config';

const root = resolve(import.meta.dirname, '..');
const justified = readFileSync(resolve(root, 'store/permissions.md'), 'utf8');

describe('store listing material', () => {
  test.each(['chrome', 'firefox'] as const)('every permission of the %s manifest has a justification line', (browser) => {
    const m = manifestFor(browser) as { permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[] };
    const asked = [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? [])];
    expect(asked.length).toBeGreaterThan(0);
    // A table row whose first cell is the permission (cells may be padded by the formatter).
    for (const p of asked)
      expect(justified, `store/permissions.md has no line for ${p}`).toMatch(
        new RegExp(`^\\|\\s*\`${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\`\\s*\\|`, 'm'),
      );
  });

  test.each(['en', 'ko'])("the %s listing has a short description within the stores' 132 characters", (lang) => {
    const listing = readFileSync(resolve(root, `store/listing.${lang}.md`), 'utf8');
    const short = /^## [^\n]*\(132[^\n]*\n\n([^\n]+)\n/m.exec(listing)?.[1] ?? '';
    expect(short.length).toBeGreaterThan(20);
    expect([...short].length).toBeLessThanOrEqual(132);
    expect(listing).toMatch(/## (Long description|자세한 설명)\n\n\S/);
  });
});
