import { describe, expect, test } from 'vitest';
import { authMomentOf } from './auth-urls';

describe('authMomentOf', () => {
  test.each([
    ['https://a.test/login', 'login'],
    ['https://a.test/Login?next=/home', 'login'],
    ['https://a.test/signin', 'login'],
    ['https://a.test/users/sign_in', 'login'],
    ['https://a.test/api/auth', 'login'],
    ['https://a.test/app/j_security_check', 'login'],
    ['https://a.test/wp-login.php', 'login'],
    ['https://a.test/accounts/login/', 'login'],
    ['https://a.test/oauth2/callback?code={8:0123456789ab}', 'login'],
    ['https://a.test/auth/google/callback', 'login'],
    ['https://a.test/login.do;jsessionid=ABC', 'login'],
    ['https://a.test/logout', 'logout'],
    ['https://a.test/auth/logout', 'logout'],
    ['https://a.test/signout', 'logout'],
    ['https://a.test/account/sign-out', 'logout'],
    ['https://a.test/logoff.aspx', 'logout'],
    ['https://a.test/wp-login.php/logout', 'logout'],
  ] as const)('%s is a %s', (url, moment) => {
    expect(authMomentOf(url)).toBe(moment);
  });

  test.each([
    'https://a.test/',
    'https://a.test/blog/how-to-login-faster',
    'https://a.test/authors',
    'https://a.test/callback',
    'https://a.test/loginx',
    'https://a.test/?login=1',
    'not a url',
  ])('%s is neither', (url) => {
    expect(authMomentOf(url)).toBeUndefined();
  });
});
