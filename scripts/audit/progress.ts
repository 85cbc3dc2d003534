/**
 * The audit's progress on stderr: on a terminal, one bar redrawn in place (notes print above it);
 * otherwise a line per URL, which is what CI logs and pipes want. Hand-written: a bar is a dozen
 * lines, and a progress library would bring terminal handling the command does not need.
 */
import type { AuditProgress } from './drive';

/** A terminal stream: stderr when it is a TTY. */
export interface TtyStream {
  write(text: string): unknown;
  /** Terminal width; absent when unknown. */
  columns?: number | undefined;
}

const BAR_WIDTH = 20;
const DEFAULT_COLUMNS = 80;
/** Carriage return, then erase to the end of the line (ECMA-48 EL). */
const CLEAR_LINE = '\r\u001b[K';

/** `[#####---------------] 1/4 label`, cut to fit `columns` (the last column stays empty so the terminal does not wrap). */
export function renderBar(done: number, total: number, label: string, columns: number = DEFAULT_COLUMNS): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} `;
  const room = Math.max(0, columns - 1 - head.length);
  // Control characters in a URL would move the cursor; the bar shows text only.
  const clean = label.replace(/\p{Cc}/gu, ' ');
  const shown = clean.length <= room ? clean : room <= 1 ? '' : `${clean.slice(0, room - 1)}…`;
  return `${head}${shown}`.slice(0, Math.max(0, columns - 1));
}

export const visitedLine = (i: number, n: number, url: string, status: number | null): string =>
  `[${i}/${n}] ${url}${status === null ? '' : ` (HTTP ${status})`}`;

export class ProgressView implements AuditProgress {
  private drawn: string | undefined;

  /** `tty`: stderr when it is a terminal; without it, lines go to `err`. */
  constructor(
    private readonly err: (line: string) => void,
    private readonly tty?: TtyStream,
  ) {}

  visiting(index: number, total: number, url: string): void {
    if (this.tty) this.draw(renderBar(index - 1, total, `loading ${url}`, this.tty.columns));
  }

  visited(index: number, total: number, url: string, status: number | null): void {
    if (this.tty) this.draw(renderBar(index, total, visitedLine(index, total, url, status).replace(/^\S+ /, ''), this.tty.columns));
    else this.err(visitedLine(index, total, url, status));
  }

  note(line: string): void {
    if (!this.tty) return this.err(line);
    const bar = this.drawn;
    this.finish();
    this.tty.write(`${line}\n`);
    if (bar !== undefined) this.draw(bar);
  }

  /** Takes the bar off the screen (before the summary, or an error). */
  finish(): void {
    if (this.tty && this.drawn !== undefined) this.tty.write(CLEAR_LINE);
    this.drawn = undefined;
  }

  private draw(bar: string): void {
    this.tty?.write(`${CLEAR_LINE}${bar}`);
    this.drawn = bar;
  }
}

/** Progress that says nothing (--quiet). */
export const SILENT: AuditProgress = { visited: () => undefined, note: () => undefined };
