import { describe, expect, test } from 'vitest';
import { ProgressView, renderBar, SILENT } from './progress';

/** A terminal that keeps what was written, and what the screen shows once \r and erase-line are applied. */
function fakeTty(columns?: number) {
  const writes: string[] = [];
  const clear = '\r\u001b[K';
  const screen = (): string[] =>
    writes
      .join('')
      .split('\n')
      .map((line) => line.slice(line.lastIndexOf(clear) === -1 ? 0 : line.lastIndexOf(clear) + clear.length));
  return { write: (t: string) => writes.push(t), columns, writes, screen };
}

describe('renderBar', () => {
  test.each([
    [0, 4, '[--------------------] 0/4 a'],
    [1, 4, '[#####---------------] 1/4 a'],
    [4, 4, '[####################] 4/4 a'],
    [9, 4, '[####################] 9/4 a'],
    [0, 0, '[--------------------] 0/0 a'],
  ])('%i of %i', (done, total, bar) => {
    expect(renderBar(done, total, 'a')).toBe(bar);
  });

  test('a long label is cut with an ellipsis to leave the last column free', () => {
    const bar = renderBar(1, 2, `http://example.test/${'x'.repeat(200)}`, 60);
    expect(bar).toHaveLength(59);
    expect(bar.endsWith('…')).toBe(true);
  });

  test('a terminal too narrow for the bar gets a cut bar, never a wrapped line', () => {
    expect(renderBar(1, 2, 'label', 10)).toBe('[########');
  });

  test('control characters in the label cannot move the cursor', () => {
    expect(renderBar(1, 1, 'a\u001b[2Jb\rc')).not.toMatch(/\p{Cc}/u);
  });
});

describe('ProgressView', () => {
  test('without a terminal: one line per URL, as before; notes are lines', () => {
    const lines: string[] = [];
    const view = new ProgressView((l) => lines.push(l));
    view.visiting(1, 2, 'http://a.test/');
    view.visited(1, 2, 'http://a.test/', 200);
    view.note('consent on http://a.test/: no banner found');
    view.visited(2, 2, 'http://b.test/', null);
    view.finish();
    expect(lines).toEqual(['[1/2] http://a.test/ (HTTP 200)', 'consent on http://a.test/: no banner found', '[2/2] http://b.test/']);
  });

  test('on a terminal: one bar redrawn in place, notes print above it, and finish leaves a clean line', () => {
    const tty = fakeTty(80);
    const lines: string[] = [];
    const view = new ProgressView((l) => lines.push(l), tty);
    view.visiting(1, 2, 'http://a.test/');
    expect(tty.screen()).toEqual(['[--------------------] 0/2 loading http://a.test/']);
    view.visited(1, 2, 'http://a.test/', 200);
    expect(tty.screen()).toEqual(['[##########----------] 1/2 http://a.test/ (HTTP 200)']);
    view.note('login by --login script');
    expect(tty.screen()).toEqual(['login by --login script', '[##########----------] 1/2 http://a.test/ (HTTP 200)']);
    view.visited(2, 2, 'http://b.test/', null);
    view.finish();
    expect(tty.screen()).toEqual(['login by --login script', '']);
    expect(lines).toEqual([]);
    // The bar itself never ends a line: it is always overwritten.
    expect(tty.writes.filter((w) => w.includes('[#')).every((w) => !w.includes('\n'))).toBe(true);
  });

  test('a note before any bar is just a line; finish with nothing drawn writes nothing', () => {
    const tty = fakeTty();
    const view = new ProgressView(() => undefined, tty);
    view.note('building the extension…');
    view.finish();
    expect(tty.writes).toEqual(['building the extension…\n']);
  });

  test('--quiet: the silent progress writes nothing', () => {
    expect(() => {
      SILENT.visited(1, 1, 'http://a.test/', 200);
      SILENT.note('x');
    }).not.toThrow();
  });
});
