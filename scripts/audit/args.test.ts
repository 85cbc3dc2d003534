import { describe, expect, test } from 'vitest';
import { parseAuditArgs, UsageError } from './args';
import { exitCodeFor, failing } from './verdict';

const audit = (argv: string[]) => {
  const p = parseAuditArgs(argv);
  if (p.kind !== 'audit') throw new Error('expected an audit');
  return p.options;
};

describe('parseAuditArgs', () => {
  test('defaults', () => {
    expect(audit(['https://example.com'])).toEqual({
      urls: ['https://example.com/'],
      browser: 'chromium',
      out: 'cookie-audit',
      formats: ['json', 'html'],
      failOn: 'high',
      profile: undefined,
      includeValues: false,
      includeHistory: false,
      login: undefined,
      baseline: undefined,
      acceptConsent: false,
      waitMs: 0,
      ignoreHttpsErrors: false,
      quiet: false,
      build: true,
    });
  });

  test('every option', () => {
    const o = audit([
      'http://a.test/x',
      'https://b.test/',
      '--browser',
      'firefox',
      '--out',
      'o',
      '--format',
      'json,sarif,netscape,json',
      '--fail-on',
      'low',
      '--profile',
      'rfc2109',
      '--include-values',
      '--include-history',
      '--login',
      'l.mjs',
      '--baseline',
      'old.json',
      '--accept-consent',
      '--wait-ms',
      '250',
      '--ignore-https-errors',
      '--quiet',
      '--no-build',
    ]);
    expect(o).toMatchObject({
      urls: ['http://a.test/x', 'https://b.test/'],
      browser: 'firefox',
      out: 'o',
      formats: ['json', 'sarif', 'netscape'],
      failOn: 'low',
      profile: 'rfc2109',
      includeValues: true,
      includeHistory: true,
      login: 'l.mjs',
      baseline: 'old.json',
      acceptConsent: true,
      waitMs: 250,
      ignoreHttpsErrors: true,
      quiet: true,
      build: false,
    });
  });

  test('--help wins over everything else', () => {
    expect(parseAuditArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseAuditArgs(['-h'])).toEqual({ kind: 'help' });
  });

  test.each([
    [[], /no URL/],
    [['https://a.test', '--bogus'], /--bogus/],
    [['example.com'], /not a URL: example.com/],
    [['ftp://a.test/'], /not an http\(s\) URL/],
    [['https://a.test', '--browser', 'safari'], /--browser must be/],
    [['https://a.test', '--fail-on', 'info'], /--fail-on must be/],
    [['https://a.test', '--profile', 'opera'], /unknown --profile opera/],
    [['https://a.test', '--profile', '__proto__'], /unknown --profile/],
    [['https://a.test', '--format', 'pdf'], /unknown format pdf/],
    [['https://a.test', '--format', ','], /at least one format/],
    [['https://a.test', '--format', 'netscape'], /--include-values/],
    [['https://a.test', '--format', 'storage-state'], /--include-values/],
    [['https://a.test', '--format', 'json,cookie-editor'], /--include-values/],
    [['https://a.test', '--wait-ms', '-5'], /--wait-ms/],
    [['https://a.test', '--wait-ms', '1e3'], /--wait-ms/],
    [['https://a.test', '--browser'], /--browser/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(UsageError);
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});

describe('exit codes', () => {
  const f = (...s: Array<'high' | 'medium' | 'low' | 'info'>) => s.map((severity) => ({ severity }));
  test.each([
    [f(), 'high', 0],
    [f('medium', 'low', 'info'), 'high', 0],
    [f('medium', 'high'), 'high', 1],
    [f('medium'), 'medium', 1],
    [f('low', 'info'), 'medium', 0],
    [f('low'), 'low', 1],
    [f('info'), 'low', 0],
    [f('high'), 'none', 0],
  ] as const)('%j with --fail-on %s → %i', (findings, failOn, code) => {
    expect(exitCodeFor(findings, failOn)).toBe(code);
  });

  test('failing lists the findings at or above the threshold', () => {
    expect(failing(f('info', 'high', 'low', 'medium'), 'medium')).toEqual(f('high', 'medium'));
  });
});
