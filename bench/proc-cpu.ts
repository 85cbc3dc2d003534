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
