import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { allowAddonInPrivateWindows, withPrivateBrowsing } from './firefox-policy';

test("merges the add-on's entry into existing policies without touching others'", () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cm-policy-')), 'policies.json');
  writeFileSync(
    file,
    JSON.stringify({ policies: { DisableTelemetry: true, ExtensionSettings: { 'other@x': { installation_mode: 'blocked' } } } }),
  );
  allowAddonInPrivateWindows('me@x', file);
  allowAddonInPrivateWindows('me@x', file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
    policies: {
      DisableTelemetry: true,
      ExtensionSettings: { 'other@x': { installation_mode: 'blocked' }, 'me@x': { private_browsing: true } },
    },
  });
});

test('creates the file when there is none, and leaves an already-allowed one as it is', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cm-policy-')), 'sub', 'policies.json');
  allowAddonInPrivateWindows('me@x', file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ policies: { ExtensionSettings: { 'me@x': { private_browsing: true } } } });
  const allowed = { policies: { ExtensionSettings: { 'me@x': { private_browsing: true } } } };
  expect(withPrivateBrowsing(allowed, 'me@x')).toBe(allowed);
});

test('refuses to overwrite a file it cannot read', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cm-policy-')), 'policies.json');
  writeFileSync(file, '{ not json');
  expect(() => allowAddonInPrivateWindows('me@x', file)).toThrow(/not valid JSON/);
  expect(readFileSync(file, 'utf8')).toBe('{ not json');
});
