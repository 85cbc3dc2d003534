export * from './cookie';
export * from './finding';
export * from './limits';
export * from './observation';
