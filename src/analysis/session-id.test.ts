import { describe, expect, test } from 'vitest';
import { detectSessionId, estimatedEntropyBits, looksLikeRandomId, nameWords } from './session-id';

const RANDOM = 'q8Zk2Lr0VbX4nT7yHc1mWp9s';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';

describe('known names', () => {
  test.each([
    ['JSESSIONID', 'Java Servlet (Tomcat, Jetty, …)'],
    ['jsessionid', 'Java Servlet (Tomcat, Jetty, …)'],
    ['JSESSIONIDSSO', 'Apache Tomcat single sign-on'],
    ['PHPSESSID', 'PHP'],
    ['ASP.NET_SessionId', 'ASP.NET'],
    ['ASPSESSIONIDQQGGGNCG', 'Classic ASP'],
    ['.AspNetCore.Session', 'ASP.NET Core'],
    ['connect.sid', 'Express (express-session)'],
    ['express:sess', 'Express (cookie-session)'],
    ['sessionid', 'Django'],
    ['laravel_session', 'Laravel'],
    ['ci_session', 'CodeIgniter'],
    ['_session_id', 'Ruby on Rails'],
    ['_myapp_session', 'Ruby on Rails'],
    ['_gitlab_session', 'GitLab'],
    ['CFID', 'ColdFusion'],
    ['CFTOKEN', 'ColdFusion'],
    ['wordpress_logged_in_0123456789abcdef0123456789abcdef', 'WordPress'],
    ['wordpress_sec_0123456789abcdef0123456789abcdef', 'WordPress'],
    ['SESS0123456789abcdef0123456789abcdef', 'Drupal'],
    ['SSESS0123456789abcdef0123456789abcdef', 'Drupal'],
    ['_shibsession_64656661756c7468747470', 'Shibboleth SP'],
    ['koa.sess', 'Koa (koa-session)'],
    ['next-auth.session-token', 'NextAuth.js / Auth.js'],
    ['__Secure-next-auth.session-token', 'NextAuth.js / Auth.js'],
    ['__Host-next-auth.session-token', 'NextAuth.js / Auth.js'],
    ['__Secure-authjs.session-token.0', 'NextAuth.js / Auth.js'],
    ['session', 'Flask / Spring Session / cookie-session'],
    ['PLAY_SESSION', 'Play Framework'],
  ])('%s is a %s session ID with a fingerprintable default name', (name, framework) => {
    expect(detectSessionId(name, '')).toEqual({
      isSessionId: true,
      confidence: 'known',
      framework,
      defaultName: true,
      why: `${framework} session cookie name`,
    });
  });

  test('sid is a known session name but not a framework fingerprint', () => {
    expect(detectSessionId('sid', 'x')).toMatchObject({ isSessionId: true, confidence: 'known', defaultName: false });
    expect(detectSessionId('sid', 'x')).not.toHaveProperty('framework');
  });

  test.each([
    'AWSALB',
    'AWSALBCORS',
    'AWSELB',
    'ARRAffinity',
    'SERVERID',
    'BIGipServerpool_web',
    'wp-settings-1',
    'wp-settings-time-1',
    'wordpress_test_cookie',
    'XSRF-TOKEN',
    'csrftoken',
    '__cf_bm',
    'next-auth.csrf-token',
    '__Host-next-auth.csrf-token',
  ])('%s is known and not a session ID', (name) => {
    expect(detectSessionId(name, RANDOM)).toMatchObject({ isSessionId: false, confidence: 'known', defaultName: false });
  });
});

describe('heuristics', () => {
  test.each([
    ['mySessionKey', RANDOM, 'session'],
    ['user_sid', RANDOM, 'sid'],
    ['auth', RANDOM, 'auth'],
    ['accessToken', RANDOM, 'token'],
    ['refresh_token', RANDOM, 'token'],
    ['app-sess', RANDOM, 'sess'],
    ['AUTH_TOKEN', JWT, 'auth'],
    ['idtoken', `"${RANDOM}"`, 'idtoken'],
  ])('%s with an ID-like value is a heuristic session ID', (name, value, word) => {
    const m = detectSessionId(name, value);
    expect(m).toMatchObject({ isSessionId: true, confidence: 'heuristic', defaultName: false });
    expect(m?.why).toContain(`"${word}"`);
  });

  test('without a value the name decides', () => {
    expect(detectSessionId('user_session')).toMatchObject({ isSessionId: true, confidence: 'heuristic' });
  });

  test.each([
    ['session_lang', 'en-US'],
    ['auth', 'true'],
    ['token', ''],
    ['session_count', '12345678901234567890'.slice(0, 5)],
  ])('%s=%j: name suggests it, value does not', (name, value) => {
    expect(detectSessionId(name, value)).toMatchObject({ isSessionId: false, confidence: 'heuristic' });
  });

  test.each(['csrf_session', 'xsrfToken', 'my-csrftoken'])('%s is a CSRF token', (name) => {
    expect(detectSessionId(name, RANDOM)).toMatchObject({ isSessionId: false, why: 'CSRF token, not a session ID' });
  });

  test.each(['_ga', 'theme', 'assessment', 'author', 'side', 'tokenizer_mode', 'obsessed', ''])('%j: no opinion', (name) => {
    expect(detectSessionId(name, RANDOM)).toBeNull();
  });
});

describe('helpers', () => {
  test.each([
    ['accessToken', ['access', 'token']],
    ['user_sid', ['user', 'sid']],
    ['ASP.NET_SessionId', ['asp', 'net', 'session', 'id']],
    ['__Host-x', ['host', 'x']],
    ['', []],
  ])('nameWords(%j)', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });

  test.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 4],
    ['abcd', 8],
  ])('entropy of %j is %i bits', (v, bits) => {
    expect(estimatedEntropyBits(v)).toBeCloseTo(bits);
  });

  test.each([
    [RANDOM, true],
    ['0123456789abcdef0123456789abcdef', true],
    ['aaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['short1A', false],
    ['has spaces in it but long enough', false],
    ['ÄÖÜäöüßÄÖÜäöüßÄÖÜ', false],
  ])('looksLikeRandomId(%j) is %s', (v, expected) => {
    expect(looksLikeRandomId(v)).toBe(expected);
  });
});
