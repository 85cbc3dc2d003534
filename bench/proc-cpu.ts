/**
 * CPU time used by a process and all its descendants (Linux /proc), for the benchmarks: wall time
 * on a small shared machine drifts with whatever else runs, CPU time spent by the browser much less.
 * Returns undefined where /proc is not available.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function fieldsOf(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(fieldsOf(Number(entry))?.[1]);
    if (!Number.isFinite(ppid)) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * What kind of browser process `pid` is, from its command line: Chromium's `--type=` (an extension
 * renderer says so), Firefox's content process type (its last argument), else `browser`.
 */
function kindOf(pid: number): string {
  let args: string[];
  try {
    // Chromium's child processes rewrite their command line as one space-separated string.
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
  } catch {
    return '?';
  }
  const type = args.find((a) => a.startsWith('--type='))?.slice(7);
  if (type) return args.includes('--extension-process') ? `${type} (extension)` : type;
  if (args.includes('-contentproc')) return `content ${args.at(-1) ?? ''}`.trim();
  return 'browser';
}

/** ms of CPU used so far by each kind of process in `root`'s tree (see kindOf), for "where the time goes". */
export function cpuByKind(root: number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (root === undefined || !existsSync('/proc/self/stat')) return out;
  for (const pid of descendants(root)) {
    const f = fieldsOf(pid);
    if (!f) continue;
    const k = kindOf(pid);
    out.set(k, (out.get(k) ?? 0) + ((Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND) * 1000);
  }
  return out;
}

/** ms of CPU (user + system, including reaped children) used so far by `root`'s process tree. */
export function treeCpuMs(root: number | undefined): number | undefined {
  if (root === undefined || !existsSync('/proc/self/stat')) return undefined;
  let ticks = 0;
  for (const pid of descendants(root)) {
    const f = fieldsOf(pid);
    if (f) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}
