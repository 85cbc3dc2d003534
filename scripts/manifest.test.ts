import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/** The shipped manifest (vite.config.ts derives both browsers' from it, keeping these keys). */
const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as {
  host_permissions: string[];
  content_security_policy: { extension_pages: string };
};

test('extension pages load nothing but their own files and connect nowhere', () => {
  const csp = manifest.content_security_policy.extension_pages.split(';').map((d) => d.trim());
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("object-src 'none'");
});

test('host access is http(s) only', () => {
  expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
});
