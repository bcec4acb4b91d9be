/** The reading-state model: plain data and pure functions. No storage, no DOM, no timers. */
export * from './types';
export * from './ids';
export * from './keys';
export * from './validate';
export * from './settings';
export * from './merge';
export * from './reducers';
export * from './read-rule';
export * from './anchor';
export * from './exchange';
export * from './sync';
