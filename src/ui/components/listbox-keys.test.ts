import { describe, expect, test } from 'vitest';
import { listboxTarget, typeAheadMatch } from './listbox-keys';

describe('listboxTarget', () => {
  test.each([
    ['ArrowDown', 2, 3],
    ['ArrowUp', 2, 1],
    ['PageDown', 2, 7],
    ['PageUp', 7, 2],
    ['PageUp', 2, 0],
    ['PageDown', 8, 9],
    ['Home', 5, 0],
    ['End', 5, 9],
    ['ArrowDown', 9, 9],
    ['ArrowUp', 0, 0],
    ['ArrowDown', -1, 0],
    ['ArrowUp', -1, 9],
  ])('%s from %i in 10 items (5 a page) → %i', (key, from, want) => {
    expect(listboxTarget(key, from, 10, 5)).toBe(want);
  });

  test('other keys and empty lists move nothing', () => {
    expect(listboxTarget('Enter', 1, 10, 5)).toBeUndefined();
    expect(listboxTarget('a', 1, 10, 5)).toBeUndefined();
    expect(listboxTarget('Home', -1, 0, 5)).toBeUndefined();
  });
});

describe('typeAheadMatch', () => {
  const names = ['csrf', 'JSESSIONID', 'jwt_none', 'lim_1', 'PHPSESSID'];
  test.each([
    ['j', -1, 1],
    ['js', 1, 1],
    ['JSESSIONID', 1, 1],
    ['j', 1, 2],
    ['jj', 2, 1],
    ['p', 4, 4],
    ['x', 0, undefined],
    ['', 0, undefined],
  ])('%j from %i → %s', (typed, from, want) => {
    expect(typeAheadMatch(names, typed, from)).toBe(want);
  });
});
