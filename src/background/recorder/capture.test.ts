import { describe, expect, test } from 'vitest';
import type { HeaderCaptureMode } from '../../model/events';
import { HeaderCapture, RESTORE_GRACE_MS } from './capture';

function setup(mode: HeaderCaptureMode = 'inspected') {
  const state = { mode, now: 0, saved: [] as number[][], attached: true, attaches: 0, detaches: 0 };
  const capture = new HeaderCapture({
    listeners: {
      attach: () => {
        if (!state.attached) state.attaches++;
        state.attached = true;
      },
      detach: () => {
        if (state.attached) state.detaches++;
        state.attached = false;
      },
      get attached() {
        return state.attached;
      },
    },
    mode: () => state.mode,
    save: (tabs) => state.saved.push(tabs),
    now: () => state.now,
  });
  return { capture, state };
}

describe('HeaderCapture', () => {
  test('listeners stay attached until settings are known, then go when nobody watches', () => {
    const { capture, state } = setup();
    expect(capture.settled).toBe(false);
    expect(state.attached).toBe(true);
    capture.start([]);
    expect(state.attached).toBe(false);
    expect(capture.covers(7)).toBe(false);
    expect(capture.listening()).toBe(false);
  });

  test("'all' keeps them attached and covers every tab, including requests made by no tab", () => {
    const { capture, state } = setup('all');
    capture.start([]);
    expect(state.attached).toBe(true);
    expect(capture.covers(1)).toBe(true);
    expect(capture.covers(-1)).toBe(true);
  });

  test('a watched tab attaches the listeners and is the only tab covered; the last port closing detaches', () => {
    const { capture, state } = setup();
    capture.start([]);
    const stopA = capture.watch(4);
    const stopB = capture.watch(4); // DevTools page and the panel both watch
    expect(state.attached).toBe(true);
    expect(capture.covers(4)).toBe(true);
    expect(capture.covers(5)).toBe(false);
    expect(capture.covers(-1)).toBe(false);
    stopA();
    stopA(); // closing twice counts once
    expect(capture.covers(4)).toBe(true);
    stopB();
    expect(capture.covers(4)).toBe(false);
    expect(state.attached).toBe(false);
    expect(state.saved.at(-1)).toEqual([]);
    expect(state.saved).toContainEqual([4]);
  });

  test('switching the setting re-evaluates the listeners', () => {
    const { capture, state } = setup();
    capture.start([]);
    state.mode = 'all';
    capture.update();
    expect(state.attached).toBe(true);
    state.mode = 'inspected';
    capture.update();
    expect(state.attached).toBe(false);
  });

  test('tabs restored after a restart are covered for a grace period unless their page reconnects', () => {
    const { capture, state } = setup();
    capture.start([3, 9]);
    expect(state.attached).toBe(true);
    expect(capture.watchedTabs()).toEqual([3, 9]);
    capture.watch(3); // the panel of tab 3 reconnected
    state.now = RESTORE_GRACE_MS + 1;
    expect(capture.covers(9)).toBe(false);
    expect(capture.covers(3)).toBe(true);
    capture.update();
    expect(state.attached).toBe(true);
    expect(capture.watchedTabs()).toEqual([3]);
  });

  test('a restored list with nobody reconnecting detaches after the grace period', () => {
    const { capture, state } = setup();
    capture.start([3]);
    state.now = RESTORE_GRACE_MS + 1;
    capture.update();
    expect(state.attached).toBe(false);
  });

  test('watching before settings are known is kept', () => {
    const { capture, state } = setup();
    capture.watch(2);
    capture.start([]);
    expect(state.attached).toBe(true);
    expect(capture.covers(2)).toBe(true);
  });
});
