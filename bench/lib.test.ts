import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFloor } from './floors/build';
import { median, quantile, table, verdict, within, type Row } from './lib';

const row = (over: Partial<Row>): Row => ({ bench: 'b', case: 'c', browser: 'chromium', ours: 110, floor: 100, unit: 'ms', ...over });

describe('bench helpers', () => {
  test('median and quantile of unsorted samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(quantile([5, 1, 4, 2, 3], 0.95)).toBe(4);
  });

  test('a ratio meets its target, misses it, or is information', () => {
    expect(verdict(row({ target: 1.1 }))).toEqual({ ratio: 1.1, mark: '✓' });
    expect(verdict(row({ target: 1.03 })).mark).toBe('✗');
    expect(verdict(row({ note: 'CPU' })).mark).toBe('·');
    // A case with a target and no number (ours never finished) has missed it.
    expect(verdict(row({ ours: NaN, target: 3, note: 'not shown' })).mark).toBe('✗');
  });

  test('the table has one line per row under the header, numbers and verdicts aligned', () => {
    const lines = table([row({ target: 1.1 }), row({ ours: NaN, floor: NaN, note: 'not drivable' })]).split('\n');
    expect(lines[0]).toMatch(/^bench\s+case\s+browser\s+ours\s+floor\s+ratio\s+target$/);
    expect(lines[2]).toMatch(/110 ms\s+100 ms\s+1\.100×\s+≤ 1\.1×\s+✓$/);
    expect(lines[3]).toMatch(/—\s+—\s+—\s+—\s+·\s+not drivable$/);
  });

  test('within rejects with what timed out, and passes results through', async () => {
    await expect(within(10, 'Runtime.callFunctionOn', new Promise(() => undefined))).rejects.toThrow(
      'timed out after 10 ms: Runtime.callFunctionOn',
    );
    await expect(within(1000, 'x', Promise.resolve(7))).resolves.toBe(7);
  });

  test('floors get the background each browser runs', () => {
    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const chromium = manifest(buildFloor('webrequest', 'chromium'));
    const firefox = manifest(buildFloor('webrequest', 'firefox'));
    expect(chromium['background']).toEqual({ service_worker: 'background.js' });
    expect(chromium['browser_specific_settings']).toBeUndefined();
    expect(firefox['background']).toEqual({ scripts: ['background.js'] });
    expect(firefox['browser_specific_settings']).toMatchObject({ gecko: { id: 'floor-webrequest@cookie-monitor.dev' } });
    expect(firefox['permissions']).toEqual(['cookies', 'webRequest']);
  });
});
