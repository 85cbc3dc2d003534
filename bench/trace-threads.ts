import { readFileSync } from 'node:fs';

/**
 * Thread CPU per process and thread in a Chromium trace (top-level events' thread time), busiest
 * first: where a page load's time went — the extension's worker, the browser process (its IO
 * thread runs webRequest and cookie notifications), the page's renderer.
 */
export function threadCpu(path: string, top = 8): string {
  type Ev = {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    tdur?: number;
    pid: number;
    tid: number;
    args?: { name?: string; labels?: string };
  };
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: Ev[] }).traceEvents;
  const processName = new Map<number, string>();
  const threadName = new Map<string, string>();
  const workerPids = new Set<number>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processName.set(e.pid, e.args?.name ?? '');
    if (e.name === 'process_labels' && e.args?.labels) processName.set(e.pid, `${processName.get(e.pid) ?? ''} ${e.args.labels}`.trim());
    if (e.name === 'thread_name') {
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
      if (/ServiceWorker/i.test(e.args?.name ?? '')) workerPids.add(e.pid);
    }
  }
  const ends = new Map<string, number>();
  const cpu = new Map<string, number>();
  for (const e of events.filter((x) => x.ph === 'X' && x.tdur !== undefined).sort((a, b) => a.ts - b.ts)) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ts < (ends.get(k) ?? -1)) continue;
    ends.set(k, e.ts + (e.dur ?? 0));
    const proc = `${processName.get(e.pid) ?? `pid ${e.pid}`}${workerPids.has(e.pid) ? ' [extension worker]' : ''}`;
    const who = `${proc} / ${(threadName.get(k) ?? String(e.tid)).replace(/\d+$/, '')}`;
    cpu.set(who, (cpu.get(who) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  return [...cpu]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
}
