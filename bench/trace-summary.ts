import { readFileSync } from 'node:fs';

/**
 * PANEL_TRACE=file: where the panel's main thread spent its time while appending (self time per
 * trace event, all tasks and tasks over 50 ms), from a Chromium trace written to `file`; the long
 * tasks' wall time against their thread CPU time, and the threads that used the CPU meanwhile.
 */
export function traceSummary(path: string): string {
  type Ev = {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    tdur?: number;
    pid: number;
    tid: number;
    args?: { name?: string; data?: { frames?: { url?: string; processId?: number }[] } };
  };
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: Ev[] }).traceEvents;
  const pids = new Set<number>();
  for (const e of events) for (const f of e.args?.data?.frames ?? []) if (f.url?.includes('/panel/') && f.processId) pids.add(f.processId);
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid));
  if (!main) return 'trace: no panel main thread';
  const xs = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const all = new Map<string, number>();
  const long = new Map<string, number>();
  let longTasks = 0;
  let longWall = 0;
  let longCpu = 0;
  const stack: { e: Ev; self: number; inLong: boolean }[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && stack.at(-1)!.e.ts + (stack.at(-1)!.e.dur ?? 0) <= until) {
      const top = stack.pop()!;
      all.set(top.e.name, (all.get(top.e.name) ?? 0) + top.self / 1000);
      if (top.inLong) long.set(top.e.name, (long.get(top.e.name) ?? 0) + top.self / 1000);
    }
  };
  for (const e of xs) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.self -= e.dur ?? 0;
    const isLong = !parent && (e.dur ?? 0) > 50_000;
    if (isLong) {
      longTasks++;
      longWall += (e.dur ?? 0) / 1000;
      longCpu += (e.tdur ?? 0) / 1000;
    }
    stack.push({ e, self: e.dur ?? 0, inLong: isLong || (parent?.inLong ?? false) });
  }
  close(Infinity);
  const top = (m: Map<string, number>): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 18)
      .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${k}`)
      .join('\n');
  // Thread CPU of every thread in the trace (top-level events' tdur): a long task whose CPU is a
  // fraction of its wall time waited for a core, and these are the threads that had them.
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const ends = new Map<string, number>();
  const cpu = new Map<string, number>();
  for (const e of [...events].filter((x) => x.ph === 'X' && x.tdur !== undefined).sort((a, b) => a.ts - b.ts)) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ts < (ends.get(k) ?? -1)) continue;
    ends.set(k, e.ts + (e.dur ?? 0));
    const who = `${e.pid === main.pid ? (e.tid === main.tid ? 'panel ' : 'panel process ') : `pid ${e.pid} `}${threadName.get(k) ?? e.tid}`;
    cpu.set(who, (cpu.get(who) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const threads = [...cpu]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${k}`)
    .join('\n');
  return (
    `trace, panel main thread, self time per event:\n${top(all)}\n${longTasks} tasks over 50 ms (${longWall.toFixed(0)} ms wall, ` +
    `${longCpu.toFixed(0)} ms thread CPU), self time inside them:\n${top(long)}\nthread CPU while tracing, busiest threads (same-named threads of a process summed):\n${threads}`
  );
}
