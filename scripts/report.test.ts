import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport, toCsv, toHtml, toJson, toMarkdown, toSarif } from '../src/report/index';
import { fixtureInput } from '../src/report/fixtures/input';
import { renderSaved } from './report';

const report = buildReport(fixtureInput(false));
const json = toJson(report);

describe('renderSaved: the saved JSON renders exactly as the live report does', () => {
  test.each([
    ['html', toHtml],
    ['csv', toCsv],
    ['sarif', toSarif],
    ['md', toMarkdown],
  ] as const)('%s', (format, render) => {
    expect(renderSaved(json, format)).toBe(render(report));
  });

  test('refuses invalid input with the schema errors', () => {
    expect(() => renderSaved('{"reportVersion": 2}', 'html')).toThrow(/schema errors/);
    expect(() => renderSaved('not json', 'html')).toThrow(/not JSON/);
    const tampered = JSON.parse(json) as { cookies: Array<Record<string, unknown>> };
    tampered.cookies[0]!['value'] = 'sneaked in';
    expect(() => renderSaved(JSON.stringify(tampered), 'csv')).toThrow(/schema errors/);
  });
});

describe('the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  const input = join(dir, 'report.json');
  writeFileSync(input, json);
  const tsx = join(import.meta.dirname, '../node_modules/.bin/tsx');
  const script = join(import.meta.dirname, 'report.ts');

  test('--format md --out file', () => {
    const out = join(dir, 'report.md');
    execFileSync(tsx, [script, input, '--format', 'md', '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(toMarkdown(report));
  });

  test('bad usage exits 2, a bad file exits 1', () => {
    expect(spawnSync(tsx, [script, input]).status).toBe(2);
    writeFileSync(join(dir, 'bad.json'), '{}');
    const bad = spawnSync(tsx, [script, join(dir, 'bad.json'), '--format', 'html'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/schema errors/);
  });
});
