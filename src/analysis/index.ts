/** Public API of the pure analysis layer. Internals (findings/*, set-cookie-parse, cookie-match) stay private. */
export * from './domain';
export * from './size';
export * from './jwt';
export * from './session-id';
export * from './classify';
export * from './limits';
export * from './findings';
export * from './cookie-date';
export * from './set-cookie';
export * from './cookie-jar';
export * from './purpose';
export * from './purpose-summary';
export * from './sessions';
export * from './auth-urls';
export * from './auth-moments';
export * from './url-secrets';
