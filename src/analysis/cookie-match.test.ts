import { describe, expect, test } from 'vitest';
import { cookieDomainMatch, defaultPath, pathMatch } from './cookie-match';

describe('RFC 6265 §5.1.3–5.1.4 matching helpers', () => {
  test.each([
    ['example.com', 'example.com', true],
    ['www.example.com', 'example.com', true],
    ['wwwexample.com', 'example.com', false],
    ['example.com', 'www.example.com', false],
    ['example.com.', 'example.com', false],
    ['1.2.3.4', '2.3.4', false],
    ['1.2.3.4', '1.2.3.4', true],
  ])('cookieDomainMatch(%j, %j) → %j', (host, domain, expected) => {
    expect(cookieDomainMatch(host, domain)).toBe(expected);
  });

  test.each([
    ['/a/b', '/a/b', true],
    ['/a/b/c', '/a/b', true],
    ['/a/bc', '/a/b', false],
    ['/a/b/c', '/a/b/', true],
    ['/a/b', '/a/b/', false],
    ['/', '/', true],
    ['/A', '/a', false],
  ])('pathMatch(%j, %j) → %j', (requestPath, cookiePath, expected) => {
    expect(pathMatch(requestPath, cookiePath)).toBe(expected);
  });

  test.each([
    ['', '/'],
    ['x', '/'],
    ['/', '/'],
    ['/a', '/'],
    ['/a/', '/a'],
    ['/a/b', '/a'],
    ['/a/b/c', '/a/b'],
    ['//x', '/'],
  ])('defaultPath(%j) → %j', (path, expected) => {
    expect(defaultPath(path)).toBe(expected);
  });
});
