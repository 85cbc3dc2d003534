import { expect, test } from 'vitest';
import { validateSarif } from './validate';

test('the official SARIF 2.1.0 schema is really applied: a malformed log is refused by it', () => {
  const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'loud' }] }] };
  const r = validateSarif(bad);
  expect(r.valid).toBe(false);
  expect(r.errors.some((e) => e.startsWith('official schema:'))).toBe(true);
});
