export * from './cookie';
export * from './finding';
export * from './limits';
export * from './observation';
export * from './set-cookie';
// ./events is imported directly: its `LimitProfile` (a setting) and `cookieKey` (CookieIdentity)
// would collide with ./limits and ./cookie here.
export * from './purpose';
