import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Builds the benchmark variant (dist-bench/<browser>): the extension plus bench/page. */
export function buildBench(browser: 'chrome' | 'firefox'): string {
  const r = spawnSync('npx', ['vite', 'build', '--mode', browser, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CM_BENCH: '1' },
  });
  if (r.status !== 0) throw new Error('bench build failed');
  return resolve(root, 'dist-bench', browser);
}
